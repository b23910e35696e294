// search_operations finds operations through one joined text per field (mcp/tools/operation-search.ts);
// its answers must be those of the plain definition: for each operation and field, includes() per word.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyOperation } from '../../core/operation.js';
import { listOperations } from '../../core/registry.js';
import { searchOperations } from '../../mcp/tools/operation-search.js';

/** The definition: 3 per word in the id, 2 in the title, 1 in the description, 100 more for the exact id. */
function reference(query: string, keep: (op: AnyOperation) => boolean): string[] {
  const words = query.toLowerCase().split(/[\s,.]+/).filter(Boolean);
  const exact = query.trim().toLowerCase();
  const score = (text: string, weight: number) => words.reduce((s, w) => s + (text.toLowerCase().includes(w) ? weight : 0), 0);
  return listOperations()
    .filter(keep)
    .map((op) => ({ op, s: words.length ? (op.id.toLowerCase() === exact ? 100 : 0) + score(op.id, 3) + score(op.title, 2) + score(op.description, 1) : 1 }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.op.id.localeCompare(b.op.id))
    .map((x) => x.op.id);
}

const ids = (ops: AnyOperation[]) => ops.map((op) => op.id);
const all = () => true;

describe('operation search', () => {
  it('answers as the plain definition for queries made of catalog words, ids and fragments', () => {
    const vocabulary = [...new Set(listOperations().flatMap((op) => [op.id, ...`${op.title} ${op.description}`.split(/\s+/)]))].filter(Boolean);
    const word = fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom(...vocabulary).map((w) => w.slice(1, 5)), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 4 }), fc.constantFrom(' ', ', ', '.', '  '), fc.boolean(), (words, separator, upper) => {
        const query = upper ? words.join(separator).toUpperCase() : words.join(separator);
        expect(ids(searchOperations(query, all))).toEqual(reference(query, all));
      }),
      { numRuns: 300 },
    );
  });

  it('ranks the exact id first, filters, and matches every operation on an empty query', () => {
    const [first] = listOperations();
    expect(searchOperations(first.id.toUpperCase(), all)[0]?.id).toBe(first.id);
    const calls = (op: AnyOperation) => op.access === 'call';
    expect(ids(searchOperations('call', calls))).toEqual(reference('call', calls));
    expect(searchOperations('', all)).toHaveLength(listOperations().length);
    expect(searchOperations('no-such-word-anywhere', all)).toEqual([]);
  });
});
