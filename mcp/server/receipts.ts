// POST /receipts/<vendor> on `callbridge mcp --http`: call receipts the vendors push (Alibaba VMS HTTP
// batch push, Volcengine call records, PBX event reports). A receipt that says a call ended wakes every
// wait_for_call_result on that call and every MCP task following it (mcp/server/tasks.ts), in every
// replica sharing the store's events; each then asks the vendor, which stays the source of the result. A receipt therefore ends nothing by itself: a forged
// one costs one extra query and frees no concurrency slot, which is why the route needs no bearer token.
import type { ServerResponse } from 'node:http';
import type { CallResult } from '../../core/call-result.js';
import { callResultsFromReceipt, VENDOR_NAMES, VENDORS, type VendorName } from '../../core/vendors/index.js';
import type { ServerDeps } from './context.js';

export const RECEIPT_PATH = '/receipts/';

const isVendor = (name: string): name is VendorName => (VENDOR_NAMES as readonly string[]).includes(name);

/** Answers one receipt push; `body` is the raw request body. */
export async function answerReceipt(res: ServerResponse, deps: ServerDeps, vendorName: string, body: string): Promise<void> {
  const send = (status: number, answer: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  };
  if (!isVendor(vendorName)) return send(404, { error: `no receipts for "${vendorName}"; use ${VENDOR_NAMES.map((v) => `${RECEIPT_PATH}${v}`).join(', ')}` });
  let results: CallResult[];
  try {
    results = callResultsFromReceipt(vendorName, body);
  } catch (error) {
    return send(400, { error: `not a ${vendorName} receipt: ${error instanceof Error ? error.message : String(error)}` });
  }
  const adapter = VENDORS[vendorName];
  for (const result of results) {
    if (!result.final || !result.callId) continue;
    for (const product of adapter.products) await deps.pipeline.wakeWaiters(product, result.callId);
  }
  send(adapter.receiptAnswer.status, adapter.receiptAnswer.body);
}
