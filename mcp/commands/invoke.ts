import { readFileSync } from 'node:fs';
import { CallbridgeError } from '../../core/errors.js';
import type { CallbridgeClient } from '../../core/client.js';

export function readInput(options: { input?: string; 'input-file'?: string }): unknown {
  const text = options['input-file'] ? readFileSync(options['input-file'], 'utf8') : (options.input ?? '{}');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CallbridgeError({ kind: 'validation', field: 'input', message: `--input is not valid JSON: ${(error as Error).message}` });
  }
}

export async function invoke(client: CallbridgeClient, id: string, input: unknown, dryRun: boolean): Promise<string> {
  if (dryRun) return JSON.stringify({ dryRun: true, request: client.preview(id, input) }, null, 2);
  return JSON.stringify(await client.invoke(id, input), null, 2);
}
