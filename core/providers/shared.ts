// Small helpers the provider files share: the errors of the vendor-neutral actions and the vendors'
// wall clock (Beijing time). Vendor answers are read with core/vendors/read.ts. Pure: no I/O, no clock.
import type { Rec } from '../vendors/read.js';
import type { Answer, PlaceCallArgs, PlaceContent, ProviderName, ProviderSettings, TaskAction } from './types.js';

export function dropUndefined<T extends Rec>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Bad arguments to a vendor-neutral action, found before anything was sent. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** The action is not available for this provider: says why and what to use instead. */
export class UnsupportedError extends Error {
  override readonly name = 'UnsupportedError';
}

export function unsupported(provider: ProviderName, what: string, instead: string): never {
  throw new UnsupportedError(`${what} is not available for ${provider}: ${instead}`);
}

/** "yyyy-MM-dd HH:mm:ss" in Beijing time (the vendors' wall clock). */
export function beijingTime(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const g = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${g('year')}-${g('month')}-${g('day')} ${g('hour')}:${g('minute')}:${g('second')}`;
}

/** An ISO date/time or "yyyy-MM-dd" (Beijing) -> epoch ms. */
export function parseDate(value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  const t = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T12:00:00+08:00`) : Date.parse(value);
  if (Number.isNaN(t)) throw new InputError(`call_date: "${value}" is not a date (use yyyy-MM-dd or an ISO 8601 time)`);
  return t;
}

/** Accepts "yyyy-MM-dd HH:mm:ss" (Beijing) or ISO 8601 and returns the vendor form. */
export function vendorTime(value: string): string {
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return value;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new InputError(`schedule_time: "${value}" is not a time (use ISO 8601, e.g. 2026-05-18T09:00:00+08:00)`);
  return beijingTime(t);
}

/** The one content a call plays (exactly one of tts_template, voice_file, ivr, prompt). */
export function placeContent(a: PlaceCallArgs): PlaceContent {
  const contents = (['tts_template', 'voice_file', 'ivr', 'prompt'] as const).filter((k) => a[k] !== undefined);
  if (contents.length !== 1) throw new InputError(`give exactly one content: tts_template, voice_file, ivr or prompt (got ${contents.length ? contents.join(', ') : 'none'})`);
  const content = contents[0];
  if (a.tts_params && content !== 'tts_template') throw new InputError('tts_params goes with tts_template only');
  return content;
}

export function checkSchedule(action: TaskAction, scheduleTime: string | undefined): void {
  if (scheduleTime && action !== 'start') throw new InputError('schedule_time applies to action "start" only');
}

/** " with <how to set it>" when the front end says how a default is set, else "". */
export function withHint(settings: ProviderSettings, name: 'outboundbotInstanceId' | 'volcengineNumberPool'): string {
  const hint = settings.settingHint?.(name);
  return hint ? ` with ${hint}` : '';
}

/** The vendor's answer, or undefined when the request was only previewed. */
export const output = (answer: Answer): unknown => (answer.sent ? answer.output : undefined);
