// The values the MCP server's and the CLI's settings take, read from the text of a flag, an environment
// variable or a config file, each checked with an error that names the setting and the rule.
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { CallbridgeError } from '../../core/errors.js';
import type { CallingHours } from '../../core/policy/hours.js';

export const TOOLSET_NAMES = ['calls', 'tasks', 'catalog'] as const;
export type ToolsetName = (typeof TOOLSET_NAMES)[number];

export function configError(field: string, message: string): CallbridgeError {
  return new CallbridgeError({ kind: 'config', field, message });
}

/** "a, b,,c" -> ["a", "b", "c"] */
export function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function bool(name: string, value: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw configError(name, `${name} must be true or false, got "${value}"`);
}

/** A limit: a whole number, or "unlimited" (no limit). */
export function cap(name: string, value: string | number): number {
  if (value === 'unlimited' || value === 'off') return Number.POSITIVE_INFINITY;
  const n = typeof value === 'number' ? value : /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 0) throw configError(name, `${name} must be a whole number or "unlimited", got "${value}"`);
  return n;
}

export function intSetting(name: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw configError(name, `${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

/** "09:00-20:00" -> minutes; "off"/"always" -> null. */
export function parseCallingHours(text: string, name = '--calling-hours'): CallingHours | null {
  const t = text.trim();
  if (/^(off|always|any|none)$/i.test(t)) return null;
  const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(t);
  const toMin = (h: string, mm: string) => Number(h) * 60 + Number(mm);
  if (!m || Number(m[1]) > 24 || Number(m[3]) > 24 || Number(m[2]) > 59 || Number(m[4]) > 59) {
    throw configError(name, `${name} must look like 09:00-20:00 (24-hour, callee's local time) or "off", got "${text}"`);
  }
  const start = toMin(m[1], m[2]);
  const end = toMin(m[3], m[4]);
  if (start > 1440 || end > 1440 || start === end) throw configError(name, `${name} must be a non-empty window within 00:00-24:00, got "${text}"`);
  return { start, end, text: `${m[1].padStart(2, '0')}:${m[2]}-${m[3].padStart(2, '0')}:${m[4]}` };
}

export function checkTimezone(zone: string, name = '--timezone'): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).format(0);
    return zone;
  } catch {
    throw configError(name, `${name}: unknown time zone "${zone}" (use an IANA name such as Asia/Shanghai)`);
  }
}

/** Toolset names, or "all". */
export function checkToolsets(values: string[], name: string): ToolsetName[] {
  if (values.length === 1 && values[0] === 'all') return [...TOOLSET_NAMES];
  if (!values.length) throw configError(name, `${name}: list at least one toolset (${TOOLSET_NAMES.join(', ')})`);
  return values.map((v) => {
    const toolset = TOOLSET_NAMES.find((t) => t === v);
    if (!toolset) throw configError(name, `${name}: unknown toolset "${v}"; choose from ${TOOLSET_NAMES.join(', ')} (or "all")`);
    return toolset;
  });
}

export function checkDialPrefix(prefix: string): string {
  if (!/^\d{1,4}$/.test(prefix)) throw configError('pbxDialPrefixes', `pbxDialPrefixes: "${prefix}" is not a dial prefix (1-4 digits)`);
  return prefix;
}

export function checkRegion(region: string): CountryCode {
  if (!/^[A-Z]{2}$/.test(region) || !isSupportedCountry(region)) throw configError('pbxRegion', `pbxRegion: "${region}" is not a two-letter region code such as CN or GB`);
  return region;
}

export function checkPattern(pattern: string, name: string): string {
  if (!/^\+?[\d*?]+$/.test(pattern)) {
    throw configError(name, `${name}: "${pattern}" is not a number pattern (digits, optional leading +, wildcards * and ?)`);
  }
  return pattern;
}
