// Policy settings as people write them (flags, environment, config files, n8n credential fields): each
// reader turns text into a rule value here, so every front end accepts and refuses the same forms.
// `name` is what the front end calls the setting; errors name it and the rule.
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { CallbridgeError } from '../errors.js';
import type { CallingHours } from './hours.js';

function settingError(name: string, message: string): CallbridgeError {
  return new CallbridgeError({ kind: 'config', field: name, message });
}

/** "09:00-20:00" -> minutes; "off"/"always" -> null. */
export function parseCallingHours(text: string, name = '--calling-hours'): CallingHours | null {
  const t = text.trim();
  if (/^(off|always|any|none)$/i.test(t)) return null;
  const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(t);
  const toMin = (h: string, mm: string) => Number(h) * 60 + Number(mm);
  if (!m || Number(m[1]) > 24 || Number(m[3]) > 24 || Number(m[2]) > 59 || Number(m[4]) > 59) {
    throw settingError(name, `${name} must look like 09:00-20:00 (24-hour, callee's local time) or "off", got "${text}"`);
  }
  const start = toMin(m[1], m[2]);
  const end = toMin(m[3], m[4]);
  if (start > 1440 || end > 1440 || start === end) throw settingError(name, `${name} must be a non-empty window within 00:00-24:00, got "${text}"`);
  return { start, end, text: `${m[1].padStart(2, '0')}:${m[2]}-${m[3].padStart(2, '0')}:${m[4]}` };
}

let canonicalZones: Set<string> | undefined;

export function checkTimezone(zone: string, name = '--timezone'): string {
  // The canonical names first: a date formatter loads ICU's calendar data (8 MB of memory at start-up,
  // before any call needs it). Aliases and other spellings the formatter accepts still pass through it.
  canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonicalZones.has(zone)) return zone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).format(0);
    return zone;
  } catch {
    throw settingError(name, `${name}: unknown time zone "${zone}" (use an IANA name such as Asia/Shanghai)`);
  }
}

export function checkDialPrefix(prefix: string, name = 'pbxDialPrefixes'): string {
  if (!/^\d{1,4}$/.test(prefix)) throw settingError(name, `${name}: "${prefix}" is not a dial prefix (1-4 digits)`);
  return prefix;
}

export function checkRegion(region: string, name = 'pbxRegion'): CountryCode {
  if (!/^[A-Z]{2}$/.test(region) || !isSupportedCountry(region)) throw settingError(name, `${name}: "${region}" is not a two-letter region code such as CN or GB`);
  return region;
}

export function checkPattern(pattern: string, name: string): string {
  if (!/^\+?[\d*?]+$/.test(pattern)) {
    throw settingError(name, `${name}: "${pattern}" is not a number pattern (digits, optional leading +, wildcards * and ?)`);
  }
  return pattern;
}
