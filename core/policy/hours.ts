// Calling hours in the callee's time zone (Intl, no time-zone tables of our own).

export interface CallingHours {
  /** Minutes after midnight, inclusive. */
  start: number;
  /** Minutes after midnight, exclusive; may be below start (window over midnight). */
  end: number;
  text: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  return f;
}

/** Local wall-clock time of an instant in a zone. */
export function localTime(at: number, zone: string): { minutes: number; text: string } {
  const parts = formatter(zone).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const hour = Number(get('hour')) % 24;
  const minute = Number(get('minute'));
  return { minutes: hour * 60 + minute, text: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

export function withinHours(hours: CallingHours, minutes: number): boolean {
  return hours.start < hours.end ? minutes >= hours.start && minutes < hours.end : minutes >= hours.start || minutes < hours.end;
}

const MINUTE_MS = 60_000;

/**
 * The first instant in [from, to] outside the calling hours in a zone, or undefined when the whole span
 * lies inside them. Walks minute boundaries where the local time could leave the window.
 */
export function firstOutside(hours: CallingHours, zone: string, from: number, to: number): number | undefined {
  if (!withinHours(hours, localTime(from, zone).minutes)) return from;
  // Leaving the window happens at its end; step to each local "end" boundary after `from`.
  let at = from;
  while (at <= to) {
    const { minutes } = localTime(at, zone);
    const untilEnd = (hours.end - minutes + 1440) % 1440 || 1440;
    const next = at - (at % MINUTE_MS) + untilEnd * MINUTE_MS;
    if (next > to) return undefined;
    if (!withinHours(hours, localTime(next, zone).minutes)) return next;
    at = next + MINUTE_MS;
  }
  return undefined;
}

/** Whether a daily range written in one zone stays inside the calling hours of another, on the day of `on`. */
export function dailyRangeInside(hours: CallingHours, zone: string, range: { start: number; end: number; zone: string }, on: number): boolean {
  // The range's local start on that day, as an instant.
  const here = localTime(on, range.zone).minutes;
  const dayStart = on - here * MINUTE_MS - (on % MINUTE_MS);
  const from = dayStart + range.start * MINUTE_MS;
  const length = ((range.end - range.start + 1440) % 1440 || 1440) * MINUTE_MS;
  return firstOutside(hours, zone, from, from + length - MINUTE_MS) === undefined;
}
