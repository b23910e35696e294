// The catalog search behind search_operations: an operation scores 3 for each query word in its id, 2 in
// its title, 1 in its description (substrings, any letter case), 100 more when the query is its id.
// Each field of every operation is joined, in lower case, into one text made on the first search, so a
// word is found with a few indexOf scans instead of one includes() per operation and field.
import type { AnyOperation } from '../../core/operation.js';
import { listOperations } from '../../core/registry.js';

/** One field of every operation, joined with line breaks (a query word never holds one: the query is split on white space). */
interface JoinedField {
  text: string;
  /** Where each operation's text starts in `text`, in catalog order. */
  starts: number[];
  weight: number;
}

interface SearchIndex {
  operations: AnyOperation[];
  ids: string[];
  fields: JoinedField[];
}

let index: SearchIndex | undefined;

function joined(texts: string[], weight: number): JoinedField {
  const starts: number[] = [];
  let text = '';
  for (const t of texts) {
    starts.push(text.length);
    text += `${t}\n`;
  }
  return { text, starts, weight };
}

function searchIndex(): SearchIndex {
  if (!index) {
    const operations = listOperations();
    const ids = operations.map((op) => op.id.toLowerCase());
    const fields = [joined(ids, 3), joined(operations.map((op) => op.title.toLowerCase()), 2), joined(operations.map((op) => op.description.toLowerCase()), 1)];
    index = { operations, ids, fields };
  }
  return index;
}

/** The operation whose text holds position `at`: the last start at or before it. */
function operationAt(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Adds the field's weight to the score of every operation whose text holds `word` (once per operation). */
function scoreWord(field: JoinedField, word: string, scores: number[]): void {
  let at = field.text.indexOf(word);
  while (at >= 0) {
    const op = operationAt(field.starts, at);
    scores[op] += field.weight;
    at = field.text.indexOf(word, field.starts[op + 1] ?? field.text.length);
  }
}

/** The operations matching the query, best first (then by id); an empty query matches every operation. */
export function searchOperations(query: string, keep: (op: AnyOperation) => boolean): AnyOperation[] {
  const { operations, ids, fields } = searchIndex();
  const words = query.toLowerCase().split(/[\s,.]+/).filter(Boolean);
  const exact = query.trim().toLowerCase();
  const scores = operations.map(() => (words.length ? 0 : 1));
  for (const word of words) for (const field of fields) scoreWord(field, word, scores);
  if (words.length) ids.forEach((id, i) => (scores[i] += id === exact ? 100 : 0));
  return operations
    .map((op, i) => ({ op, s: scores[i] }))
    .filter((x) => x.s > 0 && keep(x.op))
    .sort((a, b) => b.s - a.s || a.op.id.localeCompare(b.op.id))
    .map((x) => x.op);
}
