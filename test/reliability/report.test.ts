// The reliability figures in the docs are the last run's: docs/reliability.md and README.md's Reliability
// section must be exactly what test/reliability/report.ts renders from docs/reliability-figures.json (the
// copy of that run's artifacts/reliability/), and that file must hold every figure the pages use.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeSection, renderReadmeSection, renderReliability, type Figures } from './support/report-render.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const figures = JSON.parse(read('docs/reliability-figures.json')) as Figures;

describe('the reliability docs match the last run', () => {
  it('the run recorded every part the pages report', () => {
    expect(Object.keys(figures).sort()).toEqual(['mcp-load', 'no-duplicate-calls', 'pbx-session', 'properties', 'secrets']);
  });

  it('no figure is missing from the pages', () => {
    for (const text of [renderReliability(figures), renderReadmeSection(figures)]) expect(text).not.toMatch(/(^|[\s(*`])(–|NaN|undefined)([\s),*.`]|$)/m);
  });

  it('docs/reliability.md is rendered from docs/reliability-figures.json', () => {
    expect(read('docs/reliability.md')).toBe(renderReliability(figures));
  });

  it("README.md's Reliability section is rendered from the same figures", () => {
    expect(readmeSection(read('README.md'))).toBe(renderReadmeSection(figures));
  });
});
