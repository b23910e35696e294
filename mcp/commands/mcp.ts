// `callbridge mcp ...`: hands the flags to the MCP server; its flag errors get the CLI's wording and exit code.
import { codeOf } from '../../core/errors.js';
import { MCP_FLAGS } from '../guardrails/config.js';
import { openClientFromEnv } from '../client-factory.js';
import type { Env } from '../env-config.js';
import { UsageError } from './exit-codes.js';
import { didYouMean, suggest } from './suggest.js';

const FLAGS = Object.keys(MCP_FLAGS).map((name) => `--${name}`);

/** node:util parseArgs' errors (unknown flag, missing value) as usage errors with "did you mean". */
function usageError(error: unknown): unknown {
  if (!(error instanceof TypeError) || !codeOf(error)?.startsWith('ERR_PARSE_ARGS_')) return error;
  const unknown = /Unknown option '([^']+)'/.exec(error.message)?.[1];
  if (unknown) return new UsageError(`unknown option '${unknown}' for callbridge mcp.${didYouMean(suggest(unknown, FLAGS))} See: callbridge mcp --help`);
  const missing = /Option '([^']+)' argument missing/.exec(error.message)?.[1];
  if (missing) return new UsageError(`option '${missing}' needs a value. See: callbridge mcp --help`);
  return new UsageError(`${error.message.split('. ')[0]}. See: callbridge mcp --help`);
}

export async function mcpCommand(args: string[], env: Env): Promise<void> {
  const { runMcp } = await import('../server/command.js');
  try {
    await runMcp(args, { env, openClient: (e) => openClientFromEnv({ env: e }) });
  } catch (error) {
    throw usageError(error);
  }
}
