import { z } from 'zod';
import { listOperations } from '../../core/registry.js';
import { catalog } from '../../core/registry.js';
import type { Product } from '../../core/operation.js';
import { resolveOperationId } from './operation-id.js';
import { outputFormat, printJson, printLines, table } from './output.js';

export function opsList(options: { json?: boolean; product?: Product }): void {
  const ops = listOperations(options.product);
  if (outputFormat(options) === 'json') {
    printJson(ops.map((op) => ({ id: op.id, title: op.title, access: op.access, product: op.product })));
    return;
  }
  printLines(table(['ID', 'ACCESS', 'TITLE'], ops.map((op) => [op.id, op.access, op.title])));
}

export function opsDescribe(givenId: string): void {
  const op = catalog.get(resolveOperationId(givenId));
  if (!op) return;
  printJson({
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
  });
}
