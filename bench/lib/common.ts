// Shared helpers of the benchmarks: seeded numbers, statistics, versions, machine facts, tables.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = join(ROOT, 'bench', 'results');
/** Bundled workers (ignored by git and eslint). */
export const BUILD_DIR = join(ROOT, '.cache', 'bench');

/** The fixed seed of every benchmark (numbers, ids, sandbox). */
export const SEED = 20240607;

/** Versions the benchmarks were written for; a different install is reported, not silently measured. */
export const PINNED: Record<string, string> = {
  '@alicloud/pop-core': '1.8.0',
  '@alicloud/openapi-client': '0.4.15',
  '@alicloud/dysmsapi20170525': '4.6.0',
  '@volcengine/openapi': '1.36.2',
  undici: '7.30.2',
  zod: '4.6.7',
  '@modelcontextprotocol/server': '2.4.0',
  '@modelcontextprotocol/node': '2.1.2',
  'gpt-tokenizer': '4.0.0',
};

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mainland mobile numbers from a seed: 1[3-9]x + 8 digits. */
export function phoneNumbers(count: number, seed = SEED): string[] {
  const next = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(`13${Math.floor(next() * 10)}${String(Math.floor(next() * 1e8)).padStart(8, '0')}`);
  return out;
}

/** `count` distinct numbers in a seeded order (the bulk benchmarks must not send duplicates themselves). */
export function distinctPhoneNumbers(count: number, seed = SEED): string[] {
  const next = rng(seed);
  const seen = new Set<string>();
  while (seen.size < count) seen.add(`13${Math.floor(next() * 10)}${String(Math.floor(next() * 1e8)).padStart(8, '0')}`);
  return [...seen];
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
  /** (max - min) / median, in percent. */
  spreadPct: number;
}

export function spread(values: number[]): Spread {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (!n) return { median: NaN, min: NaN, max: NaN, n: 0, spreadPct: NaN };
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { median, min: sorted[0], max: sorted[n - 1], n, spreadPct: median ? ((sorted[n - 1] - sorted[0]) / median) * 100 : NaN };
}

export function installedVersion(pkg: string): string | undefined {
  const file = join(ROOT, 'node_modules', pkg, 'package.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
}

export function versionReport(names: string[]): { name: string; pinned?: string; installed?: string; ok: boolean }[] {
  return names.map((name) => {
    const installed = installedVersion(name);
    return { name, pinned: PINNED[name], installed, ok: PINNED[name] === undefined || installed === PINNED[name] };
  });
}

export interface Machine {
  date: string;
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  commit: string;
  /** 1-minute load average when the benchmark started (other processes share the machine). */
  loadAverage: number;
  /** ... and when it ended. */
  loadAverageEnd?: number;
}

export function machine(): Machine {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  const list = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: list[0]?.model ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    commit,
    loadAverage: Math.round(loadavg()[0] * 100) / 100,
  };
}

export function writeResult(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

export function readResult<T>(name: string): T | undefined {
  const file = join(RESULTS_DIR, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

/** A plain-text / Markdown table (GitHub pipe syntax reads fine in a terminal too). */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

/** "123 (110-130)" or with a unit. */
export function fmt(s: Spread, digits = 0, unit = ''): string {
  if (!s.n) return 'n/a';
  const f = (v: number) => v.toFixed(digits);
  return s.n > 1 ? `${f(s.median)}${unit} (${f(s.min)}–${f(s.max)})` : `${f(s.median)}${unit}`;
}

export function parseFlags(argv: string[]): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (m) out[m[1]] = m[2] ?? true;
  }
  return out;
}

/** Most events within any window of one second (times in ms, ascending). */
export function peakPerSecond(times: number[]): number {
  let peak = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= 1000) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}
