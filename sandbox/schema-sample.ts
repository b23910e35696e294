import type { z } from 'zod';
import { unwrap } from './alibaba-decode.js';

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, unknown>;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * A minimal value of a (response) schema: every required field filled with a plain value,
 * optional fields left out. Used for operations the simulator has no real behaviour for.
 */
export function sampleOf(schema: z.ZodType, depth = 0): unknown {
  if (depth > 8) return undefined;
  const def = defOf(unwrap(schema));
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        if (defOf(field).type === 'optional') continue;
        out[key] = sampleOf(field, depth + 1);
      }
      return out;
    }
    case 'array':
      return [];
    case 'record':
      return {};
    case 'string':
      return 'sandbox';
    case 'number':
    case 'int':
      return 0;
    case 'bigint':
      return 0;
    case 'boolean':
      return true;
    case 'literal':
      return def.values?.[0];
    case 'enum':
      return def.entries ? Object.values(def.entries)[0] : undefined;
    case 'union':
      return def.options?.length ? sampleOf(def.options[0], depth + 1) : undefined;
    case 'nullable':
      return null;
    default:
      return undefined;
  }
}
