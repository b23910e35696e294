// `callbridge task add <provider> <task> --file callees.csv`: any number of callees, screened, sent
// in chunks of the vendor's per-request limit and paced to its rate (core/actions/add-callees), with
// a progress bar and a summary of accepted and rejected numbers with the reasons.
import { addCallees, calleeChunks, screenCallees, type AddCalleesOutcome, type Rejection } from '../../core/actions/add-callees.js';
import { PROVIDERS, type ProviderName } from '../../core/providers/index.js';
import type { HttpRequest } from '../../core/transport.js';
import type { Env } from '../env-config.js';
import { readCallees } from './callees-file.js';
import { UsageError } from './exit-codes.js';
import { outputFormat, printJson, printLines, summary, table } from './output.js';
import { startProgress } from './progress.js';
import { cliSettings } from './provider-settings.js';
import { cliInvoke } from './run-operation.js';
import { withSession } from './session.js';

export interface TaskAddOptions {
  file: string;
  dryRun?: boolean;
  json?: boolean;
}

/** Rejections shown to a person (all of them are in the JSON output). */
const SHOWN_REJECTIONS = 20;

function rejectionLines(rejections: readonly Rejection[]): string[] {
  if (!rejections.length) return [];
  const shown = table(['NUMBER', 'REASON'], rejections.slice(0, SHOWN_REJECTIONS).map((r) => [r.number, r.reason]));
  const more = rejections.length > SHOWN_REJECTIONS ? [`... and ${rejections.length - SHOWN_REJECTIONS} more (--json lists them all)`] : [];
  return ['', 'Rejected:', ...shown, ...more];
}

export async function taskAddCommand(provider: ProviderName, taskId: string, options: TaskAddOptions, env: Env): Promise<AddCalleesOutcome> {
  const callees = readCallees(options.file);
  const screened = screenCallees(callees);
  if (!screened.valid.length) {
    const first = screened.rejections[0];
    throw new UsageError(`none of the ${callees.length} callee(s) in ${options.file} can be added; first: ${first.number}: ${first.reason}`);
  }
  const human = outputFormat(options) === 'human';
  return withSession(env, async (session) => {
    const previews: HttpRequest[] = [];
    const chunks = calleeChunks(PROVIDERS[provider], screened.valid).length;
    const progress = startProgress(`adding ${screened.valid.length} callees`, chunks, 'requests');
    let outcome: AddCalleesOutcome;
    try {
      outcome = await addCallees({
        provider: PROVIDERS[provider],
        invoke: cliInvoke(session, { dryRun: options.dryRun }, previews),
        settings: cliSettings(env),
        taskId,
        callees: screened.valid,
        onProgress: (p) => progress.update(p.requests, `${p.accepted} accepted`),
      });
    } finally {
      progress.stop();
    }
    const rejections = [...screened.rejections, ...outcome.rejections];
    const result = { ...outcome, rejections };
    if (!human) {
      printJson({ provider, task_id: taskId, callees: callees.length, accepted: outcome.accepted, rejected: rejections.length, rejections, requests: outcome.requests, ...(outcome.incomplete ? { incomplete: outcome.incomplete } : {}), ...(outcome.previewed ? { dry_run: { requests: previews.slice(0, 3), total: previews.length } } : {}) });
      return result;
    }
    printLines([
      ...(outcome.previewed ? [`Dry run: nothing was sent; ${previews.length} request(s) would add the callees. With --json, the first 3 are shown.`] : []),
      ...summary([
        ['Task', `${provider} ${taskId}`],
        ['Callees in file', callees.length],
        ['Accepted', outcome.accepted],
        ['Rejected', rejections.length],
        ['Requests', outcome.requests],
        ['Not added', outcome.incomplete],
      ]),
      ...rejectionLines(rejections),
    ]);
    return result;
  });
}
