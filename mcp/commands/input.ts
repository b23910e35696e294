// The JSON input of `callbridge invoke`: --input '<json>', or --input-file <path> ("-": standard input).
import { readFileSync } from 'node:fs';
import { describeSystemError, UsageError } from './exit-codes.js';

/** A file's text, "-" being standard input; an unreadable file is a usage error naming it. */
export function readTextFile(path: string, flag: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag} ${describeSystemError(error, path === '-' ? 'standard input' : path)}`);
  }
}

export function readInput(options: { input?: string; inputFile?: string }): unknown {
  const [text, source] = options.inputFile !== undefined ? [readTextFile(options.inputFile, '--input-file'), `--input-file ${options.inputFile}`] : [options.input ?? '{}', '--input'];
  if (!text.trim()) throw new UsageError(`${source} is empty; give a JSON object, e.g. '{}'`);
  try {
    const input: unknown = JSON.parse(text);
    return input;
  } catch {
    // The parser's message quotes the text, which may hold a secret: not repeated.
    throw new UsageError(`${source} is not valid JSON; give a JSON object, e.g. '{"TaskOpenId":"123"}'`);
  }
}
