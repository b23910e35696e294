// Helpers shared by the outboundbot, volcengine and pbx simulators: Beijing wall-clock times, seeded ids,
// JSON answers, request headers and query pairs, signed recording URLs.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { recordingWav } from './recordings.js';
import type { CallStatus, PlacedCall, SandboxContext, SandboxRequest, SandboxResponse } from './types.js';

export const TERMINAL: ReadonlySet<CallStatus> = new Set<CallStatus>(['completed', 'no_answer', 'busy', 'power_off', 'failed']);

export function isTerminal(call: PlacedCall | undefined): boolean {
  return !!call && TERMINAL.has(call.status);
}

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** 'yyyy-MM-dd HH:mm:ss' in Beijing time (the vendors' wall-clock zone). */
export function beijingDateTime(epochMs: number): string {
  return new Date(epochMs + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Parses 'yyyy-MM-dd HH:mm:ss' as Beijing time; undefined when malformed. */
export function parseBeijingDateTime(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) - BEIJING_OFFSET_MS;
  return Number.isNaN(ms) ? undefined : ms;
}

/** Beijing wall-clock parts: minutes since midnight, seconds since midnight and weekday (0 = Sunday). */
export function beijingClock(epochMs: number): { minutes: number; seconds: number; weekday: number } {
  const d = new Date(epochMs + BEIJING_OFFSET_MS);
  const seconds = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return { minutes: Math.floor(seconds / 60), seconds, weekday: d.getUTCDay() };
}

/** 'HH:mm' or 'HH:mm:ss' to seconds since midnight. */
export function clockSeconds(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  return +m[1] * 3600 + +m[2] * 60 + (m[3] ? +m[3] : 0);
}

/** A random hex string from the seeded generator. */
export function hex(context: SandboxContext, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(context.rng.next() * 16).toString(16);
  return out;
}

/** A UUID-shaped identifier from the seeded generator. */
export function uuid(context: SandboxContext): string {
  const h = hex(context, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(context.rng.next() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function digits(context: SandboxContext, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(context.rng.next() * 10).toString();
  return out;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'Content-Type': 'application/json;charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

export function header(request: SandboxRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(request.headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** Query pairs (repeated keys kept) from the raw path, falling back to the decoded map. */
export function queryPairs(request: SandboxRequest): Array<[string, string]> {
  const q = request.rawPath.indexOf('?');
  if (q >= 0) return [...new URLSearchParams(request.rawPath.slice(q + 1)).entries()];
  return Object.entries(request.query);
}

// ---- signed download URLs for recordings ----

const URL_SECRET = 'callbridge-sandbox-recordings';

export function signPath(path: string, expires: number): string {
  return createHmac('sha256', URL_SECRET).update(`${path}\n${expires}`).digest('hex').slice(0, 32);
}

export function verifySignedPath(path: string, expires: string | undefined, signature: string | undefined, realNowMs: number): 'ok' | 'expired' | 'bad' {
  if (!expires || !signature || !/^\d+$/.test(expires)) return 'bad';
  const expected = Buffer.from(signPath(path, Number(expires)));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad';
  return Number(expires) * 1000 < realNowMs ? 'expired' : 'ok';
}

export function wavResponse(fileName: string, seconds = 1): SandboxResponse {
  return {
    status: 200,
    headers: { 'Content-Type': 'audio/wav', 'Content-Disposition': `attachment; filename="${fileName}"` },
    body: recordingWav(seconds),
  };
}
