// A client's footprint: time to import it in a fresh process, and the disk size of its package closure.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ClientSpec } from './client-specs.js';
import { ROOT } from './common.js';

/** Time to import what a user imports, in a fresh Node process (node boot excluded). */
export function coldRequireMs(spec: ClientSpec): number {
  const targets = spec.requires.map((r) => (r.startsWith('.cache/') ? join(ROOT, r) : r));
  const script = `
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');
const req = createRequire(${JSON.stringify(join(ROOT, 'package.json'))});
const targets = ${JSON.stringify(targets)};
(async () => {
  const t0 = performance.now();
  for (const t of targets) {
    if (t.endsWith('.mjs')) await import(pathToFileURL(t).href);
    else req(t);
  }
  process.stdout.write(String(performance.now() - t0));
})();`;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cold require of ${spec.name} failed: ${r.stderr}`);
  return Number(r.stdout);
}

/** du-like size (allocated blocks) of a directory, not descending into nested node_modules. */
export function diskKiB(path: string, skipNodeModules: boolean): number {
  const st = statSync(path);
  if (!st.isDirectory()) return (st.blocks * 512) / 1024;
  let total = (st.blocks * 512) / 1024;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (skipNodeModules && entry.name === 'node_modules' && entry.isDirectory()) continue;
    if (entry.isSymbolicLink()) continue;
    total += diskKiB(join(path, entry.name), false);
  }
  return total;
}

/** The package directories a package pulls in (Node resolution from each dependent's folder). */
function closure(packages: string[]): string[] {
  const seen = new Set<string>();
  const resolveFrom = (fromDir: string, name: string): string | undefined => {
    let dir = fromDir;
    for (;;) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return candidate;
      if (dir === ROOT || dir === dirname(dir)) return undefined;
      dir = dirname(dir);
    }
  };
  const visit = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    const names = [
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.optionalDependencies ?? {}),
      ...Object.keys(pkg.peerDependencies ?? {}).filter((n) => !pkg.peerDependenciesMeta?.[n]?.optional),
    ];
    for (const name of names) {
      const found = resolveFrom(dir, name);
      if (found) visit(found);
    }
  };
  for (const p of packages) {
    const found = resolveFrom(ROOT, p);
    if (!found) throw new Error(`package ${p} is not installed`);
    visit(found);
  }
  return [...seen];
}

export function installSize(packages: string[], ownFiles: string[] = []): { kib: number; packages: number } {
  const dirs = closure(packages);
  const kib = dirs.reduce((sum, d) => sum + diskKiB(d, true), 0) + ownFiles.reduce((sum, f) => sum + diskKiB(join(ROOT, f), false), 0);
  return { kib: Math.round(kib), packages: dirs.length };
}

