// The four providers behind the vendor-neutral actions, and call tracking (placed call -> query ->
// CallResult) shared by every front end: MCP's get_call_result / wait_for_call_result and n8n's
// Wait for Result both use callResult() here.
import type { CallResult } from '../call-result.js';
import { dyvms } from './dyvms.js';
import { outboundbot } from './outboundbot.js';
import { pbx } from './pbx.js';
import type { Answer, CallTracker, Invoke, Provider, ProviderName, ProviderSettings, TrackedCall } from './types.js';
import { volcengine } from './volcengine.js';

export * from './types.js';
export { InputError, UnsupportedError } from './shared.js';

export const PROVIDERS: Readonly<Record<ProviderName, Provider>> = { dyvms, outboundbot, volcengine, pbx };

/** Placing operation ID -> how to find the calls it started: the operations whose calls can be followed. */
export const CALL_TRACKERS: Readonly<Record<string, CallTracker>> = Object.fromEntries(Object.values(PROVIDERS).flatMap((p) => Object.entries(p.trackers)));

/** Every catalog operation the actions and trackers use (a front end checks them against its catalog). */
export function providerOperations(): string[] {
  const ids = Object.values(PROVIDERS).flatMap((p) => [...Object.values(p.operations), ...Object.keys(p.trackers), ...Object.values(p.trackers).map((t) => t.queryOperation)]);
  return [...new Set(ids)];
}

/** The calls a placing operation started, from its input and answer (empty when it is not tracked or named none). */
export function trackedCalls(operationId: string, input: Record<string, unknown>, output: unknown, placedAt: number): TrackedCall[] {
  return CALL_TRACKERS[operationId]?.calls(input, output, placedAt) ?? [];
}

/** The current vendor-neutral result of one call. */
export function callResult(invoke: Invoke, settings: ProviderSettings, name: ProviderName, call: TrackedCall): Promise<CallResult> {
  return PROVIDERS[name].callResult(invoke, settings, call);
}

/** An Invoke over anything that runs operations and always sends (a client without dry run). */
export function sendingInvoke(client: { invoke(operationId: string, input: Record<string, unknown>): Promise<unknown> }): Invoke {
  return async (operationId, input): Promise<Answer> => ({ sent: true, output: await client.invoke(operationId, input) });
}
