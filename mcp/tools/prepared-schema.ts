// A tool's zod schema whose JSON Schema conversions are made once per process. Stateless HTTP builds a
// server per request, and the SDK converts each registered tool's schemas at registration: with this
// wrapper every server after the first reuses the conversion (validation is still zod's own).
import type { StandardSchemaWithJSON } from '@modelcontextprotocol/server';
import type { z } from 'zod';

export function preparedSchema<T extends z.ZodObject>(schema: T): StandardSchemaWithJSON<z.input<T>, z.output<T>> {
  const standard = schema['~standard'];
  const converted = new Map<string, Record<string, unknown>>();
  const convert =
    (io: 'input' | 'output') =>
    (options: Parameters<typeof standard.jsonSchema.input>[0]): Record<string, unknown> => {
      // Library options would change the answer: only the plain conversion is kept.
      if (options.libraryOptions) return standard.jsonSchema[io](options);
      const key = `${io} ${options.target}`;
      let json = converted.get(key);
      if (!json) {
        json = standard.jsonSchema[io](options);
        converted.set(key, json);
      }
      return json;
    };
  return { '~standard': { ...standard, jsonSchema: { input: convert('input'), output: convert('output') } } };
}
