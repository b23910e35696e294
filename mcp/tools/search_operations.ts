import { z } from 'zod';
import { PRODUCTS } from '../../core/operation.js';
import { defineTool } from './define.js';
import { searchOperations } from './operation-search.js';
import { READ_HINTS } from './schemas.js';

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
    const found = searchOperations(args.query, (op) => (!args.product || op.product === args.product) && (!args.access || op.access === args.access));
    return { total: found.length, operations: found.slice(0, args.limit).map((op) => ({ id: op.id, title: op.title, access: op.access })) };
  },
});
