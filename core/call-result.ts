// The vendor-neutral call result: one shape for "what happened to this call" on every back end. Each vendor
// adapter maps its query answers and receipt events to it (core/vendors/<vendor>/call-result.ts).
// Pure functions: no I/O, no clock. Status codes: docs/research/*.md.
import { z } from 'zod';
import { PRODUCTS, type Product } from './operation.js';

export const CALL_STATUSES = ['queued', 'ringing', 'answered', 'completed', 'no_answer', 'busy', 'failed', 'unknown'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** Statuses after which nothing more will happen to the call. */
export const FINAL_STATUSES: ReadonlySet<CallStatus> = new Set(['completed', 'no_answer', 'busy', 'failed']);

export type HangupSide = 'callee' | 'caller';

export interface CallResult {
  provider: Product;
  /** The vendor's call ID (or the ID callbridge returned when the call was placed). */
  callId?: string;
  status: CallStatus;
  /** True when the result will not change any more (a final status, or a vendor that no longer knows the call). */
  final: boolean;
  /** The vendor's own status code or text, e.g. "200003", "NoAnswer", "ANSWERED". */
  vendorStatus?: string;
  /** Plain-English detail of the status, e.g. "powered off". */
  reason?: string;
  callee?: string;
  caller?: string;
  /** Your correlation ID (OutId / Ext / referenceId) when the vendor echoes it. */
  outId?: string;
  /** When the call was started (dialled), ISO 8601. */
  startTime?: string;
  /** When the callee answered, ISO 8601. */
  answerTime?: string;
  /** When the call ended, ISO 8601. */
  endTime?: string;
  /** Talk time in seconds (0 when not answered). */
  durationSeconds?: number;
  /** Who hung up: the callee, or the calling side (robot, platform, extension). */
  hangupSide?: HangupSide;
  /** Keys the callee pressed. */
  dtmf?: string;
  /** Recording URL or file name when the record carries one. */
  recording?: string;
  /** The vendor record this result was mapped from. */
  raw: unknown;
}

export const callResultSchema = z.object({
  provider: z.enum(PRODUCTS),
  callId: z.string().optional(),
  status: z.enum(CALL_STATUSES),
  final: z.boolean().describe('true when the result will not change any more'),
  vendorStatus: z.string().optional(),
  reason: z.string().optional(),
  callee: z.string().optional(),
  caller: z.string().optional(),
  outId: z.string().optional(),
  startTime: z.string().optional(),
  answerTime: z.string().optional(),
  endTime: z.string().optional(),
  durationSeconds: z.number().optional(),
  hangupSide: z.enum(['callee', 'caller']).optional(),
  dtmf: z.string().optional(),
  recording: z.string().optional(),
  raw: z.unknown(),
});

export interface MapOptions {
  /**
   * UTC offset of vendor wall-clock times ("yyyy-MM-dd HH:mm:ss"). Alibaba and Volcengine use Beijing
   * time (+08:00, the default). For a PBX pass its own offset; with `null` local times are returned
   * without an offset.
   */
  utcOffset?: string | null;
}

const WALL_CLOCK = /^(\d{4})[-.](\d{2})[-.](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/;

/** Converts vendor times (wall-clock strings, epoch ms or s) to ISO 8601. Unparseable values are returned as is. */
export function toIsoTime(value: unknown, utcOffset: string | null = '+08:00'): string | undefined {
  if (value === undefined || value === null || value === '' || value === 0 || value === '0') return undefined;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{10,13}$/.test(value.trim()))) {
    const n = Number(value);
    const ms = n < 1e11 ? n * 1000 : n;
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
  }
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  const m = WALL_CLOCK.exec(trimmed);
  if (!m) return trimmed;
  const local = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}`;
  return utcOffset === null ? local : `${local}${utcOffset}`;
}

/** The result with `final` defaulted from the status and undefined fields dropped. */
export function finish(result: Omit<CallResult, 'final'> & { final?: boolean }): CallResult {
  const out: CallResult = { ...result, final: result.final ?? FINAL_STATUSES.has(result.status) };
  // Drop undefined keys so results serialise compactly and compare cleanly.
  for (const key of Object.keys(out) as Array<keyof CallResult>) if (out[key] === undefined && key !== 'raw') delete out[key];
  return out;
}

/** A vendor status code's meaning. */
export interface CodeMeaning {
  status: CallStatus;
  reason: string;
}
