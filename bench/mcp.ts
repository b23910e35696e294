// MCP server: cold start from spawn to the first tools/list answered, RSS after start, and the size
// of tools/list in bytes and tokens for each toolset. Runs the built CLI over stdio as an MCP client
// would: initialize -> notifications/initialized -> tools/list.
//
//   npx tsup && npx tsx bench/mcp.ts [--cli=dist/callbridge/cli.js] [--runs=10] [--quick]
//   npx tsx bench/mcp.ts --build     (bundles mcp/cli.ts as tsup does, into .cache/bench/, without touching dist/)
// A minimal server on the same SDK (bench/lib/minimal-mcp-stdio-server.ts, bundled the same way) is started alongside, for scale.
// Tokens: o200k_base BPE (gpt-tokenizer, pinned) over the compact JSON text of the tools/list result,
// i.e. what a client receives; a model's own tokenizer and the client's rendering of tools differ somewhat.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { asciiOnly } from '../scripts/ascii-only.js';
import { startupByModule } from './lib/bundle-profile.js';
import { BUILD_DIR, machine, parseFlags, ROOT, spread, table, versionReport, writeResult, type Spread } from './lib/common.js';

export interface ToolsetSize {
  label: string;
  args: string[];
  tools: number;
  bytes: number;
  tokens: number;
  /** The three largest tools, by tokens. */
  largest: { name: string; tokens: number }[];
}

export interface McpResult {
  machine: ReturnType<typeof machine>;
  cli: string;
  versions: ReturnType<typeof versionReport>;
  tokenMethod: string;
  coldStartMs: Spread;
  /** The same start without Node's compile cache (NODE_DISABLE_COMPILE_CACHE=1): the first start after an install or upgrade. */
  coldStartNoCacheMs?: Spread;
  coldStartSandboxMs: Spread;
  rssAfterStartMiB: Spread;
  rssAfterStartSandboxMiB: Spread;
  /** A minimal server on the same MCP SDK (bench/lib/minimal-mcp-stdio-server.ts): cold start and RSS after start. */
  minimalColdStartMs: Spread;
  minimalRssMiB: Spread;
  /** Per run: callbridge's RSS after start over the minimal server's. */
  rssRatio: Spread;
  /** Spawn to the process being able to run JavaScript (node itself), for scale. */
  nodeBootMs: Spread;
  /** Import time of the server's big parts, each in a fresh process (they overlap: the catalog includes zod). */
  breakdown: { part: string; ms: Spread }[];
  toolsets: ToolsetSize[];
  targetMs: number;
  met: boolean;
  /** RSS after start ≤ this × the minimal server's. */
  rssTargetRatio: number;
  rssMet: boolean;
  /** One start of the server under node --cpu-prof: CPU ms by module of the bundle (and Node's internals), largest first. */
  startProfile?: { module: string; ms: number }[];
}

/** Env that gives the server credentials (so it does not start its in-process sandbox); nothing is sent. */
const CREDENTIAL_ENV = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'bench-ak',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'bench-secret',
  CALLBRIDGE_DYVMS_ENDPOINT: 'http://127.0.0.1:9/dyvms/',
  CALLBRIDGE_OUTBOUNDBOT_ENDPOINT: 'http://127.0.0.1:9/outboundbot/',
  VOLCENGINE_ACCESS_KEY: 'bench-volc-ak',
  VOLCENGINE_SECRET_KEY: 'bench-volc-sk',
  CALLBRIDGE_VOLCENGINE_ENDPOINT: 'http://127.0.0.1:9/volcengine/',
};

function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(ALIBABA_CLOUD_|VOLCENGINE_|VOLC_|CALLBRIDGE_)/.test(k) || ['NODE_OPTIONS', 'NODE_COMPILE_CACHE', 'NODE_DISABLE_COMPILE_CACHE'].includes(k)) delete env[k];
  return env;
}

function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

interface Session {
  coldStartMs: number;
  rssMiB: number;
  toolsJson: string;
  tools: { name: string }[];
}

/** One server process: spawn, initialize, tools/list; measured from just before spawn to the tools/list answer. */
function session(cli: string, args: string[], env: NodeJS.ProcessEnv): Promise<Session> {
  return serverSession([cli, 'mcp', ...args], env);
}

/** One start under node --cpu-prof (credentials set): where its start-up CPU goes, by module of the bundle. */
async function profiledStart(cli: string, env: NodeJS.ProcessEnv): Promise<{ module: string; ms: number }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'callbridge-mcp-prof-'));
  try {
    await serverSession(['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=200', cli, 'mcp'], env, { endByStdin: true });
    // The profile is written when the server exits (its stdin closed): wait for the file.
    for (let i = 0; i < 50 && !readdirSync(dir).some((f) => f.endsWith('.cpuprofile')); i++) await new Promise((r) => setTimeout(r, 100));
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    return file ? startupByModule(join(dir, file), cli) : [];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same for any stdio MCP server started with these node arguments. */
function serverSession(argv: string[], env: NodeJS.ProcessEnv, options: { endByStdin?: boolean } = {}): Promise<Session> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, argv, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let buffer = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no tools/list answer within 20 s: ${stderr.slice(-1000)}`));
    }, 20_000);
    const send = (message: unknown) => child.stdin.write(`${JSON.stringify(message)}\n`);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code && code !== 0) reject(new Error(`${argv.join(' ')} exited with ${code}: ${stderr.slice(-1000)}`));
    });
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!line.trim()) continue;
        const message = JSON.parse(line) as { id?: number; result?: { tools?: { name: string }[] }; error?: unknown };
        if (message.id === 1) {
          if (message.error) return reject(new Error(`initialize failed: ${JSON.stringify(message.error)}`));
          send({ jsonrpc: '2.0', method: 'notifications/initialized' });
          send({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
        } else if (message.id === 2) {
          const coldStartMs = performance.now() - t0;
          if (message.error || !message.result?.tools) return reject(new Error(`tools/list failed: ${JSON.stringify(message.error)}`));
          const rss = rssMiB(child.pid ?? 0);
          clearTimeout(timer);
          child.removeAllListeners('exit');
          child.stdin.end();
          // A server ends when its stdin closes; killing it at once keeps the measured runs independent.
          if (!options.endByStdin) child.kill();
          resolvePromise({ coldStartMs, rssMiB: rss, toolsJson: JSON.stringify(message.result), tools: message.result.tools });
        }
      }
    });
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'callbridge-bench', version: '0.0.0' } },
    });
  });
}

/** Time to import one module in a fresh Node process (node boot excluded). */
function importMs(specifier: string): number {
  const script = `const t=performance.now();import(${JSON.stringify(specifier)}).then(()=>process.stdout.write(String(performance.now()-t)))`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, env: baseEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`import ${specifier} failed: ${r.stderr}`);
  return Number(r.stdout);
}

async function buildCatalogLib(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(BUILD_DIR, 'catalog-lib.mjs');
  await build({ entryPoints: [join(ROOT, 'bench', 'lib', 'catalog-lib.ts')], outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' });
  return outfile;
}

function nodeBootMs(): Promise<number> {
  return new Promise((resolvePromise) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', 'process.stdout.write("x")'], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.once('data', () => resolvePromise(performance.now() - t0));
  });
}

const TOOLSET_VARIANTS: { label: string; args: string[] }[] = [
  { label: 'default (calls, tasks, catalog)', args: [] },
  { label: 'default, --read-only', args: ['--read-only'] },
  { label: 'calls', args: ['--toolsets', 'calls'] },
  { label: 'tasks', args: ['--toolsets', 'tasks'] },
  { label: 'catalog', args: ['--toolsets', 'catalog'] },
];

/** How tsup.config.ts bundles the CLI: every dependency inlined (a few files load far faster than hundreds), ESM with a require. */
const AS_THE_CLI = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  charset: 'ascii',
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
} as const;

/** The CLI bundled as tsup.config.ts builds it (entry mcp/cli.ts, lazily imported parts in chunks/), into .cache/. */
async function buildCli(): Promise<string> {
  const { build } = await import('esbuild');
  const outdir = join(BUILD_DIR, 'callbridge');
  rmSync(outdir, { recursive: true, force: true });
  await build({ entryPoints: { cli: join(ROOT, 'mcp', 'cli.ts') }, outdir, splitting: true, chunkNames: 'chunks/[name]-[hash]', ...AS_THE_CLI });
  asciiOnly(outdir);
  return join(outdir, 'cli.js');
}

/** bench/lib/minimal-mcp-stdio-server.ts bundled as the CLI is (the SDK and zod inlined). */
async function buildMinimalServer(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(BUILD_DIR, 'minimal-mcp-stdio-server.mjs');
  await build({ entryPoints: [join(ROOT, 'bench', 'lib', 'minimal-mcp-stdio-server.ts')], outfile, ...AS_THE_CLI });
  return outfile;
}

export async function runMcpBench(flags: Record<string, string | boolean>): Promise<McpResult> {
  const started = machine();
  const cli = flags.build ? await buildCli() : resolve(ROOT, typeof flags.cli === 'string' ? flags.cli : 'dist/callbridge/cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} does not exist: build it with \`npx tsup\` (or pass --cli=path)`);
  const runs = Number(flags.runs ?? (flags.quick ? 3 : 10));
  const withCredentials = { ...baseEnv(), ...CREDENTIAL_ENV };
  const sandboxDefault = baseEnv();

  const minimal = await buildMinimalServer();
  // One throwaway start of each so the file system cache (and Node's compile cache, which the CLI turns on) is warm for every measured run alike.
  await session(cli, [], withCredentials);
  await serverSession([minimal], baseEnv());
  const cold: Session[] = [];
  const coldNoCache: Session[] = [];
  const coldSandbox: Session[] = [];
  const coldMinimal: Session[] = [];
  const boot: number[] = [];
  for (let i = 0; i < runs; i++) {
    cold.push(await session(cli, [], withCredentials));
    coldNoCache.push(await session(cli, [], { ...withCredentials, NODE_DISABLE_COMPILE_CACHE: '1' }));
    coldSandbox.push(await session(cli, [], sandboxDefault));
    coldMinimal.push(await serverSession([minimal], baseEnv()));
    boot.push(await nodeBootMs());
  }

  const catalogLib = pathToFileURL(await buildCatalogLib()).href;
  const parts: [string, string][] = [
    ['@modelcontextprotocol/server', '@modelcontextprotocol/server'],
    ['undici', 'undici'],
    ['zod', 'zod'],
    ['the operation catalog (with zod)', catalogLib],
  ];
  const breakdown = parts.map(([part, specifier]) => ({ part, ms: spread(Array.from({ length: Math.min(runs, 5) }, () => importMs(specifier))) }));

  const toolsets: ToolsetSize[] = [];
  for (const variant of TOOLSET_VARIANTS) {
    const s = await session(cli, variant.args, withCredentials);
    const perTool = s.tools.map((t) => ({ name: t.name, tokens: countTokens(JSON.stringify(t)) }));
    toolsets.push({
      label: variant.label,
      args: variant.args,
      tools: s.tools.length,
      bytes: Buffer.byteLength(s.toolsJson, 'utf8'),
      tokens: countTokens(s.toolsJson),
      largest: perTool.sort((a, b) => b.tokens - a.tokens).slice(0, 3),
    });
  }
  const startProfile = await profiledStart(cli, withCredentials);
  const coldStartMs = spread(cold.map((s) => s.coldStartMs));
  const rssRatio = spread(cold.map((s, i) => s.rssMiB / coldMinimal[i].rssMiB));
  return {
    machine: { ...started, loadAverageEnd: machine().loadAverage },
    cli: cli.startsWith(ROOT) ? cli.slice(ROOT.length + 1) : cli,
    versions: versionReport(['@modelcontextprotocol/server', 'zod', 'undici', 'gpt-tokenizer']),
    tokenMethod: 'o200k_base BPE (gpt-tokenizer 4.0.0) over the compact JSON of the tools/list result',
    coldStartMs,
    coldStartNoCacheMs: spread(coldNoCache.map((s) => s.coldStartMs)),
    coldStartSandboxMs: spread(coldSandbox.map((s) => s.coldStartMs)),
    rssAfterStartMiB: spread(cold.map((s) => s.rssMiB)),
    rssAfterStartSandboxMiB: spread(coldSandbox.map((s) => s.rssMiB)),
    minimalColdStartMs: spread(coldMinimal.map((s) => s.coldStartMs)),
    minimalRssMiB: spread(coldMinimal.map((s) => s.rssMiB)),
    rssRatio,
    nodeBootMs: spread(boot),
    breakdown,
    toolsets,
    targetMs: 150,
    met: coldStartMs.median <= 150,
    rssTargetRatio: 1.1,
    rssMet: rssRatio.median <= 1.1,
    startProfile,
  };
}

export function mcpTables(result: McpResult): string {
  const f = (s: Spread, d = 0) => `${s.median.toFixed(d)} (${s.min.toFixed(d)}–${s.max.toFixed(d)})`;
  const startup = table(
    ['MCP server (stdio)', 'median (min–max)', 'target', 'met'],
    [
      ['cold start: spawn → first tools/list answered, ms (credentials set)', f(result.coldStartMs), `≤ ${result.targetMs} ms`, result.met ? 'yes' : 'NO'],
      ...(result.coldStartNoCacheMs ? [['cold start without Node\'s compile cache (the first start after an install or upgrade), ms', f(result.coldStartNoCacheMs), '—', '—']] : []),
      ['cold start, no credentials (starts its in-process sandbox), ms', f(result.coldStartSandboxMs), '—', '—'],
      ['cold start of a minimal server on the same SDK (one tool), ms', f(result.minimalColdStartMs), '—', '—'],
      ['RSS after start, MiB (credentials set)', f(result.rssAfterStartMiB, 1), '—', '—'],
      ['RSS after start, MiB (in-process sandbox)', f(result.rssAfterStartSandboxMiB, 1), '—', '—'],
      ['RSS after start of the minimal server, MiB', f(result.minimalRssMiB, 1), '—', '—'],
      ['RSS after start ÷ the minimal server\'s (same run)', `${result.rssRatio.median.toFixed(2)}× (${result.rssRatio.min.toFixed(2)}–${result.rssRatio.max.toFixed(2)})`, `≤ ${result.rssTargetRatio}×`, result.rssMet ? 'yes' : 'NO'],
      ['for scale: bare `node -e` spawn to first output, ms', f(result.nodeBootMs), '—', '—'],
    ],
  );
  const sizes = table(
    ['toolset', 'tools', 'tools/list bytes', 'tokens (o200k_base)', 'largest tools (tokens)'],
    result.toolsets.map((t) => [t.label, t.tools, t.bytes, t.tokens, t.largest.map((l) => `${l.name} ${l.tokens}`).join(', ')]),
  );
  const parts = table(
    ['where start-up time goes: import in a fresh process', 'ms, median (min–max)'],
    result.breakdown.map((b) => [b.part, f(b.ms)]),
  );
  const profiled = result.startProfile?.length
    ? `\n\n${table(['where start-up CPU goes: one start under node --cpu-prof, by module', 'ms'], result.startProfile.slice(0, 12).map((p) => [p.module, p.ms.toFixed(1)]))}`
    : '';
  return `${startup}\n\n${parts}${profiled}\n\n${sizes}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flags = parseFlags(process.argv.slice(2));
  const result = await runMcpBench(flags);
  writeResult(flags.quick ? 'mcp-quick' : 'mcp', result);
  console.log(mcpTables(result));
  console.log(`\ntokens: ${result.tokenMethod}; CLI: ${join(result.cli)}`);
}
