import { digits } from './rng.js';
import type { Rng } from './types.js';

const HEX = '0123456789ABCDEF';

/** A request ID in the vendors' UUID form, e.g. 8906582E-6722-4F6B-9C1A-0A2B3C4D5E6F. */
export function requestId(rng: Rng): string {
  let out = '';
  for (const len of [8, 4, 4, 4, 12]) {
    if (out) out += '-';
    for (let i = 0; i < len; i++) out += HEX[Math.floor(rng.next() * 16)];
  }
  return out;
}

/** An Alibaba voice CallId: <12 digits>^<11 digits>. */
export function alibabaCallId(rng: Rng): string {
  return `1${digits(rng, 11)}^1${digits(rng, 10)}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'yyyy-MM-dd HH:mm:ss' in Beijing time (UTC+8), the form Alibaba uses in receipts and records. */
export function beijingTime(epochMs: number | undefined, separator = '-'): string {
  if (epochMs === undefined) return '';
  const d = new Date(epochMs + 8 * 3600_000);
  return `${d.getUTCFullYear()}${separator}${pad(d.getUTCMonth() + 1)}${separator}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())}`;
}

/** The Beijing calendar day (yyyy-MM-dd) of an instant. */
export function beijingDay(epochMs: number): string {
  return beijingTime(epochMs).slice(0, 10);
}

/** Parses 'yyyy-MM-dd HH:mm:ss' or 'yyyy.MM.dd HH:mm:ss' (Beijing time) to epoch ms; undefined when malformed. */
export function parseBeijingTime(text: string): number | undefined {
  const m = /^(\d{4})[-./](\d{2})[-./](\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) - 8 * 3600_000;
  return Number.isNaN(ms) ? undefined : ms;
}
