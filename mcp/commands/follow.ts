// Following a call until its result is final (call --wait, result --wait), with progress on stderr,
// and the short summary of a result a person reads.
import type { CallResult } from '../../core/call-result.js';
import type { Pipeline } from '../../core/pipeline.js';
import { callResult, type Invoke, type ProviderName, type ProviderSettings, type TrackedCall } from '../../core/providers/index.js';
import { waitForCallResult, type WaitOutcome } from '../../core/wait.js';
import { systemRuntime } from '../runtime.js';
import { summary } from './output.js';
import { startProgress } from './progress.js';

export interface FollowRequest {
  invoke: Invoke;
  settings: ProviderSettings;
  provider: ProviderName;
  call: TrackedCall;
  timeoutSeconds: number;
  /** Wakes the wait when another process (or a receipt) saw the call end; a final result ends it for the concurrency count. */
  pipeline: Pipeline;
}

/** Polls the call's result until it is final or the timeout passes (first poll at once, then every 2 s growing to 15 s). */
export async function followCall(request: FollowRequest): Promise<WaitOutcome> {
  const { invoke, settings, provider, call, timeoutSeconds, pipeline } = request;
  const progress = startProgress('waiting for the call result', timeoutSeconds, 's');
  const poll = async () => {
    const result = await callResult(invoke, settings, provider, call);
    if (result.final) await pipeline.callEnded(provider, call.callId);
    return result;
  };
  try {
    return await waitForCallResult(poll, {
      runtime: systemRuntime,
      timeoutMs: timeoutSeconds * 1000,
      intervalMs: 2000,
      wakeOn: (wake) => pipeline.onCallEnded(provider, call.callId, wake),
      onProgress: (p) => progress.update(Math.round(p.elapsedMs / 1000), p.result ? p.result.status : `retrying: ${p.error ?? ''}`),
    });
  } finally {
    progress.stop();
  }
}

/** "status: completed (answered, 42 s)" and the details that are known. */
export function resultSummary(result: CallResult): string[] {
  return summary([
    ['call', result.callId],
    ['status', `${result.status}${result.reason ? ` (${result.reason})` : ''}${result.final ? '' : ', not final yet'}`],
    ['callee', result.callee],
    ['caller', result.caller],
    ['started', result.startTime],
    ['answered', result.answerTime],
    ['ended', result.endTime],
    ['talk time', result.durationSeconds !== undefined ? `${result.durationSeconds} s` : undefined],
    ['hung up by', result.hangupSide],
    ['keys pressed', result.dtmf],
    ['recording', result.recording],
    ['vendor status', result.vendorStatus],
  ]);
}
