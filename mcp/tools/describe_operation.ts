import { z } from 'zod';
import { defineTool } from './define.js';
import { anyObject, READ_HINTS } from './schemas.js';

export const describe_operation = defineTool({
  name: 'describe_operation',
  toolset: 'catalog',
  readOnly: true,
  scope: 'calls:read',
  title: 'Describe a catalog operation',
  description: 'Full description, input JSON Schema (with constraints), output schema and examples of one operation.',
  input: { id: z.string().describe('Operation ID, e.g. dyvms.SingleCallByTts') },
  output: {
    id: z.string(),
    title: z.string(),
    description: z.string(),
    product: z.string(),
    access: z.string(),
    destructive: z.boolean(),
    idempotent: z.boolean(),
    qps: z.number().optional(),
    input_schema: anyObject().describe('JSON Schema'),
    output_schema: anyObject().describe('JSON Schema'),
    examples: z.array(z.object({ title: z.string().optional(), input: anyObject() })),
  },
  hints: { ...READ_HINTS, openWorldHint: false },
  async run(args, ctx) {
    const op = ctx.client.operation(args.id);
    return {
      id: op.id,
      title: op.title,
      description: op.description,
      product: op.product,
      access: op.access,
      destructive: op.destructive ?? op.access === 'call',
      idempotent: op.idempotent,
      ...(op.qps !== undefined ? { qps: op.qps } : {}),
      input_schema: z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }),
      output_schema: z.toJSONSchema(op.output, { io: 'output', unrepresentable: 'any' }),
      examples: (op.examples ?? []).map((e) => ({ title: e.title, input: e.input })),
    };
  },
});
