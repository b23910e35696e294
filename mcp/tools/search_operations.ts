import { z } from 'zod';
import { PRODUCTS, type AnyOperation } from '../../core/operation.js';
import { listOperations } from '../../core/registry.js';
import { defineTool } from './define.js';
import { READ_HINTS } from './schemas.js';

/** `weight` for each word found in `text` (lower case). */
function score(words: string[], text: string, weight: number): number {
  return words.reduce((s, w) => s + (text.includes(w) ? weight : 0), 0);
}

interface Searchable {
  op: AnyOperation;
  id: string;
  title: string;
  description: string;
}

let searchable: Searchable[] | undefined;

/** Every operation with its texts in lower case, made on the first search (not on every one). */
function searchableOperations(): Searchable[] {
  searchable ??= listOperations().map((op) => ({ op, id: op.id.toLowerCase(), title: op.title.toLowerCase(), description: op.description.toLowerCase() }));
  return searchable;
}

export const search_operations = defineTool({
  name: 'search_operations',
  toolset: 'catalog',
  readOnly: true,
  scope: 'calls:read',
  title: 'Search the operation catalog',
  description: 'Finds any vendor operation (hundreds, all four back ends) by keywords; then describe_operation and invoke_operation.',
  input: {
    query: z.string().describe('Keywords, e.g. "recording outboundbot"'),
    product: z.enum(PRODUCTS).optional(),
    access: z.enum(['read', 'write', 'call']).optional().describe('call = places billed calls'),
    limit: z.number().int().min(1).max(50).default(10),
  },
  output: {
    total: z.number(),
    operations: z.array(z.object({ id: z.string(), title: z.string(), access: z.enum(['read', 'write', 'call']) })),
  },
  hints: { ...READ_HINTS, openWorldHint: false },
  async run(args) {
    const words = args.query.toLowerCase().split(/[\s,.]+/).filter(Boolean);
    const exact = args.query.trim().toLowerCase();
    const ops = searchableOperations().filter(({ op }) => (!args.product || op.product === args.product) && (!args.access || op.access === args.access));
    const scored = ops
      .map((text) => ({
        op: text.op,
        s: words.length ? (text.id === exact ? 100 : 0) + score(words, text.id, 3) + score(words, text.title, 2) + score(words, text.description, 1) : 1,
      }))
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s || a.op.id.localeCompare(b.op.id));
    return { total: scored.length, operations: scored.slice(0, args.limit).map(({ op }) => ({ id: op.id, title: op.title, access: op.access })) };
  },
});
