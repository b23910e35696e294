// Summarises a .cpuprofile (node --cpu-prof): self time by function and by module, and inclusive time of chosen functions.
//   npx tsx bench/tools/profile-summary.ts <file.cpuprofile> [--top=30] [--match=name1,name2]
import { readFileSync } from 'node:fs';
import { parseFlags } from '../lib/common.js';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = parseFlags(process.argv.slice(2));
const top = Number(flags.top ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const moduleOf = (url: string) => {
  if (!url) return '(native/vm)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\/.*\/(bench|core|mcp|sandbox)\//, '$1/');
};
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${moduleOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const agg = (key: (n: Node) => string) => {
  const m = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id);
    if (n) m.set(key(n), (m.get(key(n)) ?? 0) + t);
  }
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
};
const pct = (t: number) => `${((t / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`total sampled: ${(total / 1000).toFixed(0)} ms`);
console.log('\n== self time by module');
for (const [k, t] of agg((n) => moduleOf(n.callFrame.url)).slice(0, top)) console.log(`${pct(t)}  ${k}`);
console.log('\n== self time by function');
for (const [k, t] of agg(label).slice(0, top)) console.log(`${pct(t)}  ${k}`);

// inclusive time of functions whose name matches
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
if (typeof flags.match === 'string') {
  console.log('\n== inclusive time');
  for (const name of flags.match.split(',')) {
    let t = 0;
    for (const [id, s] of self) {
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        if (byId.get(cur)?.callFrame.functionName === name) {
          t += s;
          break;
        }
      }
    }
    console.log(`${pct(t)}  ${name}`);
  }
}
