import { z } from 'zod';
import { CALL_PROVIDERS } from '../../core/providers/index.js';
import { PreviewCollector } from '../server/context.js';
import { waitForCallResult } from '../../core/wait.js';
import { getCallResult, placeCall } from '../server/providers.js';
import { followAsTask } from '../server/tasks.js';
import { defineTool } from './define.js';
import { callResultOut, DESTRUCTIVE_HINTS, dryRun, dryRunOf, providerOut, vars, withRawObject } from './schemas.js';

export const place_call = defineTool({
  name: 'place_call',
  toolset: 'calls',
  readOnly: false,
  // It dials.
  scope: 'calls:place',
  title: 'Place a phone call (billed)',
  description:
    'Calls one number and plays content: tts_template (+tts_params), voice_file, ivr (prompt + key menu) or prompt (pbx). Returns call_id for get_call_result / wait_for_call_result. Real, billed call; subject to the server guardrails.',
  input: {
    provider: z.enum(CALL_PROVIDERS).describe('dyvms, volcengine or pbx (outboundbot: use tasks)'),
    to: z.string().describe('Number to call'),
    caller_id: z.string().optional().describe('dyvms: your purchased number; volcengine: number pool NP... or a pool number; pbx: extension whose permission is used'),
    tts_template: z.string().optional().describe('Approved TTS template ID'),
    tts_params: vars().optional().describe('Template variables'),
    voice_file: z.string().optional().describe('Uploaded voice file ID'),
    ivr: z
      .object({
        start: z.string().describe('Opening prompt: TTS template or voice file ID (volcengine: IVR flow ID)'),
        start_params: vars().optional(),
        keys: z.record(z.string(), z.string()).optional().describe('Key -> prompt ID, e.g. {"1":"TTS_1"}'),
        bye: z.string().optional().describe('Closing prompt'),
        timeout_ms: z.number().int().optional().describe('Key-press wait'),
      })
      .optional(),
    prompt: z.string().optional().describe('pbx: prompt file(s), joined by "+"'),
    out_id: z.string().optional().describe('Your reference, echoed in receipts'),
    wait_seconds: z.number().min(1).max(1800).optional().describe('Also follow the call to its result for up to this long (a task for clients with the MCP Tasks extension)'),
  },
  output: {
    provider: providerOut,
    call_id: z.string().optional().describe('absent in dry-run'),
    operation: z.string(),
    dry_run: dryRun,
    result: z.object(callResultOut).optional().describe('with wait_seconds: the last result seen'),
    final: z.boolean().optional().describe('with wait_seconds: the result is final'),
  },
  hints: DESTRUCTIVE_HINTS,
  async run(args, ctx) {
    const previews = new PreviewCollector();
    const { wait_seconds: waitSeconds, ...call } = args;
    const out = await placeCall(ctx, call, previews);
    const placed = { provider: args.provider, ...out, ...dryRunOf(previews) };
    if (!waitSeconds || !out.call_id) return placed;
    const follow = { provider: args.provider, call_id: out.call_id };
    if (ctx.acceptsTasks) await followAsTask(ctx, { kind: 'call', ...follow, placed }, waitSeconds, placed);
    const outcome = await waitForCallResult(() => getCallResult(ctx, follow), { runtime: ctx.runtime, timeoutMs: waitSeconds * 1000, intervalMs: 3000, signal: ctx.signal });
    return { ...placed, result: outcome.result && withRawObject(outcome.result), final: outcome.final };
  },
});
