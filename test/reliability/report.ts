// Writes the reliability docs from the last run of test/reliability: copies its figures
// (artifacts/reliability/*.json) to docs/reliability-figures.json, then renders docs/reliability.md and
// README.md's Reliability section from that file. test/reliability/report.test.ts checks they match.
// Usage: npx vitest run test/reliability && npx tsx test/reliability/report.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURES_DIR } from './support/figures.js';
import { README_END, README_START, readmeSection, renderReadmeSection, renderReliability, type Figures, type Json } from './support/report-render.js';

const ROOT = join(import.meta.dirname, '..', '..');

const figures: Figures = Object.fromEntries(
  readdirSync(FIGURES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(FIGURES_DIR, f), 'utf8')) as Json]),
);
writeFileSync(join(ROOT, 'docs', 'reliability-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
writeFileSync(join(ROOT, 'docs', 'reliability.md'), renderReliability(figures));

const readmePath = join(ROOT, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const current = readmeSection(readme);
if (current === undefined) throw new Error(`README.md has no ${README_START} ... ${README_END} markers`);
writeFileSync(readmePath, readme.replace(`${README_START}\n${current}`, `${README_START}\n${renderReadmeSection(figures)}`));
console.log(`wrote docs/reliability-figures.json, docs/reliability.md and README.md's Reliability section from ${FIGURES_DIR}`);
