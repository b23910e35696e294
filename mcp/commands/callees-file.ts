// The callee list of `callbridge task add --file`: CSV with a header row. Column "number" is the
// number to call; "ref" (your reference) and "name" are optional; every other column is a script
// variable of that callee.
import { CsvError, parse } from 'csv-parse/sync';
import type { Callee } from '../../core/providers/index.js';
import { UsageError } from './exit-codes.js';
import { readTextFile } from './input.js';

const KNOWN = new Set(['number', 'ref', 'name']);

export function parseCallees(text: string, source: string): Callee[] {
  let rows: Array<Record<string, string>>;
  try {
    rows = parse<Record<string, string>>(text, { columns: (header: string[]) => header.map((h) => h.trim()), bom: true, trim: true, skip_empty_lines: true });
  } catch (error) {
    if (error instanceof CsvError) throw new UsageError(`${source}: not valid CSV: ${error.message}`);
    throw error;
  }
  if (!rows.length) throw new UsageError(`${source} has no callees; give a header row with a "number" column, then one callee per line`);
  const columns = Object.keys(rows[0]);
  if (!columns.includes('number')) {
    throw new UsageError(`${source}: the first line must name the columns, one of them "number" (got: ${columns.join(', ')})`);
  }
  return rows.map((row) => {
    const params = Object.fromEntries(Object.entries(row).filter(([key, value]) => !KNOWN.has(key) && value !== ''));
    return {
      number: row.number,
      ...(row.ref ? { ref: row.ref } : {}),
      ...(row.name ? { name: row.name } : {}),
      ...(Object.keys(params).length ? { params } : {}),
    };
  });
}

/** Reads and parses the file ("-": standard input). */
export function readCallees(path: string): Callee[] {
  return parseCallees(readTextFile(path, '--file'), path === '-' ? 'standard input' : path);
}
