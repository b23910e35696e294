// Call receipts pushed by the vendors (Alibaba VMS HTTP batch push, Volcengine call-record and recording
// pushes, PBX event reports): parsing into one event per message with core's vendor-neutral result,
// the answer each vendor expects, repeated-delivery detection and the optional URL secret.
import { createHash } from 'crypto';
import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import type { CallResult } from '../../core/call-result.js';
import { VENDORS, type VendorName } from '../../core/vendors/index.js';
import { authenticateReceipt, rememberNew, type SeenReceipts } from './receipt-auth.js';
import { n8nRuntime } from './runtime.js';
import { isRecord } from '../../core/vendors/read.js';

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

/** Stable JSON (sorted keys) so the same message always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
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
  const messages = (Array.isArray(parsed) ? parsed : [parsed]).filter(isRecord);
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

const HOUR_MS = 3600_000;

/** The Call Receipt Trigger's webhook(). */
export async function receiveReceipt(this: IWebhookFunctions): Promise<IWebhookResponseData> {
  const vendor = this.getNodeParameter('vendor') as ReceiptVendor;
  const options = (this.getNodeParameter('options', {}) ?? {}) as IDataObject;
  const req = this.getRequestObject();
  const query = this.getQueryData() as IDataObject;

  const rawBody = (req as unknown as { rawBody?: unknown }).rawBody;
  const rawText = rawBody instanceof Uint8Array ? new TextDecoder().decode(rawBody) : typeof rawBody === 'string' ? rawBody : undefined;
  const verdict = authenticateReceipt(
    {
      vendor,
      authentication: this.getNodeParameter('authentication', 'token') === 'none' ? 'none' : 'token',
      secretToken: String(this.getNodeParameter('secretToken', '') ?? ''),
      tokenLocation: (['path', 'header'] as const).find((l) => l === this.getNodeParameter('tokenLocation', 'query')) ?? 'query',
      volcengineAuthToken: typeof options.volcengineAuthToken === 'string' ? options.volcengineAuthToken : '',
    },
    { query, headers: this.getHeaderData(), rawBody: rawText ?? JSON.stringify(this.getBodyData()), now: n8nRuntime.now() },
  );
  if (!verdict.ok) return respond(this, verdict.status, { error: verdict.error });

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
    const store = this.getWorkflowStaticData('node') as SeenReceipts;
    const hours = Math.max(24, Number(options.rememberHours ?? 24) || 24);
    fresh = rememberNew(store, events.map((e) => e.key), n8nRuntime.now(), hours * HOUR_MS);
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
