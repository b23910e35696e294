import { z } from 'zod';
import { execute, PreviewCollector } from '../server/context.js';
import { isRecord } from '../server/json.js';
import { defineTool } from './define.js';
import { anyObject, DESTRUCTIVE_HINTS, dryRun, dryRunOf } from './schemas.js';

export const invoke_operation = defineTool({
  name: 'invoke_operation',
  toolset: 'catalog',
  readOnly: false,
  // It can dial (any catalog operation).
  scope: 'calls:place',
  title: 'Invoke any catalog operation',
  description: 'Runs one catalog operation with its native input (see describe_operation), under the same guardrails as the curated tools.',
  input: { id: z.string(), input: anyObject().default({}) },
  output: { operation: z.string(), output: anyObject().optional().describe('vendor answer, parsed'), dry_run: dryRun },
  hints: DESTRUCTIVE_HINTS,
  async run(args, ctx) {
    const previews = new PreviewCollector();
    ctx.confirmSummary = undefined;
    const r = await execute(ctx, args.id, args.input, previews);
    if (!r.sent) return { operation: args.id, ...dryRunOf(previews) };
    return { operation: args.id, output: answerObject(r.output) };
  },
});

/** The vendor answer as the output schema's object (a binary body is described, not returned). */
function answerObject(output: unknown): Record<string, unknown> | undefined {
  if (output instanceof Uint8Array) return { bytes: output.length, note: 'binary body not returned; use the CLI to save it' };
  if (output === undefined || isRecord(output)) return output;
  return { value: output };
}
