// MCP over HTTP: requests per second for tools/list and a cheap tools/call (search_operations) at
// concurrency 50, callbridge (`callbridge mcp --http`, the built CLI) side by side in one run with a
// minimal SDK v2 server that answers the same tools/list bytes (bench/lib/minimal-mcp-server.ts).
// Both are separate processes on loopback, measured in alternating rounds; stateless 2025-06-18
// requests (no session, no initialize), as a load balancer would spread them.
//
//   npx tsup && npx tsx bench/mcp-http.ts [--cli=dist/callbridge/cli.js] [--quick] [--seconds=5] [--rounds=3]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';
import { startupByModule } from './lib/bundle-profile.js';
import { BUILD_DIR, machine, parseFlags, ROOT, spread, table, versionReport, writeResult, type Spread } from './lib/common.js';

const CONCURRENCY = 50;
const TARGET_RATIO = 0.9;
/** Linux clock ticks per second (USER_HZ), the unit of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS = 100;

interface Workload {
  name: string;
  body: string;
}

const WORKLOADS: Workload[] = [
  { name: 'tools/list', body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }) },
  { name: 'tools/call search_operations', body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'search_operations', arguments: { query: 'tts call', limit: 1 } } }) },
];

export interface McpHttpResult {
  machine: ReturnType<typeof machine>;
  versions: ReturnType<typeof versionReport>;
  concurrency: number;
  secondsPerRound: number;
  rounds: number;
  rows: Array<{
    workload: string;
    callbridge: Spread;
    minimal: Spread;
    ratio: number;
    met: boolean;
    /** CPU time (user + system) of each server process per request answered, µs: less moved by other load on the machine than requests/s. */
    callbridgeCpuUs?: Spread;
    minimalCpuUs?: Spread;
  }>;
  targetRatio: number;
  /** After the measured rounds: callbridge alone under node --cpu-prof, each workload in turn; CPU ms by module of the bundle (and Node's internals), largest first. */
  profile?: { seconds: number; requests: number; byModule: { module: string; ms: number }[] };
}

/** Starts a server process and resolves with its MCP URL (read from its stderr). */
function start(command: string, args: string[], nodeArgs: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, command, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CALLBRIDGE_MCP_CONFIRM: 'false' } });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      const url = /listening on (http:\/\/[^\s]+\/mcp)/.exec(stderr)?.[1];
      if (url) resolvePromise({ url, child });
    });
    child.on('exit', (code) => reject(new Error(`${command} exited with ${code}: ${stderr.slice(-1000)}`)));
  });
}

/** CPU time (user + system) a process has used so far, ms (from /proc). */
function cpuMsOf(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** Requests per second and the server's CPU µs per request: CONCURRENCY workers send `body` back to back for `seconds`. */
async function rate(server: { url: string; child: ChildProcess }, body: string, seconds: number, dispatcher: Agent): Promise<{ perSecond: number; cpuUs: number }> {
  const cpu0 = cpuMsOf(server.child.pid);
  const { perSecond, requests } = await load(server.url, body, seconds, dispatcher);
  return { perSecond, cpuUs: ((cpuMsOf(server.child.pid) - cpu0) * 1000) / requests };
}

async function load(url: string, body: string, seconds: number, dispatcher: Agent): Promise<{ perSecond: number; requests: number }> {
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-06-18' };
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const res = await fetch(url, { method: 'POST', headers, body, dispatcher } as RequestInit);
      const text = await res.text();
      if (res.status !== 200 || text.includes('"error"')) throw new Error(`${url}: ${res.status} ${text.slice(0, 300)}`);
      done++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { perSecond: done / ((performance.now() - t0) / 1000), requests: done };
}

/** callbridge alone under node --cpu-prof, each workload for `seconds`; the profile is written when SIGINT stops it. */
async function profileCallbridge(cli: string, seconds: number, dispatcher: Agent): Promise<McpHttpResult['profile']> {
  const dir = mkdtempSync(join(tmpdir(), 'callbridge-mcp-http-prof-'));
  try {
    const server = await start(cli, ['mcp', '--http', '--port', '0', '--store', 'memory'], ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    let requests = 0;
    for (const workload of WORKLOADS) requests += (await load(server.url, workload.body, seconds, dispatcher)).requests;
    server.child.removeAllListeners('exit');
    await new Promise((resolveExit) => {
      server.child.once('exit', resolveExit);
      server.child.kill('SIGINT');
    });
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    return file ? { seconds: seconds * WORKLOADS.length, requests, byModule: startupByModule(join(dir, file), cli) } : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function buildMinimal(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(BUILD_DIR, 'minimal-mcp-server.mjs');
  await build({ entryPoints: [join(ROOT, 'bench', 'lib', 'minimal-mcp-server.ts')], outfile, bundle: true, format: 'esm', platform: 'node', target: 'node22', logLevel: 'warning', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
  return outfile;
}

export async function runMcpHttpBench(flags: Record<string, string | boolean>): Promise<McpHttpResult> {
  const started = machine();
  const cli = resolve(ROOT, typeof flags.cli === 'string' ? flags.cli : 'dist/callbridge/cli.js');
  const seconds = Number(flags.seconds ?? (flags.quick ? 2 : 5));
  const rounds = Number(flags.rounds ?? (flags.quick ? 2 : 3));
  const callbridge = await start(cli, ['mcp', '--http', '--port', '0', '--store', 'memory']);
  const dispatcher = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 30_000 });
  let minimal: { url: string; child: ChildProcess } | undefined;
  try {
    // The minimal server lists exactly what callbridge lists.
    const listed = await (await fetch(callbridge.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-06-18' }, body: WORKLOADS[0].body })).text();
    const data = /^data: (.+)$/m.exec(listed);
    mkdirSync(BUILD_DIR, { recursive: true });
    const toolsFile = join(BUILD_DIR, 'tools-list.json');
    writeFileSync(toolsFile, JSON.stringify((JSON.parse(data ? data[1] : listed) as { result: unknown }).result));
    minimal = await start(await buildMinimal(), [toolsFile]);
    const rows: McpHttpResult['rows'] = [];
    for (const workload of WORKLOADS) {
      const ours: { perSecond: number; cpuUs: number }[] = [];
      const theirs: { perSecond: number; cpuUs: number }[] = [];
      // Warm both, then alternate so that machine noise hits both alike.
      await rate(callbridge, workload.body, 1, dispatcher);
      await rate(minimal, workload.body, 1, dispatcher);
      for (let i = 0; i < rounds; i++) {
        ours.push(await rate(callbridge, workload.body, seconds, dispatcher));
        theirs.push(await rate(minimal, workload.body, seconds, dispatcher));
      }
      const a = spread(ours.map((r) => r.perSecond));
      const b = spread(theirs.map((r) => r.perSecond));
      const ratio = a.median / b.median;
      rows.push({
        workload: workload.name,
        callbridge: a,
        minimal: b,
        ratio,
        met: ratio >= TARGET_RATIO,
        callbridgeCpuUs: spread(ours.map((r) => r.cpuUs)),
        minimalCpuUs: spread(theirs.map((r) => r.cpuUs)),
      });
    }
    const profile = await profileCallbridge(cli, seconds, dispatcher);
    return { machine: { ...started, loadAverageEnd: machine().loadAverage }, versions: versionReport(['@modelcontextprotocol/server', '@modelcontextprotocol/node', 'zod']), concurrency: CONCURRENCY, secondsPerRound: seconds, rounds, rows, targetRatio: TARGET_RATIO, profile };
  } finally {
    await dispatcher.close();
    callbridge.child.removeAllListeners('exit');
    callbridge.child.kill();
    minimal?.child.removeAllListeners('exit');
    minimal?.child.kill();
  }
}

export function mcpHttpTable(result: McpHttpResult): string {
  const f = (s: Spread) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  const cpu = (r: McpHttpResult['rows'][number]) => (r.callbridgeCpuUs && r.minimalCpuUs ? [f(r.callbridgeCpuUs), f(r.minimalCpuUs), `${(r.callbridgeCpuUs.median / r.minimalCpuUs.median).toFixed(2)}×`] : ['—', '—', '—']);
  const rates = table(
    ['MCP over HTTP, concurrency 50', 'callbridge req/s, median (min–max)', 'minimal SDK v2 server req/s', 'ratio', `target ≥ ${result.targetRatio}×`, 'server CPU µs/request: callbridge', 'minimal', 'CPU ratio'],
    result.rows.map((r) => [r.workload, f(r.callbridge), f(r.minimal), `${r.ratio.toFixed(2)}×`, r.met ? 'met' : 'NOT met', ...cpu(r)]),
  );
  const p = result.profile;
  if (!p?.byModule.length) return rates;
  const total = p.byModule.reduce((sum, m) => sum + m.ms, 0);
  const busy = p.byModule.filter((m) => m.module !== '(idle)');
  const heading = `where callbridge's CPU goes under this load: node --cpu-prof, ${p.seconds} s, ${p.requests} requests, by module`;
  return `${rates}\n\n${table([heading, 'ms', '% of samples'], busy.slice(0, 14).map((m) => [m.module, m.ms.toFixed(0), `${((100 * m.ms) / total).toFixed(1)}%`]))}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flags = parseFlags(process.argv.slice(2));
  const result = await runMcpHttpBench(flags);
  writeResult(flags.quick ? 'mcp-http-quick' : 'mcp-http', result);
  console.log(mcpHttpTable(result));
}
