// The one place where the CLI runs a catalog operation: `invoke` and the task-level commands
// (call, task add, result) all come through here, so the call policy can be applied in one spot.
import type { CallbridgeClient } from '../../core/client.js';
import type { Answer, Invoke } from '../../core/providers/index.js';
import type { HttpRequest } from '../../core/transport.js';

export interface RunOptions {
  /** Preview writes and calls instead of sending them (reads are still sent: later steps need their answers). */
  dryRun?: boolean;
}

export type RunResult = { sent: true; output: unknown } | { sent: false; request: HttpRequest };

/** Validates and sends one operation, or previews it in a dry run; a dry run of `invoke` previews reads too. */
export async function runOperation(client: CallbridgeClient, operationId: string, input: unknown, options: RunOptions & { previewReads?: boolean } = {}): Promise<RunResult> {
  const op = client.operation(operationId);
  if (options.dryRun && (options.previewReads || op.access !== 'read')) return { sent: false, request: client.preview(operationId, input) };
  return { sent: true, output: await client.invoke(operationId, input) };
}

/** The Invoke the vendor-neutral actions (core/providers) run their operations with; `previews` collects what a dry run did not send. */
export function cliInvoke(client: CallbridgeClient, options: RunOptions, previews: HttpRequest[] = []): Invoke {
  return async (operationId, input): Promise<Answer> => {
    const result = await runOperation(client, operationId, input, options);
    if (!result.sent) {
      previews.push(result.request);
      return { sent: false };
    }
    return { sent: true, output: result.output };
  };
}
