import { getCallResult } from '../server/providers.js';
import { defineTool } from './define.js';
import { callDate, callResultOut, provider, READ_HINTS, withRawObject } from './schemas.js';
import { z } from 'zod';

export const get_call_result = defineTool({
  name: 'get_call_result',
  toolset: 'calls',
  readOnly: true,
  scope: 'calls:read',
  title: 'Get a call result',
  description:
    'Current result of a call: status (queued, ringing, answered, completed, no_answer, busy, failed, unknown), final flag, times, duration, hang-up side, DTMF and the raw vendor record. outboundbot call_id: a job ID from list_task_calls.',
  input: { provider, call_id: z.string(), call_date: callDate },
  output: callResultOut,
  hints: READ_HINTS,
  run: async (args, ctx) => withRawObject(await getCallResult(ctx, args)),
});
