// `callbridge call <provider> <number> --tts TTS_... [--params k=v...] [--wait]`: places one call
// through the vendor-neutral place-call action, and with --wait follows it to its final result.
import type { HttpRequest } from '../../core/transport.js';
import { isPhoneNumber, normalizeNumber, PHONE_NUMBER_RULE } from '../../core/phone-number.js';
import { CALL_PROVIDERS, PROVIDERS, type PlaceCallArgs } from '../../core/providers/index.js';
import type { Env } from '../env-config.js';
import { UsageError } from './exit-codes.js';
import { followCall, resultSummary } from './follow.js';
import { outputFormat, printJson, printLines, summary } from './output.js';
import { cliSettings } from './provider-settings.js';
import { cliInvoke } from './run-operation.js';
import { withSession } from './session.js';

export type CallProvider = (typeof CALL_PROVIDERS)[number];

export interface CallOptions {
  tts?: string;
  params?: Record<string, string>;
  voiceFile?: string;
  prompt?: string;
  callerId?: string;
  outId?: string;
  wait?: boolean;
  timeout: number;
  dryRun?: boolean;
  json?: boolean;
}

/** The place-call arguments, or a usage error naming the flag; checked before anything starts. */
export function placeCallArgs(number: string, o: CallOptions): PlaceCallArgs {
  const to = normalizeNumber(number);
  if (!isPhoneNumber(to)) throw new UsageError(`<number> "${number}" is ${PHONE_NUMBER_RULE}`);
  const contents = [o.tts && '--tts', o.voiceFile && '--voice-file', o.prompt && '--prompt'].filter(Boolean);
  if (contents.length !== 1) {
    throw new UsageError(`give what the call plays, exactly one of --tts <template>, --voice-file <id> or --prompt <file> (got ${contents.length ? contents.join(' and ') : 'none'})`);
  }
  if (o.params && !o.tts) throw new UsageError('--params goes with --tts (the template variables)');
  return { to, tts_template: o.tts, tts_params: o.params, voice_file: o.voiceFile, prompt: o.prompt, caller_id: o.callerId, out_id: o.outId };
}

export async function callCommand(provider: CallProvider, number: string, options: CallOptions, env: Env): Promise<void> {
  const args = placeCallArgs(number, options);
  const human = outputFormat(options) === 'human';
  await withSession(env, async (session) => {
    const previews: HttpRequest[] = [];
    const invoke = cliInvoke(session, { dryRun: options.dryRun }, previews);
    const settings = cliSettings(env);
    const placedAt = settings.now();
    const placed = await PROVIDERS[provider].placeCall(invoke, settings, args);
    if (!placed.call_id) {
      if (human) printLines([`Dry run: nothing was sent. ${placed.operation} would send:`, JSON.stringify(previews, null, 2)]);
      else printJson({ provider, operation: placed.operation, dry_run: { requests: previews } });
      return;
    }
    if (human) printLines(summary([['Call placed', placed.call_id], ['to', args.to], ['operation', placed.operation]]));
    if (!options.wait) {
      if (human) printLines([`Follow it with: callbridge result ${provider} '${placed.call_id}' --wait`]);
      else printJson({ provider, call_id: placed.call_id, operation: placed.operation });
      return;
    }
    const call = { callId: placed.call_id, placedBy: placed.operation, placedAt, callee: args.to };
    const outcome = await followCall({ invoke, settings, provider, call, timeoutSeconds: options.timeout, pipeline: session.pipeline });
    if (human) {
      printLines(outcome.result ? resultSummary(outcome.result) : ['No result yet.']);
      if (outcome.timedOut) printLines([`Not final after ${options.timeout} s; check again with: callbridge result ${provider} '${placed.call_id}' --wait`]);
    } else {
      printJson({ provider, call_id: placed.call_id, operation: placed.operation, result: outcome.result, final: outcome.final, timed_out: outcome.timedOut });
    }
  });
}
