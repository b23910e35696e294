// Parsers for flag values: each refuses a bad value with a message naming the flag and the rule
// (commander reports it and the CLI exits 2, usage).
import { InvalidArgumentError } from 'commander';

export function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || n < min || n > max) throw new InvalidArgumentError(`It must be a whole number from ${min} to ${max}.`);
    return n;
  };
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('It must be a number greater than 0.');
  return n;
}

export function httpUrl(value: string): string {
  if (!/^https?:\/\/\S+$/.test(value)) throw new InvalidArgumentError('It must be an http(s) URL.');
  return value;
}

/** A seed: digits become a number, anything else is used as text. */
export function seed(value: string): string | number {
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** `key=value` pairs given one per flag (repeatable), collected into an object. */
export function keyValue(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError('It must look like key=value.');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}
