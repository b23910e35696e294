// Where a bundled program's start-up CPU goes, by the source module each sample falls in: esbuild marks
// every module of a non-minified bundle with a `// <path>` comment line, so a sample's line in the bundle
// (its entry file or one of the chunks beside it) names its module. Used by bench/mcp.ts on one profiled
// start of the CLI.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A module's path as a short group: npm packages by name, callbridge's files by folder. */
function groupOf(path: string): string {
  const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (npm) return npm[1];
  const own = /^(core|mcp|sandbox)\/(?:([^/]+)\/)?/.exec(path);
  return own ? `${own[1]}/${own[2] ?? ''}`.replace(/\/$/, '') : path;
}

/** The module marks of one bundle file, by line. */
function marksOf(file: string): { line: number; path: string }[] {
  const marks: { line: number; path: string }[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const m = /^\/\/ (\S+\.(?:ts|js|mjs|cjs|json))$/.exec(text);
      if (m) marks.push({ line, path: m[1] });
    });
  return marks;
}

/** The module a line of a bundle file falls in (the last mark at or before it). */
function moduleAt(marks: { line: number; path: string }[], line: number): string {
  let lo = 0;
  let hi = marks.length - 1;
  let found = '(bundle prelude)';
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid].line <= line) {
      found = marks[mid].path;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Milliseconds of samples per module group (the bundle's modules, Node's internals by module, the VM's by name: (idle), (garbage collector), (program)), largest first. */
export function startupByModule(profileFile: string, bundleFile: string): { module: string; ms: number }[] {
  const bundleDir = pathToFileURL(dirname(bundleFile)).href;
  const marks = new Map<string, { line: number; path: string }[]>();
  const marksAt = (url: string) => {
    let found = marks.get(url);
    if (!found) marks.set(url, (found = marksOf(fileURLToPath(url))));
    return found;
  };
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const url = frame?.url ?? '';
    const inBundle = url.startsWith(`${bundleDir}/`) && url.endsWith('.js');
    const group = inBundle ? groupOf(moduleAt(marksAt(url), frame?.lineNumber ?? 0)) : url ? url.replace(/^node:internal\//, 'node:') : frame?.functionName || '(vm)';
    totals.set(group, (totals.get(group) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].map(([module, ms]) => ({ module, ms })).sort((a, b) => b.ms - a.ms);
}
