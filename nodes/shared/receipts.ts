// Call receipts pushed by the vendors (Alibaba VMS HTTP batch push, Volcengine call-record and recording
// pushes, PBX event reports): parsing into one event per message with core's vendor-neutral result,
// the answer each vendor expects, repeated-delivery detection and the optional URL secret.
import { createHash, timingSafeEqual } from 'crypto';
import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import type { CallResult } from '../../core/call-result.js';
import { VENDORS, type VendorName } from '../../core/vendors/index.js';

export type ReceiptVendor = VendorName;

export interface ReceiptEvent {
  /** VoiceReport, VoiceCallReport, VoiceRecordReport; CallRecord, Audio; the PBX event name. */
  eventType: string;
  result: CallResult;
  raw: unknown;
  /** Identifies the delivery: a repeated push of the same message has the same key. */
  key: string;
}

export class ReceiptError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Stable JSON (sorted keys) so the same message always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRec(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function deliveryKey(vendor: ReceiptVendor, message: unknown): string {
  return `${vendor}:${createHash('sha256').update(canonical(message), 'utf8').digest('hex').slice(0, 32)}`;
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  const text = body.trim();
  if (!text) throw new ReceiptError(400, 'empty body');
  let parsed: unknown = undefined;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    // reported below
  }
  if (parsed === undefined) throw new ReceiptError(400, 'the body is not JSON');
  return parsed;
}

export interface ParseOptions {
  /** PBX clock's UTC offset, e.g. "+08:00" (PBX times carry none). */
  utcOffset?: string;
}

/** One event per message of the push. Throws ReceiptError(400) for a body that is not a receipt. */
export function parseReceipt(vendor: ReceiptVendor, body: unknown, options: ParseOptions = {}): ReceiptEvent[] {
  const parsed = parseBody(body);
  const messages = (Array.isArray(parsed) ? parsed : [parsed]).filter(isRec);
  if (!messages.length) throw new ReceiptError(400, vendor === 'alibaba' ? 'expected a JSON array of receipt messages' : 'expected a JSON object');
  // The UTC offset option is the PBX's (Alibaba and Volcengine times are Beijing time).
  const mapOptions = vendor === 'pbx' && options.utcOffset ? { utcOffset: options.utcOffset } : {};
  return messages.map((message) => {
    const { eventType, result } = VENDORS[vendor].receipt(message, mapOptions);
    return { eventType, result, raw: message, key: deliveryKey(vendor, message) };
  });
}

/** Progress, "call ended" and recording messages are not the call's result record. */
const NOT_RESULTS = new Set(['VoiceCallReport', 'VoiceRecordReport', 'Audio']);

/** A call's final outcome: Alibaba VoiceReport, Volcengine call record, PBX NewCdr or a failure. */
export function isFinalResult(event: ReceiptEvent): boolean {
  return !NOT_RESULTS.has(event.eventType) && event.result.final && event.result.status !== 'unknown';
}

/** What each vendor expects back for a received push. */
export function receiptAnswer(vendor: ReceiptVendor): { status: number; body: IDataObject } {
  return { status: VENDORS[vendor].receiptAnswer.status, body: { ...VENDORS[vendor].receiptAnswer.body } as IDataObject };
}

export interface DedupeStore {
  recent?: string[];
}

/** Marks which keys were not seen before and remembers them, keeping the latest `max`. */
export function rememberNew(store: DedupeStore, keys: string[], max: number): boolean[] {
  const recent = Array.isArray(store.recent) ? store.recent.filter((k) => typeof k === 'string') : [];
  const seen = new Set(recent);
  const fresh = keys.map((key) => {
    if (seen.has(key)) return false;
    seen.add(key);
    recent.push(key);
    return true;
  });
  store.recent = recent.slice(Math.max(0, recent.length - Math.max(1, max)));
  return fresh;
}

export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(given, 'utf8').digest();
  return timingSafeEqual(a, b) && expected === given;
}

/** Volcengine callback authentication: authCode = hex(SHA256(timestamp + hex(SHA256(body)) + AuthToken)). */
export function volcengineAuthCode(timestamp: string, rawBody: string, authToken: string): string {
  const bodyHash = createHash('sha256').update(rawBody, 'utf8').digest('hex');
  return createHash('sha256').update(`${timestamp}${bodyHash}${authToken}`, 'utf8').digest('hex');
}

/** The vendor-neutral item of an event: the result's fields, the event type and the raw message. */
export function eventJson(vendor: ReceiptVendor, event: ReceiptEvent): IDataObject {
  const result: Partial<CallResult> = { ...event.result };
  delete result.raw;
  return { vendor, eventType: event.eventType, ...(result as unknown as IDataObject), raw: event.raw as IDataObject };
}

function respond(ctx: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
  const res = ctx.getResponseObject();
  res.status(status).json(body);
  return { noWebhookResponse: true };
}

/** The Call Receipt Trigger's webhook(). */
export async function receiveReceipt(this: IWebhookFunctions): Promise<IWebhookResponseData> {
  const vendor = this.getNodeParameter('vendor') as ReceiptVendor;
  const secret = String(this.getNodeParameter('secretToken', '') ?? '');
  const tokenIn = String(this.getNodeParameter('tokenLocation', 'query') ?? 'query');
  const options = (this.getNodeParameter('options', {}) ?? {}) as IDataObject;
  const req = this.getRequestObject();
  const query = this.getQueryData() as IDataObject;

  // The path form is part of the registered webhook path itself; only the query form is checked here.
  if (secret && tokenIn === 'query' && !tokenMatches(secret, query.token)) return respond(this, 401, { error: 'missing or wrong token' });

  const rawBody = (req as unknown as { rawBody?: unknown }).rawBody;
  const rawText = rawBody instanceof Uint8Array ? new TextDecoder().decode(rawBody) : typeof rawBody === 'string' ? rawBody : undefined;
  const authToken = typeof options.volcengineAuthToken === 'string' ? options.volcengineAuthToken : '';
  if (vendor === 'volcengine' && authToken) {
    const text = rawText ?? JSON.stringify(this.getBodyData());
    const expected = volcengineAuthCode(String(query.timestamp ?? ''), text, authToken);
    if (!tokenMatches(expected, query.authCode)) return respond(this, 401, { error: 'authCode does not match' });
  }

  let events: ReceiptEvent[];
  try {
    const body: unknown = req.body !== undefined ? req.body : rawText;
    events = parseReceipt(vendor, body, { utcOffset: typeof options.pbxUtcOffset === 'string' && options.pbxUtcOffset ? options.pbxUtcOffset : undefined });
  } catch (error) {
    const status = error instanceof ReceiptError ? error.status : 400;
    return respond(this, status, { error: error instanceof Error ? error.message : 'bad receipt' });
  }

  let fresh = events.map(() => true);
  if (options.dropRepeated !== false) {
    const store = this.getWorkflowStaticData('node') as DedupeStore;
    fresh = rememberNew(store, events.map((e) => e.key), Number(options.rememberLast ?? 1000) || 1000);
  }
  // Final results only unless turned off: most workflows act on a call's outcome, not its progress.
  const finalOnly = options.finalOnly !== false;
  const items: INodeExecutionData[] = events
    .filter((event, i) => fresh[i] && (!finalOnly || isFinalResult(event)))
    .map((event) => ({ json: eventJson(vendor, event) }));
  const answer = receiptAnswer(vendor);
  const res = this.getResponseObject();
  res.status(answer.status).json(answer.body);
  return items.length ? { noWebhookResponse: true, workflowData: [items] } : { noWebhookResponse: true };
}
