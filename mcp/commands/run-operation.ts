// The one place where the CLI runs a catalog operation: `invoke` and the task-level commands
// (call, task add, result) all come through here, so the call policy can be applied in one spot.
import type { Answer, Invoke } from '../../core/providers/index.js';
import type { HttpRequest } from '../../core/transport.js';
import type { Session } from './session.js';

export interface RunOptions {
  /** Preview writes and calls instead of sending them (reads are still sent: later steps need their answers). */
  dryRun?: boolean;
}

export type RunResult = { sent: true; output: unknown } | { sent: false; request: HttpRequest };

/**
 * Runs one operation through the session's pipeline (validation, the call policy, the store), or
 * previews it in a dry run; a dry run of `invoke` previews reads too.
 */
export async function runOperation(session: Session, operationId: string, input: unknown, options: RunOptions & { previewReads?: boolean } = {}): Promise<RunResult> {
  const { client, pipeline } = session;
  if (options.dryRun && options.previewReads && client.operation(operationId).access === 'read') {
    const { parsed } = await pipeline.check(operationId, input);
    return { sent: false, request: client.preview(operationId, parsed) };
  }
  const result = await pipeline.run(operationId, input, { dryRun: options.dryRun, cannotAsk: 'the CLI does not ask (confirmation is on in the settings it shares with the MCP server)' });
  return result.sent ? { sent: true, output: result.output } : { sent: false, request: result.preview.request };
}

/** The Invoke the vendor-neutral actions (core/providers) run their operations with; `previews` collects what a dry run did not send. */
export function cliInvoke(session: Session, options: RunOptions, previews: HttpRequest[] = []): Invoke {
  return async (operationId, input): Promise<Answer> => {
    const result = await runOperation(session, operationId, input, options);
    if (!result.sent) {
      previews.push(result.request);
      return { sent: false };
    }
    return { sent: true, output: result.output };
  };
}
