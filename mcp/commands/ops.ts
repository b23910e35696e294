import { z } from 'zod';
import { listOperations, catalog } from '../../core/registry.js';
import { PRODUCTS, type Product } from '../../core/operation.js';
import { CallbridgeError } from '../../core/errors.js';

export function opsList(options: { json?: boolean; product?: string }): string {
  if (options.product && !PRODUCTS.includes(options.product as Product)) {
    throw new CallbridgeError({ kind: 'validation', field: 'product', message: `--product must be one of ${PRODUCTS.join(', ')}` });
  }
  const ops = listOperations(options.product as Product | undefined);
  if (options.json) {
    return JSON.stringify(ops.map((op) => ({ id: op.id, title: op.title, access: op.access, product: op.product })), null, 2);
  }
  const width = Math.max(...ops.map((op) => op.id.length));
  return ops.map((op) => `${op.id.padEnd(width)}  ${op.access.padEnd(5)}  ${op.title}`).join('\n');
}

export function opsDescribe(id: string): string {
  const op = catalog.get(id);
  if (!op) throw new CallbridgeError({ kind: 'validation', field: 'id', message: `Unknown operation "${id}". List them with: callbridge ops list` });
  return JSON.stringify(
    {
      id: op.id,
      title: op.title,
      description: op.description,
      product: op.product,
      access: op.access,
      destructive: op.destructive ?? false,
      idempotent: op.idempotent,
      qps: op.qps ?? null,
      pagination: op.pagination ?? null,
      docUrl: op.docUrl ?? null,
      input: z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(op.output, { io: 'output', unrepresentable: 'any' }),
      examples: op.examples ?? [],
    },
    null,
    2,
  );
}
