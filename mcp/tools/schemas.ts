// Schema parts several tools share, and the helpers that shape their answers to them.
import { z } from 'zod';
import { callResultSchema } from '../../core/call-result.js';
import { PROVIDER_NAMES, TASK_PROVIDERS } from '../../core/providers/index.js';
import type { PreviewCollector } from '../server/context.js';
import { isRecord } from '../server/json.js';
import type { ToolHints } from './define.js';

/** A free-form JSON object, declared as such (portable: `additionalProperties: true`, no empty schemas). */
export const anyObject = () => z.record(z.string(), z.unknown()).meta({ additionalProperties: true });
/** Template variables: text or numbers (anyOf with single types, for clients that reject type arrays). */
export const vars = () => z.record(z.string(), z.union([z.string(), z.number().describe('number')]));

export const provider = z.enum(PROVIDER_NAMES).describe('Back end: dyvms (Alibaba Voice), outboundbot (Alibaba Outbound Bot), volcengine, pbx (Yeastar-style PBX)');
/** The back ends with call tasks. */
export const taskProvider = () => z.enum(TASK_PROVIDERS);
/** Provider in outputs (no description: the input already explains it). */
export const providerOut = z.enum(PROVIDER_NAMES);
export const callDate = z.string().optional().describe('dyvms: day of the call, yyyy-MM-dd (default: when placed, else today)');
export const taskId = z.string().describe('Task ID from create_call_task');

/** Which call of a task (the vendors name it differently). */
export const callRef = {
  task_id: z.string().optional().describe('dyvms: required'),
  call_id: z.string().optional().describe('outboundbot: job ID; volcengine: call ID'),
  callee: z.string().optional().describe('dyvms: the number called'),
  call_date: callDate,
};

const previewShape = z.object({
  operation: z.string(),
  billed: z.boolean(),
  dials: z.number(),
  request: z.object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.string()), body: z.string().optional() }),
});
export const dryRun = z
  .object({ requests: z.array(previewShape).describe('the requests as they would be sent, with the signature and secrets replaced by placeholders (first 3)'), total: z.number() })
  .optional()
  .describe('present in --dry-run mode: nothing was sent');

/** The dry-run part of an answer: the first previews and how many there were (nothing when all was sent). */
export function dryRunOf(previews: PreviewCollector) {
  return previews.previews.length ? { dry_run: { requests: previews.previews.slice(0, 3), total: previews.previews.length } } : {};
}

export const transcript = z.array(z.object({ speaker: z.string(), text: z.string(), time: z.string().optional() }));

export const callResultOut = { ...callResultSchema.shape, raw: anyObject().describe('the vendor record') };

/** The raw vendor record as an object (as the output schemas declare it). */
export function withRawObject<T extends { raw: unknown }>(r: T): Omit<T, 'raw'> & { raw: Record<string, unknown> } {
  return { ...r, raw: rawObject(r.raw) };
}

function rawObject(raw: unknown): Record<string, unknown> {
  if (raw === null || raw === undefined) return {};
  return isRecord(raw) ? raw : { value: raw };
}

/** A tool that only reads from the vendor. */
export const READ_HINTS: ToolHints = { destructiveHint: false, idempotentHint: true, openWorldHint: true };
/** A tool that sends something the vendor cannot take back (billed calls, irreversible task changes). */
export const DESTRUCTIVE_HINTS: ToolHints = { destructiveHint: true, idempotentHint: false, openWorldHint: true };
