// `callbridge result <provider> <call-id> [--wait]`: the vendor-neutral result of one call.
import { callResult, type ProviderName } from '../../core/providers/index.js';
import type { Env } from '../env-config.js';
import { followCall, resultSummary } from './follow.js';
import { outputFormat, printJson, printLines } from './output.js';
import { cliSettings } from './provider-settings.js';
import { cliInvoke } from './run-operation.js';
import { withSession } from './session.js';

export interface ResultOptions {
  date?: string;
  wait?: boolean;
  timeout: number;
  json?: boolean;
}

export async function resultCommand(provider: ProviderName, callId: string, options: ResultOptions, env: Env): Promise<void> {
  const human = outputFormat(options) === 'human';
  await withSession(env, async (session) => {
    const invoke = cliInvoke(session, {});
    const settings = cliSettings(env);
    const call = { callId, callDate: options.date };
    if (!options.wait) {
      const result = await callResult(invoke, settings, provider, call);
      if (human) printLines(resultSummary(result));
      else printJson(result);
      return;
    }
    const outcome = await followCall({ invoke, settings, provider, call, timeoutSeconds: options.timeout, pipeline: session.pipeline });
    if (human) {
      printLines(outcome.result ? resultSummary(outcome.result) : ['No result yet.']);
      if (outcome.timedOut) printLines([`Not final after ${options.timeout} s.`]);
    } else {
      printJson({ result: outcome.result, final: outcome.final, timed_out: outcome.timedOut });
    }
  });
}
