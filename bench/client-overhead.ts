// Client overhead: callbridge against the official SDKs and a hand-written floor, same loopback
// server, same run. Each client runs in its own child process (its CPU only), rounds interleave
// the clients, and every figure is a median over the rounds with its spread.
//
//   npx tsx bench/client-overhead.ts [--rounds=5] [--quick] [--only=a,b] [--compare=<git rev>] [--profile=<client>]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUILD_DIR, fmt, machine, parseFlags, ROOT, SEED, spread, table, versionReport, writeResult, type Spread } from './lib/common.js';
import { startFixedServer } from './lib/fixed-server.js';
import { CLIENTS, type ClientSpec } from './lib/client-specs.js';
import { coldRequireMs, diskKiB, installSize } from './lib/footprint.js';
import type { WorkerConfig, WorkerResult } from './lib/worker.js';

export interface ClientSummary {
  name: string;
  label: string;
  vendor: string;
  kind: string;
  note: string;
  cpuUsPerCall: Spread;
  cpuUsPerCallC50: Spread;
  rpsSequential: Spread;
  rpsC50: Spread;
  maxRssMiB: Spread;
  /** Garbage-collection pauses, ms per 1000 measured calls (older results lack it). */
  gcMsPerKCall?: Spread;
  /** Young generation at the end of a run, MiB (older results lack it). */
  youngGenMiB?: Spread;
  coldRequireMs: Spread;
  installKiB: number;
  installPackages: number;
}

export interface Ratio {
  name: string;
  /** What is compared: CPU per call (sequential and c50), peak RSS, or cold require (both columns then hold the one figure). */
  measure?: 'cpu' | 'rss' | 'cold-require';
  description: string;
  target: string;
  /** Per-round ratios of CPU per call in the sequential phase: median and spread. */
  sequential: Spread;
  /** ... and in the concurrency-50 phase. */
  concurrent: Spread;
  /** yes: met in both phases; partly: in one; no: in neither; n/a: no target. */
  met: 'yes' | 'partly' | 'no' | 'n/a';
}

export interface OverheadResult {
  machine: ReturnType<typeof machine>;
  seed: number;
  config: WorkerConfig & { rounds: number; server: string };
  versions: ReturnType<typeof versionReport>;
  clients: ClientSummary[];
  ratios: Ratio[];
  server: { ok: number; rejected: number; byScheme: Record<string, number> };
  callbridgeBundle: { file: string; bytes: number };
  /** In-process cost of each stage of a call, no network (bench/tools/stages.ts). */
  stages: { stage: string; us: number }[];
  /** Install size of the published packages as built in dist/ (when built): the CLI/MCP package with its dependency closure, and the n8n package (no runtime dependencies). */
  packages: { name: string; kib: number; packages: number }[];
  /** CPU per call of the whole client with an instant transport, and of the floor's work (bench/tools/client-no-network.ts). */
  noNetwork: { stage: string; us: number }[];
}

/** esbuild options of every worker bundle: one ESM file per entry in BUILD_DIR, packages left external. */
const WORKER_BUILD = {
  outdir: BUILD_DIR,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
} as const;

/**
 * --compare=<git revision>: callbridge's two clients built from that revision's core/, mcp/ and sandbox/
 * (with today's bench/), run in the same rounds as extra clients named callbridge-*@<rev>.
 */
async function buildRevision(rev: string): Promise<{ short: string; specs: ClientSpec[] }> {
  const short = execFileSync('git', ['rev-parse', '--short', rev], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = join(BUILD_DIR, `rev-${short}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['archive', '--format=tar', short, 'core', 'mcp', 'sandbox'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  cpSync(join(ROOT, 'bench'), join(dir, 'bench'), { recursive: true, filter: (src) => !src.includes(`${join('bench', 'results')}`) });
  const names = ['callbridge-dyvms', 'callbridge-volcengine'];
  await build({
    entryPoints: names.map((n) => ({ in: join(dir, 'bench', 'clients', `${n}.ts`), out: `${n}@${short}` })),
    ...WORKER_BUILD,
  });
  const specs = CLIENTS.filter((c) => names.includes(c.name)).map((c) => ({ ...c, name: `${c.name}@${short}`, label: `${c.label} @${short}`, requires: [], packages: [], ownFiles: [] }));
  return { short, specs };
}

async function buildWorkers(): Promise<void> {
  await build({
    entryPoints: [
      ...CLIENTS.map((c) => join(ROOT, 'bench', 'clients', `${c.name}.ts`)),
      { in: join(ROOT, 'bench', 'lib', 'callbridge-lib.ts'), out: 'callbridge-lib' },
    ],
    ...WORKER_BUILD,
  });
}

function runWorker(name: string, config: WorkerConfig, nodeFlags: string[] = []): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'ALL_PROXY', 'all_proxy', 'NODE_OPTIONS']) delete env[k];
    const child = spawn(process.execPath, [...nodeFlags, join(BUILD_DIR, `${name}.mjs`), JSON.stringify(config)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${name} exited with ${code}: ${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as WorkerResult);
      } catch {
        reject(new Error(`${name}: unreadable result: ${out.slice(-500)} ${err.slice(-500)}`));
      }
    });
  });
}

function ratioOf(results: Map<string, WorkerResult[]>, a: string, b: string | string[], pick: (r: WorkerResult) => number): number[] {
  const as = results.get(a) ?? [];
  return as.map((r, round) => {
    const bs = (Array.isArray(b) ? b : [b]).map((n) => results.get(n)?.[round]).filter((x): x is WorkerResult => !!x);
    const best = Math.min(...bs.map(pick));
    return pick(r) / best;
  });
}

export async function runClientOverhead(flags: Record<string, string | boolean>): Promise<OverheadResult> {
  const started = machine();
  const quick = flags.quick === true;
  const rounds = Number(flags.rounds ?? (quick ? 2 : 5));
  const only = typeof flags.only === 'string' ? flags.only.split(',') : undefined;
  const clients = CLIENTS.filter((c) => !only || only.includes(c.name));
  const compare = typeof flags.compare === 'string' ? await buildRevision(flags.compare) : undefined;
  if (compare) clients.push(...compare.specs);
  const versions = versionReport(['@alicloud/pop-core', '@alicloud/openapi-client', '@alicloud/dysmsapi20170525', '@volcengine/openapi', 'undici', 'zod']);
  for (const v of versions) if (!v.ok) console.error(`warning: ${v.name} ${v.installed} is installed; the benchmark pins ${v.pinned}`);

  await buildWorkers();
  const server = await startFixedServer();
  const base = { url: server.url, port: server.port };
  const config: WorkerConfig = quick
    ? { ...base, warmup: 2000, sequential: 3000, concurrent: 6000, concurrency: 50 }
    : { ...base, warmup: 3000, sequential: 6000, concurrent: 20_000, concurrency: 50 };
  const results = new Map<string, WorkerResult[]>();
  try {
    for (let round = 0; round < rounds; round++) {
      for (const spec of clients) {
        const r = await runWorker(spec.name, config);
        results.set(spec.name, [...(results.get(spec.name) ?? []), r]);
        process.stderr.write(
          `round ${round + 1}/${rounds} ${spec.name.padEnd(22)} cpu/call ${r.sequential.cpuUsPerCall.toFixed(0).padStart(4)} µs  seq ${r.sequential.rps.toFixed(0).padStart(5)}/s  c50 ${r.concurrent.rps.toFixed(0).padStart(5)}/s  rss ${r.maxRssMiB.toFixed(0)} MiB  gc ${(r.gcMsPerKCall ?? 0).toFixed(1)} ms/1k  young ${(r.youngGenMiB ?? 0).toFixed(0)} MiB\n`,
        );
        if (server.stats.rejected) throw new Error(`the server rejected requests: ${server.stats.lastRejection}`);
      }
    }
  } finally {
    await server.close();
  }

  const summaries: ClientSummary[] = clients.map((spec) => {
    const rs = results.get(spec.name) ?? [];
    const cold = spec.requires.length ? Array.from({ length: rounds }, () => coldRequireMs(spec)) : [];
    const size = spec.packages.length ? installSize(spec.packages, spec.ownFiles) : { kib: 0, packages: 0 };
    return {
      name: spec.name,
      label: spec.label,
      vendor: spec.vendor,
      kind: spec.kind,
      note: spec.note,
      cpuUsPerCall: spread(rs.map((r) => r.sequential.cpuUsPerCall)),
      cpuUsPerCallC50: spread(rs.map((r) => r.concurrent.cpuUsPerCall)),
      rpsSequential: spread(rs.map((r) => r.sequential.rps)),
      rpsC50: spread(rs.map((r) => r.concurrent.rps)),
      maxRssMiB: spread(rs.map((r) => r.maxRssMiB)),
      gcMsPerKCall: spread(rs.map((r) => r.gcMsPerKCall ?? 0)),
      youngGenMiB: spread(rs.map((r) => r.youngGenMiB ?? 0)),
      coldRequireMs: spread(cold),
      installKiB: size.kib,
      installPackages: size.packages,
    };
  });

  const seq = (r: WorkerResult) => r.sequential.cpuUsPerCall;
  const c50 = (r: WorkerResult) => r.concurrent.cpuUsPerCall;
  const ratios: Ratio[] = [];
  const has = (...names: string[]) => names.every((n) => results.has(n));
  /** a over b (b: the best of several, per round), or its inverse; met against `ok`. */
  const ratio = (name: string, description: string, target: string, a: string, b: string | string[], invert: boolean, ok?: (v: number) => boolean) => {
    const calc = (pick: (r: WorkerResult) => number) => spread(ratioOf(results, a, b, pick).map((x) => (invert ? 1 / x : x)));
    const sequential = calc(seq);
    const concurrent = calc(c50);
    const hits = ok ? [ok(sequential.median), ok(concurrent.median)].filter(Boolean).length : -1;
    ratios.push({ name, description, target, sequential, concurrent, met: hits < 0 ? 'n/a' : hits === 2 ? 'yes' : hits === 1 ? 'partly' : 'no' });
  };
  const officialAli = ['pop-core', 'openapi-client', 'dysmsapi'].filter((n) => results.has(n));
  const within = (limit: number) => (v: number) => v <= limit;
  if (has('callbridge-dyvms', 'floor-alibaba')) {
    ratio('callbridge ÷ floor (Alibaba)', 'CPU per call of callbridge dyvms over the undici + HMAC-SHA1 floor', '≤ 1.10×', 'callbridge-dyvms', 'floor-alibaba', false, within(1.1));
  }
  if (has('callbridge-volcengine', 'floor-volcengine')) {
    ratio('callbridge ÷ floor (Volcengine)', 'CPU per call of callbridge volcengine over the undici + HMAC-SHA256 floor', '≤ 1.10×', 'callbridge-volcengine', 'floor-volcengine', false, within(1.1));
  }
  for (const [name, what] of [
    ['callbridge-dyvms-validate-output', 'with validateOutput on'],
    ['callbridge-dyvms-no-checks', 'without input validation'],
  ] as const) {
    if (has(name, 'floor-alibaba')) ratio(`diagnostic: callbridge ${what} ÷ floor (Alibaba)`, `the gap ${what}`, '—', name, 'floor-alibaba', false);
  }
  if (has('callbridge-dyvms') && officialAli.length) {
    ratio('best official Alibaba SDK ÷ callbridge', `CPU per call of the cheapest of ${officialAli.join(', ')} in each round over callbridge's`, '—', 'callbridge-dyvms', officialAli, true);
  }
  if (has('floor-alibaba') && officialAli.length) {
    ratio('best official Alibaba SDK ÷ floor', 'the same, over the floor instead of callbridge: what any client doing the floor\'s work can reach', '—', 'floor-alibaba', officialAli, true);
  }
  if (has('callbridge-volcengine', 'volcengine-openapi')) {
    ratio('@volcengine/openapi ÷ callbridge', 'CPU per call of the Volcengine SDK over callbridge volcengine', '—', 'callbridge-volcengine', 'volcengine-openapi', true);
  }
  if (compare) {
    for (const base of ['callbridge-dyvms', 'callbridge-volcengine']) {
      const then = `${base}@${compare.short}`;
      if (has(base, then)) ratio(`${base} now ÷ at ${compare.short}`, `CPU per call of ${base} from this tree over the same client built from ${compare.short}`, '—', base, then, false);
    }
  }
  if (has('floor-volcengine', 'volcengine-openapi')) {
    ratio('@volcengine/openapi ÷ floor (Volcengine)', 'upper bound for the @volcengine/openapi line', '—', 'floor-volcengine', 'volcengine-openapi', true);
  }
  // Memory and load time against pop-core (the lightest official SDK), same run.
  const rss = (r: WorkerResult) => r.maxRssMiB;
  const single = (name: string, description: string, target: string, measure: 'rss' | 'cold-require', values: number[], ok?: (v: number) => boolean) => {
    const v = spread(values);
    ratios.push({ name, description, target, measure, sequential: v, concurrent: v, met: ok ? (ok(v.median) ? 'yes' : 'no') : 'n/a' });
  };
  if (has('callbridge-dyvms', 'pop-core')) {
    single('peak RSS: callbridge ÷ pop-core', 'peak RSS of the callbridge dyvms client over pop-core\'s, per round', '≤ 1.00×', 'rss', ratioOf(results, 'callbridge-dyvms', 'pop-core', rss), within(1));
    if (has('floor-alibaba')) single('peak RSS: floor ÷ pop-core', 'the same for the floor (undici): what any undici-based client starts from', '—', 'rss', ratioOf(results, 'floor-alibaba', 'pop-core', rss));
    if (has('callbridge-dyvms-no-checks')) single('peak RSS: diagnostic callbridge without input validation ÷ pop-core', 'what input validation adds to the peak', '—', 'rss', ratioOf(results, 'callbridge-dyvms-no-checks', 'pop-core', rss));
  }

  const cold = (name: string) => summaries.find((c) => c.name === name)?.coldRequireMs.median;
  const cbCold = cold('callbridge-dyvms');
  const popCold = cold('pop-core');
  if (cbCold !== undefined && popCold !== undefined) {
    single('cold require: callbridge ÷ pop-core', 'medians of the cold-require times (each measured in fresh processes)', '≤ 2.00×', 'cold-require', [cbCold / popCold], within(2));
  }

  const tool = (file: string) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'tools', file), '--json'], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) process.stderr.write(`warning: bench/tools/${file} failed: ${run.stderr.slice(-500)}\n`);
    return run.status === 0 ? (JSON.parse(run.stdout.trim().split('\n').pop() ?? '[]') as { stage: string; us: number }[]) : [];
  };
  const stages = tool('stages.ts');
  const noNetwork = tool('client-no-network.ts');
  const bundle = join(BUILD_DIR, 'callbridge-lib.mjs');
  const packages: OverheadResult['packages'] = [];
  if (existsSync(join(ROOT, 'dist', 'callbridge', 'cli.js'))) {
    const size = installSize(['undici', 'zod'], ['dist/callbridge']);
    packages.push({ name: 'callbridge (CLI + MCP server: dist/callbridge, the MCP SDK bundled, + undici, zod)', kib: size.kib, packages: size.packages });
  }
  if (existsSync(join(ROOT, 'dist', 'n8n-package'))) {
    packages.push({ name: 'n8n-nodes-callbridge (dist/n8n-package; core and zod bundled, no runtime dependencies)', kib: Math.round(diskKiB(join(ROOT, 'dist', 'n8n-package'), true)), packages: 0 });
  }
  return {
    machine: { ...started, loadAverageEnd: machine().loadAverage },
    seed: SEED,
    config: { ...config, url: '(loopback)', rounds, server: 'bench/lib/fixed-server.ts: fixed answers, every signature verified' },
    versions,
    clients: summaries,
    ratios,
    server: { ok: server.stats.ok, rejected: server.stats.rejected, byScheme: server.stats.byScheme },
    callbridgeBundle: { file: '.cache/bench/callbridge-lib.mjs', bytes: statSync(bundle).size },
    stages,
    noNetwork,
    packages,
  };
}

export function overheadTable(result: OverheadResult): string {
  const rows = result.clients.map((c) => [
    c.label,
    fmt(c.cpuUsPerCall),
    fmt(c.cpuUsPerCallC50),
    fmt(c.rpsSequential),
    fmt(c.rpsC50),
    fmt(c.maxRssMiB),
    c.gcMsPerKCall && c.youngGenMiB ? `${fmt(c.gcMsPerKCall, 1)}; ${fmt(c.youngGenMiB)}` : 'n/a',
    fmt(c.coldRequireMs, 1),
    c.installPackages ? `${(c.installKiB / 1024).toFixed(1)} MiB / ${c.installPackages}` : 'n/a',
  ]);
  return table(['client', 'CPU µs/call (seq)', 'CPU µs/call (c50)', 'req/s seq', 'req/s c50', 'peak RSS MiB', 'GC ms per 1k calls; young gen MiB', 'cold require ms', 'install (pkgs)'], rows);
}

export function ratioTable(result: OverheadResult): string {
  const f = (v: Spread) => (v.min === v.max ? `${v.median.toFixed(2)}×` : `${v.median.toFixed(2)}× (${v.min.toFixed(2)}–${v.max.toFixed(2)})`);
  return table(
    ['ratio (same run; CPU per call and peak RSS per round)', 'sequential', 'concurrency 50', 'target', 'met'],
    result.ratios.map((r) => [
      r.name,
      f(r.sequential),
      (r.measure ?? 'cpu') === 'cpu' ? f(r.concurrent) : '(whole run)',
      r.target,
      r.met === 'n/a' ? '—' : r.met === 'yes' ? 'yes' : r.met === 'partly' ? 'partly' : 'NO',
    ]),
  );
}

/** --profile=<client>: one run of that client under node --cpu-prof; prints where its CPU goes. */
async function profile(name: string, flags: Record<string, string | boolean>): Promise<void> {
  await buildWorkers();
  const server = await startFixedServer();
  const dir = join(BUILD_DIR, 'profiles');
  rmSync(dir, { recursive: true, force: true });
  try {
    const config = { url: server.url, port: server.port, warmup: 3000, sequential: 6000, concurrent: Number(flags.calls ?? 30_000), concurrency: 50 };
    const r = await runWorker(name, config, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    console.log(`${name}: cpu/call seq ${r.sequential.cpuUsPerCall.toFixed(1)} µs, c50 ${r.concurrent.cpuUsPerCall.toFixed(1)} µs (under the profiler)`);
  } finally {
    await server.close();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile written');
  const match = 'invoke,validateInput,execute,send,buildAlibaba,encodeAlibabaParams,percentEncode,readAlibaba,buildVolcengine,signVolcengine,readVolcengine,safeParse,request,bytes';
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'tools', 'profile-summary.ts'), join(dir, file), '--top=25', `--match=${match}`], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  console.log(`profile: ${join(dir, file)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flags = parseFlags(process.argv.slice(2));
  if (flags['build-only']) {
    await buildWorkers();
    process.exit(0);
  }
  if (typeof flags.profile === 'string') {
    await profile(flags.profile, flags);
    process.exit(0);
  }
  const result = await runClientOverhead(flags);
  writeResult(flags.quick ? 'client-overhead-quick' : 'client-overhead', result);
  console.log(overheadTable(result));
  console.log();
  console.log(ratioTable(result));
}
