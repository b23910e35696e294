// Calling hours in the callee's time zone (Intl, no time-zone tables of our own).
import type { CallingHours } from './config.js';
import { matchingPattern } from './numbers.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  return f;
}

/** Local wall-clock time of an instant in a zone. */
export function localTime(at: number, zone: string): { minutes: number; text: string; weekday: string } {
  const parts = formatter(zone).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const hour = Number(get('hour')) % 24;
  const minute = Number(get('minute'));
  return { minutes: hour * 60 + minute, text: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, weekday: get('weekday') };
}

export function withinHours(hours: CallingHours, minutes: number): boolean {
  return hours.start < hours.end ? minutes >= hours.start && minutes < hours.end : minutes >= hours.start || minutes < hours.end;
}

/** The callee's time zone: the first numberTimezones pattern that matches, else the default zone. */
export function zoneOf(number: string | undefined, defaultZone: string, numberTimezones: ReadonlyArray<{ pattern: string; timezone: string }>): string {
  if (!number) return defaultZone;
  const hit = numberTimezones.find((z) => matchingPattern([z.pattern], number));
  return hit?.timezone ?? defaultZone;
}

/** "yyyy-MM-dd HH:mm:ss" (or yyyy.MM.dd) vendor wall-clock time in a fixed offset -> epoch ms. */
export function parseVendorTime(text: unknown, utcOffset = '+08:00'): number | undefined {
  if (typeof text === 'number' && text > 1e11) return text;
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})[-.](\d{2})[-.](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${utcOffset}`);
  return Number.isNaN(ms) ? undefined : ms;
}
