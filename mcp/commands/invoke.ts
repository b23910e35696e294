// `callbridge invoke <operation-id> --input '<json>'`: any catalog operation with its native input.
// The ID and the input are checked before a client or sandbox starts.
import { CallbridgeError } from '../../core/errors.js';
import { PROVIDERS } from '../../core/providers/index.js';
import { catalog } from '../../core/registry.js';
import { validateInput } from '../../core/validate.js';
import type { Env } from '../env-config.js';
import { readInput } from './input.js';
import { resolveOperationId } from './operation-id.js';
import { printJson } from './output.js';
import { runOperation } from './run-operation.js';
import { withSession } from './session.js';

export interface InvokeOptions {
  input?: string;
  inputFile?: string;
  dryRun?: boolean;
  json?: boolean;
}

/** The provider whose bulk-add action sends this operation (dyvms.UploadRobotTaskCalledFile...). */
function bulkAddProvider(operationId: string): string | undefined {
  return Object.values(PROVIDERS).find((p) => p.operations.addCallees === operationId)?.name;
}

/** Over a per-request limit of a bulk-add operation: the error also says which command sends any number. */
function withTaskAddHint(operationId: string, error: unknown): unknown {
  const provider = bulkAddProvider(operationId);
  if (!provider || !(error instanceof CallbridgeError) || error.kind !== 'validation' || !/per request/.test(error.message)) return error;
  return new CallbridgeError({
    ...error,
    kind: 'validation',
    message: `${error.message}. To add any number of callees (sent in chunks of the per-request limit, paced to the vendor's rate), use: callbridge task add ${provider} <task> --file callees.csv`,
  });
}

export async function invokeCommand(givenId: string, options: InvokeOptions, env: Env): Promise<void> {
  const id = resolveOperationId(givenId);
  const input = readInput(options);
  const op = catalog.get(id);
  // The PBX login is refused by the client before its input is read (a password is never echoed).
  if (op && !op.sessionManaged) {
    try {
      validateInput(op, input);
    } catch (error) {
      throw withTaskAddHint(id, error);
    }
  }
  await withSession(env, async (session) => {
    const result = await runOperation(session, id, input, { dryRun: options.dryRun, previewReads: true });
    printJson(result.sent ? result.output : { dryRun: true, request: result.request });
  });
}
