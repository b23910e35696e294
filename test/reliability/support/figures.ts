// Figures the reliability tests measured, one JSON file per test file under artifacts/reliability/
// (git-ignored). `npx tsx test/reliability/report.ts` copies them to docs/reliability-figures.json and
// renders docs/reliability.md and README.md's Reliability section from them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export const FIGURES_DIR = process.env.CALLBRIDGE_RELIABILITY_FIGURES ?? join(import.meta.dirname, '..', '..', '..', 'artifacts', 'reliability');

/** Merges `data` under `key` into artifacts/reliability/<file>.json. */
export function recordFigures(file: string, key: string, data: unknown): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  const path = join(FIGURES_DIR, `${file}.json`);
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    current = {};
  }
  current[key] = data;
  current._updated = new Date().toISOString();
  current._node = process.version;
  current._cpus = cpus().length;
  writeFileSync(path, `${JSON.stringify(current, null, 2)}\n`);
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}
