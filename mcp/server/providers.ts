// The curated tools' link to core/providers (the vendor knowledge): every operation a provider runs goes
// through execute() (core's pipeline: policy, dry-run previews, confirmation), with the server's settings.
// A call whose result is final is marked ended in the policy store (it no longer counts as live).
import type { CallResult } from '../../core/call-result.js';
import {
  callResult,
  FINAL_TASK_STATES,
  InputError,
  PROVIDERS,
  type Invoke,
  type PlaceCallArgs,
  type PlaceCallOutcome,
  type Provider,
  type ProviderName,
  type ProviderSettings,
  type TaskCallDetail,
  type TaskCallQuery,
  type TaskStatus,
} from '../../core/providers/index.js';
import { SETTING_NAMES } from '../guardrails/config.js';
import { normalizeNumber } from '../../core/phone-number.js';
import { execute, type PreviewCollector, type ToolContext } from './context.js';

/** The server's settings as the providers take them. */
function settingsOf(ctx: ToolContext): ProviderSettings {
  return {
    now: () => ctx.runtime.now(),
    nonce: () => ctx.runtime.nonce(),
    outboundbotInstanceId: ctx.config.outboundbotInstanceId,
    volcengineNumberPool: ctx.config.volcengineNumberPool,
    callingHours: ctx.config.callingHours,
    timezone: ctx.config.timezone,
    maxConcurrentCalls: ctx.config.maxConcurrentCalls,
    settingHint: (name) => `${SETTING_NAMES[name][0]} (${SETTING_NAMES[name][1]})`,
  };
}

/** Runs each operation through the core pipeline with the server's settings. */
function guardedInvoke(ctx: ToolContext, previews?: PreviewCollector): Invoke {
  return async (operationId, input) => {
    const r = await execute(ctx, operationId, input, previews);
    return r.sent ? { sent: true, output: r.output } : { sent: false };
  };
}

/** One provider's actions, run under the guardrails with the server's settings. */
export function providerFor(ctx: ToolContext, name: ProviderName, previews?: PreviewCollector): { provider: Provider; invoke: Invoke; settings: ProviderSettings } {
  return { provider: PROVIDERS[name], invoke: guardedInvoke(ctx, previews), settings: settingsOf(ctx) };
}

export async function placeCall(ctx: ToolContext, args: PlaceCallArgs & { provider: ProviderName }, previews: PreviewCollector): Promise<PlaceCallOutcome> {
  return PROVIDERS[args.provider].placeCall(guardedInvoke(ctx, previews), settingsOf(ctx), { ...args, to: normalizeNumber(args.to) });
}

/**
 * With an in-process sandbox, a call this server did not place cannot exist here: the sandbox's calls live
 * only as long as its process. Say so instead of waiting on a call that will never be found.
 */
export async function checkKnownCall(ctx: ToolContext, provider: ProviderName, callId: string): Promise<void> {
  if (!ctx.inProcessSandbox || (await ctx.pipeline.placedCall(provider, callId))) return;
  throw new InputError(
    `call ${callId} (${provider}) is unknown to this server: it was not placed through it. This server runs an in-process sandbox (no credentials configured), whose calls live only as long as its process, so a call placed by another process (an earlier Inspector run, another client) cannot be followed here. Place the call and follow it in one session, or run \`callbridge sandbox\` and point every process at it (docs/mcp.md, "Follow a call").`,
  );
}

export async function getCallResult(ctx: ToolContext, q: { provider: ProviderName; call_id: string; call_date?: string }): Promise<CallResult> {
  // What the policy store knows of a call this provider's account placed: which operation, when, to whom.
  const placed = await ctx.pipeline.placedCall(q.provider, q.call_id);
  const call = { callId: q.call_id, callDate: q.call_date, placedBy: placed?.operation, placedAt: placed?.at, callee: placed?.number };
  const result = await callResult(guardedInvoke(ctx), settingsOf(ctx), q.provider, call);
  if (result.final) await ctx.pipeline.callEnded(q.provider, q.call_id);
  return result;
}

export async function taskCallDetail(ctx: ToolContext, q: TaskCallQuery & { provider: ProviderName }): Promise<TaskCallDetail> {
  const detail = await PROVIDERS[q.provider].taskCallDetail(guardedInvoke(ctx), settingsOf(ctx), q);
  if (q.call_id && detail.result.final) await ctx.pipeline.callEnded(q.provider, q.call_id);
  return detail;
}

/** A task's (campaign's) status, and whether it is final: it finished or was cancelled. */
export async function campaignStatus(ctx: ToolContext, q: { provider: ProviderName; task_id: string }): Promise<TaskStatus & { final: boolean }> {
  const status = await PROVIDERS[q.provider].taskStatus(guardedInvoke(ctx), settingsOf(ctx), q.task_id);
  return { ...status, final: FINAL_TASK_STATES.includes(status.state) };
}

/** One line on a task's progress: "running, 3 of 10 calls done (vendor status EXECUTING)". */
export function campaignProgress(status: TaskStatus): string {
  const counts = status.total !== undefined ? `, ${status.completed ?? 0} of ${status.total} calls done` : '';
  return `${status.state}${counts}${status.vendor_status ? ` (vendor status ${status.vendor_status})` : ''}`;
}
