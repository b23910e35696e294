// The CLI's one exit-code table, and how every failure maps onto it with a message a person
// understands (no stack, no bare errno text). `callbridge --help` and the README print the table.
import { CallbridgeError, codeOf, withSettingHelp } from '../../core/errors.js';
import { SETTING_HELP } from '../env-config.js';
import { PolicyRefusal } from '../../core/policy/refusal.js';
import { InputError, UnsupportedError } from '../../core/providers/index.js';
import { policySettingNames } from '../guardrails/policy-settings.js';

export const EXIT = {
  ok: 0,
  vendorOrNetwork: 1,
  usage: 2,
  config: 3,
  policy: 4,
  outcomeUnknown: 5,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0  success
  1  the vendor answered with an error, or the network failed (nothing was carried out)
  2  invalid input or usage (nothing was sent)
  3  configuration: credentials, environment variables, config file
  4  refused by the call policy (nothing was sent)
  5  outcome unknown: the request may have been carried out; check with the identifiers shown before retrying`;

/** A mistake in how the command was called (flags, arguments, input files). Exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}


/** A configuration error about a command-line flag is a usage error; one about a file or variable is configuration. */
function isFlagField(field: string | undefined): boolean {
  return field !== undefined && field.startsWith('--') && field !== '--config';
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof CallbridgeError) {
    switch (error.kind) {
      case 'validation':
        return EXIT.usage;
      case 'config':
        return isFlagField(error.field) ? EXIT.usage : EXIT.config;
      case 'outcome_unknown':
        return EXIT.outcomeUnknown;
      default:
        return EXIT.vendorOrNetwork;
    }
  }
  if (error instanceof UsageError || error instanceof InputError || error instanceof UnsupportedError) return EXIT.usage;
  if (error instanceof PolicyRefusal) return EXIT.policy;
  return EXIT.vendorOrNetwork;
}

const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'timed out',
  ENOTFOUND: 'host not found',
  EADDRINUSE: 'the address is already in use',
  EPIPE: 'the output was closed',
};

function systemErrorCode(error: unknown): string | undefined {
  const code = codeOf(error);
  return code && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/** A readable sentence for a Node system error (ENOENT...), naming the path when there is one. */
export function describeSystemError(error: unknown, what = ''): string {
  const code = systemErrorCode(error);
  const path = error instanceof Object && 'path' in error ? error.path : undefined;
  const meaning = (code && SYSTEM_ERRORS[code]) ?? 'failed';
  const subject = what || (typeof path === 'string' ? path : '');
  return subject ? `${subject}: ${meaning}` : meaning;
}

/** The lines printed on stderr for a failure: "error: ..." and, for vendor errors, what to check with. */
export function errorLines(error: unknown, redact: (text: string) => string = (t) => t): string[] {
  if (error instanceof CallbridgeError) {
    const lines = [`error: ${redact(withSettingHelp(error, SETTING_HELP))}`];
    const meta = [error.code && `code=${error.code}`, error.requestId && `requestId=${error.requestId}`, error.kind === 'outcome_unknown' && 'outcome=unknown']
      .filter(Boolean)
      .join(' ');
    if (meta) lines.push(redact(meta));
    return lines;
  }
  if (error instanceof PolicyRefusal) {
    const [, variable, key] = error.setting ? policySettingNames(error.setting) : [];
    const where = variable ? ` Setting: environment ${variable} or config file "${key}" (shared with callbridge mcp).` : '';
    return [`error: ${redact(error.message)}`, `To change this: ${error.change}${where}`];
  }
  if (error instanceof Error) {
    const text = systemErrorCode(error) ? describeSystemError(error) : error.message;
    return [`error: ${redact(text)}`];
  }
  return [`error: ${redact(String(error))}`];
}
