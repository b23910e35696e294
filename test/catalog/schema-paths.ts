// Whether a declared field path (core/policy/types.ts FieldPath) names a field of a schema.
import { z } from 'zod';

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/** The schema and its union/intersection branches. */
function branches(node: JsonSchema): JsonSchema[] {
  return [node, ...[...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])].flatMap(branches)];
}

/** "JobsJson[].contacts[].phonenumber" exists in the schema: each key is a property, each `[]` an array. */
export function schemaHasPath(schema: z.ZodType, path: string, io: 'input' | 'output' = 'input'): boolean {
  let nodes = [z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema];
  for (const segment of path.split('.')) {
    const walk = segment.endsWith('[]');
    const key = walk ? segment.slice(0, -2) : segment;
    nodes = nodes.flatMap(branches).flatMap((n) => (n.properties?.[key] ? [n.properties[key]] : []));
    if (walk) nodes = nodes.flatMap(branches).flatMap((n) => (n.items ? [n.items] : []));
    if (!nodes.length) return false;
  }
  return true;
}
