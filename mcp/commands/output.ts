// How results are printed: for a person on a terminal (tables, short summaries), or as JSON when
// the output is piped or --json is given. Progress and notices go to stderr, never here.

export type Format = 'human' | 'json';

/** JSON when asked for, or when stdout is not a terminal (a pipe, a file, another program). */
export function outputFormat(options: { json?: boolean }, stdout: { isTTY?: boolean } = process.stdout): Format {
  return options.json || !stdout.isTTY ? 'json' : 'human';
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(lines: readonly string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Left-aligned columns under a header; the last column is not padded. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const all = [headers, ...rows];
  const widths = headers.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  return all.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd());
}

/** "label: value" lines for the values that are set, labels aligned. */
export function summary(pairs: ReadonlyArray<readonly [string, string | number | undefined]>): string[] {
  const shown = pairs.filter((p): p is readonly [string, string | number] => p[1] !== undefined && p[1] !== '');
  const width = Math.max(...shown.map(([label]) => label.length));
  return shown.map(([label, value]) => `${`${label}:`.padEnd(width + 1)} ${value}`);
}
