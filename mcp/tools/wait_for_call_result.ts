import { z } from 'zod';
import { waitForCallResult } from '../../core/wait.js';
import { checkKnownCall, getCallResult } from '../server/providers.js';
import { followOutput, type Follow } from '../server/task-follows.js';
import { followAsTask } from '../server/tasks.js';
import { defineTool } from './define.js';
import { callDate, callResultOut, provider, READ_HINTS } from './schemas.js';

export const wait_for_call_result = defineTool({
  name: 'wait_for_call_result',
  toolset: 'calls',
  readOnly: true,
  scope: 'calls:read',
  title: 'Wait for a call result',
  description:
    'Polls get_call_result until the result is final or timeout_seconds pass, with progress notifications. Returns the last result and whether it timed out. Clients with the MCP Tasks extension get a task to poll instead (calls outlast request timeouts).',
  input: {
    provider,
    call_id: z.string(),
    call_date: callDate,
    timeout_seconds: z.number().min(0).max(1800).default(120).describe('Default 120, max 1800'),
    interval_seconds: z.number().min(1).max(60).default(5).describe('First poll interval (grows to 15 s)'),
  },
  output: { result: z.object(callResultOut).optional(), final: z.boolean(), timed_out: z.boolean(), waited_seconds: z.number(), polls: z.number() },
  hints: READ_HINTS,
  async run(args, ctx) {
    await checkKnownCall(ctx, args.provider, args.call_id);
    if (ctx.acceptsTasks) {
      const follow: Follow = { kind: 'call', provider: args.provider, call_id: args.call_id, call_date: args.call_date };
      await followAsTask(ctx, follow, args.timeout_seconds, followOutput(undefined, false, false, 0, 0));
    }
    // A first notification before any I/O: a client may drop one that arrives together with the result.
    await ctx.progress(0, args.timeout_seconds, 'waiting for the call result');
    const outcome = await waitForCallResult(() => getCallResult(ctx, args), {
      runtime: ctx.runtime,
      timeoutMs: args.timeout_seconds * 1000,
      intervalMs: args.interval_seconds * 1000,
      signal: ctx.signal,
      // A receipt or another replica that saw the call end wakes this wait at once.
      wakeOn: (wake) => ctx.pipeline.onCallEnded(args.provider, args.call_id, wake),
      onProgress: (p) => ctx.progress(p.elapsedMs / 1000, args.timeout_seconds, p.result ? `${p.result.status}${p.result.reason ? ` (${p.result.reason})` : ''}` : `retrying: ${p.error}`),
    });
    return followOutput(outcome.result, outcome.final, outcome.timedOut, outcome.elapsedMs, outcome.attempts);
  },
});
