// Adding any number of callees to a call task, for every front end: numbers are normalised and
// screened first (malformed, repeated, refused by the front end's number rules), then sent in chunks
// of the provider's per-request limit, several chunks in flight so that answer latency does not cap
// the rate (the client's pacer keeps the vendor's QPS).
import { messageOf } from '../errors.js';
import { isPhoneNumber, normalizeNumber, PHONE_NUMBER_RULE } from '../phone-number.js';
import type { Callee, Invoke, Provider, ProviderSettings } from '../providers/types.js';

/** A number that was not added, and why. */
export interface Rejection {
  number: string;
  reason: string;
}

export interface ScreenedCallees {
  /** Normalised, unique, not refused: the callees to send. */
  valid: Callee[];
  rejections: Rejection[];
}

/**
 * Normalises every number and sets aside the malformed, the repeated and those `refuse` names a
 * reason for (the front end's number rules; absent: none).
 */
export function screenCallees(callees: readonly Callee[], refuse: (number: string) => string | undefined = () => undefined): ScreenedCallees {
  const rejections: Rejection[] = [];
  const seen = new Set<string>();
  const valid: Callee[] = [];
  for (const c of callees) {
    const number = normalizeNumber(c.number);
    if (!isPhoneNumber(number)) rejections.push({ number: c.number, reason: PHONE_NUMBER_RULE });
    else if (seen.has(number)) rejections.push({ number, reason: 'duplicate in this request' });
    else {
      const reason = refuse(number);
      if (reason) rejections.push({ number, reason });
      else valid.push({ ...c, number });
    }
    seen.add(number);
  }
  return { valid, rejections };
}

/**
 * Chunks in flight at once: twice what dyvms' 100 QPS needs at 80 ms answers (8), so a slow answer
 * never leaves a pacing slot unused; the client's pacer, not this number, sets the rate.
 */
export const CHUNKS_IN_FLIGHT = 16;

/** Callees per request when the provider names no limit. */
const DEFAULT_CHUNK_SIZE = 100;

/** The callees split into requests the provider accepts. */
export function calleeChunks(provider: Provider, callees: readonly Callee[]): Callee[][] {
  const size = provider.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const chunks: Callee[][] = [];
  for (let i = 0; i < callees.length; i += size) chunks.push(callees.slice(i, i + size));
  return chunks;
}

export interface AddProgress {
  /** Requests answered so far (0: about to start). */
  requests: number;
  /** Requests in all. */
  chunks: number;
  accepted: number;
  /** Callees to add in all. */
  total: number;
}

export interface AddCalleesRequest {
  provider: Provider;
  invoke: Invoke;
  settings: ProviderSettings;
  taskId: string;
  /** Screened callees (see screenCallees). */
  callees: readonly Callee[];
  /** Stops sending further chunks (the chunks in flight finish). */
  signal?: AbortSignal;
  /** Called before the first request and after each answered one. */
  onProgress?: (progress: AddProgress) => Promise<void> | void;
}

export interface AddCalleesOutcome {
  /** Callees the vendor accepted (0 when the requests were only previewed). */
  accepted: number;
  /** Callees the vendor refused, with its reasons. */
  rejections: Rejection[];
  /** Requests answered. */
  requests: number;
  /** Why some callees were not added (a failed request, or cancellation). */
  incomplete?: string;
  /** The front end only previewed the requests (dry run): nothing was added. */
  previewed: boolean;
}

/**
 * Sends the callees in chunks. A failure stops further chunks; it is thrown when nothing was added,
 * otherwise reported as `incomplete` beside what was added.
 */
export async function addCallees(request: AddCalleesRequest): Promise<AddCalleesOutcome> {
  const { provider, settings, taskId, callees, signal, onProgress } = request;
  let previewed = false;
  const invoke: Invoke = async (operationId, input) => {
    const answer = await request.invoke(operationId, input);
    if (!answer.sent) previewed = true;
    return answer;
  };
  const chunks = calleeChunks(provider, callees);
  const rejections: Rejection[] = [];
  let accepted = 0;
  let requests = 0;
  let next = 0;
  let done = 0;
  let failure: unknown;
  await onProgress?.({ requests: 0, chunks: chunks.length, accepted: 0, total: callees.length });
  const sendChunks = async () => {
    while (failure === undefined && !signal?.aborted && next < chunks.length) {
      const chunk = chunks[next++];
      try {
        const r = await provider.addCallees(invoke, settings, taskId, chunk);
        accepted += r.accepted.length;
        rejections.push(...r.rejected);
        requests++;
        done += chunk.length;
        await onProgress?.({ requests, chunks: chunks.length, accepted, total: callees.length });
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHUNKS_IN_FLIGHT, chunks.length) }, sendChunks));
  let incomplete: string | undefined;
  if (failure !== undefined) {
    if (accepted === 0 && !previewed) throw failure;
    incomplete = `${callees.length - done} callee(s) not added: ${messageOf(failure)}`;
  } else if (done < callees.length) incomplete = 'the request was cancelled';
  return { accepted: previewed ? 0 : accepted, rejections, requests, ...(incomplete ? { incomplete } : {}), previewed };
}
