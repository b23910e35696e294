// Which list operation fills an ID field. Declared once, on the field helper that defines the ID
// (e.g. scriptId() in core/catalog/shared), so every operation taking that ID knows where its values
// come from; front ends that let a person pick an ID from a list (the n8n nodes' "From list") read it
// with lookupOf(). Kept in a registry of its own, so the operations' JSON Schemas stay as they were.
import { z } from 'zod';
import type { Product } from './operation.js';

export interface Lookup {
  /** One word for the list, e.g. "script": names it (one list per name) and, spelt out, the field's placeholder. */
  name: string;
  /** What one entry is, for people: "Script". */
  title: string;
  /** The list operation. Its other required inputs (e.g. InstanceId) come from the fields of the same name. */
  list: `${Product}.${string}`;
  /** Dotted paths, in an entry, of the ID (the first one present). */
  value: readonly string[];
  /** Dotted paths, in an entry, of its name (the first one present; the ID when none). */
  text?: readonly string[];
}

export const lookups = z.registry<Lookup>();

/** Declares that `schema`'s values are picked from `lookup`'s list. */
export function listedBy<T extends z.ZodType>(schema: T, lookup: Lookup): T {
  lookups.add(schema, lookup);
  return schema;
}

/** The lookup of a schema (inherited by copies made with .describe(), .optional() and the like). */
export function lookupOf(schema: z.core.$ZodType): Lookup | undefined {
  return lookups.get(schema);
}
