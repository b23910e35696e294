import { z } from 'zod';
import { CALL_PROVIDERS } from '../../core/providers/index.js';
import { PreviewCollector } from '../server/context.js';
import { placeCall } from '../server/providers.js';
import { defineTool } from './define.js';
import { DESTRUCTIVE_HINTS, dryRun, dryRunOf, providerOut, vars } from './schemas.js';

export const place_call = defineTool({
  name: 'place_call',
  toolset: 'calls',
  readOnly: false,
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
  },
  output: { provider: providerOut, call_id: z.string().optional().describe('absent in dry-run'), operation: z.string(), dry_run: dryRun },
  hints: DESTRUCTIVE_HINTS,
  async run(args, ctx) {
    const previews = new PreviewCollector();
    const out = await placeCall(ctx, args, previews);
    return { provider: args.provider, ...out, ...dryRunOf(previews) };
  },
});
