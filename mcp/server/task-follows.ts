// What an MCP task follows, and one look at it: a call (its result, from the vendor) or a campaign
// (a call task's state and progress counts, from the vendor). tasks.ts keeps the task and decides when
// to look; this file knows what a look asks and what the tool answers once the task ends.
import { z } from 'zod';
import type { CallResult } from '../../core/call-result.js';
import { PROVIDER_NAMES, TASK_STATUS_PROVIDERS, type ProviderName, type TaskStatus } from '../../core/providers/index.js';
import { withRawObject } from '../tools/schemas.js';
import type { ToolContext } from './context.js';
import { campaignProgress, campaignStatus, getCallResult } from './providers.js';

export const followSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('call'),
    provider: z.enum(PROVIDER_NAMES),
    call_id: z.string(),
    call_date: z.string().optional(),
    /** place_call's answer when the task follows the call it placed (its result is that answer plus the call's result). */
    placed: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({ kind: z.literal('campaign'), provider: z.enum(TASK_STATUS_PROVIDERS), task_id: z.string() }),
]);
export type Follow = z.infer<typeof followSchema>;

/** What one look saw; `output` is the tool's answer if the task ends now. */
export interface Look {
  message: string;
  final: boolean;
  output(timedOut: boolean, elapsedMs: number, polls: number): Record<string, unknown>;
}

/** What wait_for_call_result answers: the last result, whether it is final, how long and how often it polled. */
export function followOutput(result: CallResult | undefined, final: boolean, timedOut: boolean, elapsedMs: number, polls: number) {
  return { result: result && withRawObject(result), final, timed_out: timedOut, waited_seconds: Math.round(elapsedMs / 100) / 10, polls };
}

/** What get_task_status answers, with whether the task is final and whether a wait for it timed out. */
export function campaignOutput(provider: ProviderName, taskId: string, status: TaskStatus & { final: boolean }, timedOut?: boolean) {
  return { provider, task_id: taskId, ...withRawObject(status), timed_out: timedOut };
}

export function describeFollow(follow: Follow): string {
  return follow.kind === 'call' ? `following ${follow.provider} call ${follow.call_id}` : `following ${follow.provider} task ${follow.task_id}`;
}

/** Asks the vendor once about what the task follows. */
export async function look(ctx: ToolContext, follow: Follow): Promise<Look> {
  if (follow.kind === 'campaign') {
    const status = await campaignStatus(ctx, { provider: follow.provider, task_id: follow.task_id });
    return { message: campaignProgress(status), final: status.final, output: (timedOut) => campaignOutput(follow.provider, follow.task_id, status, timedOut) };
  }
  const result = await getCallResult(ctx, follow);
  return {
    message: `${result.status}${result.reason ? ` (${result.reason})` : ''}`,
    final: result.final,
    output: (timedOut, elapsedMs, polls) =>
      follow.placed ? { ...follow.placed, result: withRawObject(result), final: result.final } : followOutput(result, result.final, timedOut, elapsedMs, polls),
  };
}

/** Calls `wake` when a receipt (on any replica sharing the store's events) says the followed call ended. */
export function onFollowedEnd(ctx: ToolContext, follow: Follow, wake: () => void): () => void {
  return follow.kind === 'call' ? ctx.pipeline.onCallEnded(follow.provider, follow.call_id, wake) : () => {};
}
