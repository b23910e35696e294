// The catalog search behind search_operations: an operation scores 3 for each query word in its id, 2 in
// its title, 1 in its description (substrings, any letter case), 100 more when the query is its id; best
// first, then by id. Made on the first search: each field's texts in lower case with an index from every
// three-character slice to the operations whose text holds it, and the operations' order by id. A word
// is then looked for only in the operations holding its rarest slice (a search otherwise scans 60,000
// characters of descriptions per word).
import type { AnyOperation } from '../../core/operation.js';
import { listOperations } from '../../core/registry.js';

const SLICE = 3;

interface Field {
  /** The field of every operation, in lower case, in catalog order. */
  texts: string[];
  /** Each three-character slice of the texts -> the operations (ascending) whose text holds it. */
  slices: Map<string, number[]>;
  weight: number;
}

interface SearchIndex {
  operations: AnyOperation[];
  ids: string[];
  fields: Field[];
  /** Each operation's place in the order of ids (localeCompare). */
  rank: number[];
}

let index: SearchIndex | undefined;

function fieldOf(texts: string[], weight: number): Field {
  const slices = new Map<string, number[]>();
  texts.forEach((text, op) => {
    for (let i = 0; i + SLICE <= text.length; i++) {
      const slice = text.slice(i, i + SLICE);
      const holders = slices.get(slice);
      if (!holders) slices.set(slice, [op]);
      else if (holders[holders.length - 1] !== op) holders.push(op);
    }
  });
  return { texts, slices, weight };
}

function searchIndex(): SearchIndex {
  if (!index) {
    const operations = listOperations();
    const ids = operations.map((op) => op.id.toLowerCase());
    const fields = [fieldOf(ids, 3), fieldOf(operations.map((op) => op.title.toLowerCase()), 2), fieldOf(operations.map((op) => op.description.toLowerCase()), 1)];
    const rank: number[] = [];
    operations
      .map((op, i) => ({ id: op.id, i }))
      .sort((a, b) => a.id.localeCompare(b.id))
      .forEach(({ i }, place) => (rank[i] = place));
    index = { operations, ids, fields, rank };
  }
  return index;
}

/** The operations whose text in this field holds `word`: those holding its rarest slice, checked in full. */
function holding(field: Field, word: string): number[] {
  let candidates: number[] | undefined;
  for (let i = 0; i + SLICE <= word.length; i++) {
    const holders = field.slices.get(word.slice(i, i + SLICE)) ?? [];
    if (!candidates || holders.length < candidates.length) candidates = holders;
    if (!holders.length) break;
  }
  const check = candidates ?? field.texts.map((_, op) => op);
  return check.filter((op) => field.texts[op].includes(word));
}

/** The operations matching the query, best first (then by id); an empty query matches every operation. */
export function searchOperations(query: string, keep: (op: AnyOperation) => boolean): AnyOperation[] {
  const { operations, ids, fields, rank } = searchIndex();
  const words = query.toLowerCase().split(/[\s,.]+/).filter(Boolean);
  const exact = query.trim().toLowerCase();
  const scores = operations.map(() => (words.length ? 0 : 1));
  for (const word of words) for (const field of fields) for (const op of holding(field, word)) scores[op] += field.weight;
  if (words.length) ids.forEach((id, op) => (scores[op] += id === exact ? 100 : 0));
  const found: number[] = [];
  scores.forEach((score, op) => {
    if (score > 0 && keep(operations[op])) found.push(op);
  });
  return found.sort((a, b) => scores[b] - scores[a] || rank[a] - rank[b]).map((op) => operations[op]);
}
