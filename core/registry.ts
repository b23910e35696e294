import { operations } from './catalog/index.js';
import type { AnyOperation, Product } from './operation.js';

export const catalog: ReadonlyMap<string, AnyOperation> = new Map(operations.map((op) => [op.id, op]));

export function listOperations(product?: Product): AnyOperation[] {
  return operations.filter((op) => !product || op.product === product);
}
