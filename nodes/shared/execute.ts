// The one execute() of every product node: parameters -> operation input -> core client (validate, pace,
// send through the credential, retry by access class) -> items. Optional follow-ups: all pages, waiting
// for a placed call's result, downloading a returned file.
import type { IBinaryData, ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { CallResult } from '../../core/call-result.js';
import { CallbridgeClient, type ClientConfig } from '../../core/client.js';
import { CallbridgeError, redact, withSettingHelp, type Setting } from '../../core/errors.js';
import { getPath, listEntries, type AnyOperation, type Product } from '../../core/operation.js';
import type { Pipeline } from '../../core/pipeline.js';
import { PolicyRefusal } from '../../core/policy/refusal.js';
import { CALL_TRACKERS, callResult, trackedCalls, type ProviderSettings } from '../../core/providers/index.js';
import { catalog } from '../../core/registry.js';
import { waitForCallResult } from '../../core/wait.js';
import { CoordinatedPacer } from './coordinated-pacer.js';
import { alibabaAuth, alibabaEndpoints, pbxApiVersion, pbxConfig, pbxTlsOptions, volcengineConfig } from './auth.js';
import { CAMPAIGN_PRODUCTS, CAMPAIGN_RESOURCE, runCampaign } from './campaign.js';
import { CREDENTIAL } from './constants.js';
import { findOperation, operationEntries } from './description.js';
import { fieldValue, FieldValueError } from './field-values.js';
import { AttemptLedger, attemptKey, RepeatedAttemptError, sentWhat, withDerivedReference } from './idempotency.js';
import { nodePipeline, policyInvoke, runSent } from './policy.js';
import { policyFieldOf } from './policy-properties.js';
import { n8nRuntime } from './runtime.js';
import { N8nTransport } from './transport.js';
import { errorInN8nWords } from './wording.js';

/** How n8n users set each setting core errors name. */
const SETTING_HELP: Readonly<Record<Setting, string>> = {
  alibabaCredentials: 'Check the AccessKey ID and AccessKey Secret of the Alibaba Cloud API credential.',
  volcengineCredentials: 'Check the Access Key ID and Secret Access Key of the Volcengine API credential.',
  pbxCredentials: 'Check the Base URL, Username and Password of the PBX API credential.',
};

export function credentialTypeOf(product: Product): string {
  return product === 'dyvms' || product === 'outboundbot' ? CREDENTIAL.alibaba : product === 'volcengine' ? CREDENTIAL.volcengine : CREDENTIAL.pbx;
}

export interface ProductClient {
  client: CallbridgeClient;
  /** core's pipeline with the credential's call policy: every operation of the node runs through it. */
  pipeline: Pipeline;
  /** Every secret to mask in messages: what the client knows (the vendor adapter's) and the PBX token n8n keeps. */
  secrets(): string[];
  /** What following a placed call needs (core/providers). */
  settings: ProviderSettings;
}

/**
 * A core client for the node's credential: Alibaba and Volcengine requests are signed by the credential type
 * (httpRequestWithAuthentication); PBX requests carry the token of core's PBX session (one login per execution).
 */
export function productClient(ctx: IExecuteFunctions | ILoadOptionsFunctions, product: Product, credentials: ICredentialDataDecryptedObject): ProductClient {
  const credentialType = credentialTypeOf(product);
  const runtime = n8nRuntime;
  let config: ClientConfig;
  if (product === 'dyvms' || product === 'outboundbot') {
    const alibaba = { ...alibabaAuth(credentials), endpoints: alibabaEndpoints(credentials) };
    const coordinator = typeof credentials.coordinatorUrl === 'string' ? credentials.coordinatorUrl.trim() : '';
    const pacer = coordinator
      ? new CoordinatedPacer(ctx, { url: coordinator, token: typeof credentials.coordinatorToken === 'string' ? credentials.coordinatorToken : undefined, scope: `alibaba:${alibaba.accessKeyId}` })
      : undefined;
    config = { transport: new N8nTransport(ctx, { credentialType }), runtime, alibaba, pacer };
  } else if (product === 'volcengine') {
    config = { transport: new N8nTransport(ctx, { credentialType }), runtime, volcengine: volcengineConfig(credentials) };
  } else {
    config = { transport: new N8nTransport(ctx, { extraOptions: pbxTlsOptions(credentials) }), runtime, pbx: pbxConfig(credentials) };
  }
  const client = new CallbridgeClient(config, catalog);
  const version = product === 'pbx' ? pbxApiVersion(credentials) : undefined;
  const n8nToken = [credentials.token, credentials.coordinatorToken].filter((v): v is string => typeof v === 'string' && v.length > 0);
  return {
    client,
    pipeline: nodePipeline(ctx, credentialType, credentials, product, client, version),
    secrets: () => [...client.secrets(), ...n8nToken],
    settings: { now: runtime.now, nonce: runtime.nonce, pbxApiVersion: version },
  };
}

function parameter(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback?: unknown): unknown {
  return ctx.getNodeParameter(name, itemIndex, fallback as never) as unknown;
}

/** The operation's input from the node's parameters (required fields at the top, the rest under Additional Fields). */
export function operationInput(ctx: IExecuteFunctions, product: Product, op: AnyOperation, itemIndex: number): Record<string, unknown> {
  const entry = operationEntries(product).find((e) => e.op.id === op.id);
  const input: Record<string, unknown> = {};
  const additional = (parameter(ctx, 'additionalFields', itemIndex, {}) ?? {}) as IDataObject;
  for (const field of entry?.fields ?? []) {
    const raw = field.required ? parameter(ctx, field.name, itemIndex, undefined) : additional[field.name];
    const value = fieldValue(field, raw);
    if (value !== undefined) input[field.key] = value;
  }
  return input;
}

function asItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

function toJson(value: unknown): IDataObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : { value: value as IDataObject[keyof IDataObject] };
}

async function allPages(pipeline: Pipeline, op: AnyOperation, input: Record<string, unknown>, limit: number): Promise<unknown[]> {
  const pagination = op.pagination;
  if (!pagination) return [await runSent(pipeline, op.id, input)];
  const size = Math.max(1, Math.min(pagination.maxPageSize, limit));
  const out: unknown[] = [];
  for (let page = 1; page <= 100_000; page++) {
    const answer = await runSent(pipeline, op.id, { ...input, [pagination.pageParam]: page, [pagination.sizeParam]: size });
    const items = asItems(getPath(answer, pagination.itemsPath));
    out.push(...items);
    const total = pagination.totalPath ? Number(getPath(answer, pagination.totalPath)) : NaN;
    if (items.length < size || out.length >= limit || (Number.isFinite(total) && out.length >= total)) break;
  }
  return out.slice(0, limit);
}

function withoutRaw(result: CallResult | undefined): IDataObject | undefined {
  if (!result) return undefined;
  const rest: Partial<CallResult> = { ...result };
  delete rest.raw;
  return rest as unknown as IDataObject;
}

async function waitForResults(
  ctx: IExecuteFunctions,
  pc: ProductClient,
  op: AnyOperation,
  input: Record<string, unknown>,
  output: unknown,
  placedAt: number,
  itemIndex: number,
  stop: AbortSignal,
): Promise<IDataObject[]> {
  const timeoutMs = Math.max(0, Number(parameter(ctx, 'waitTimeout', itemIndex, 300)) * 1000);
  const intervalMs = Math.max(1, Number(parameter(ctx, 'pollInterval', itemIndex, 5))) * 1000;
  const calls = trackedCalls(op.id, input, output, placedAt);
  if (!calls.length) return [{ ...toJson(output), wait: { final: false, reason: 'the answer names no call to follow' } }];
  const invoke = policyInvoke(pc.pipeline);
  const cancel = typeof ctx.getExecutionCancelSignal === 'function' ? ctx.getExecutionCancelSignal() : undefined;
  const signal = { get aborted() { return stop.aborted || cancel?.aborted === true; } };
  return Promise.all(calls.map(async (call): Promise<IDataObject> => {
    const outcome = await waitForCallResult(() => callResult(invoke, pc.settings, op.product, call), {
      runtime: n8nRuntime,
      timeoutMs,
      intervalMs,
      maxIntervalMs: Math.max(intervalMs, 30_000),
      signal,
    });
    if (outcome.result?.final) await pc.pipeline.callEnded(op.product, call.callId);
    return {
      ...toJson(output),
      callId: call.callId,
      result: withoutRaw(outcome.result) ?? { status: 'unknown', final: false },
      raw: (outcome.result?.raw ?? null) as IDataObject,
      wait: { final: outcome.final, timedOut: outcome.timedOut, aborted: outcome.aborted, attempts: outcome.attempts, elapsedSeconds: Math.round(outcome.elapsedMs / 100) / 10 },
    };
  }));
}

/** Fetches a signed link returned by the vendor (no credential: the link itself grants access). */
async function downloadFile(ctx: IExecuteFunctions, url: string, fileName: string | undefined): Promise<IBinaryData> {
  const response = (await ctx.helpers.httpRequest({ method: 'GET', url, encoding: 'arraybuffer', returnFullResponse: true, json: false })) as {
    body: ArrayBuffer | Uint8Array;
    headers: Record<string, string>;
  };
  const name = fileName || decodeURIComponent(new URL(url).pathname.split('/').pop() || 'recording');
  const bytes = response.body instanceof Uint8Array ? response.body : new Uint8Array(response.body);
  const contentType = response.headers?.['content-type'];
  return ctx.helpers.prepareBinaryData(Buffer.from(bytes), name, typeof contentType === 'string' ? contentType.split(';')[0] : undefined);
}

/** A node error carrying the vendor's code, message and request ID, with every secret of the credential masked. */
export function nodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number, secrets: string[]): NodeApiError | NodeOperationError {
  if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
  const node = ctx.getNode();
  if (error instanceof FieldValueError || error instanceof RepeatedAttemptError) return new NodeOperationError(node, error.message, { itemIndex });
  if (error instanceof PolicyRefusal) {
    const field = policyFieldOf(error.setting);
    const change = field ? `To change it: ${error.change} (credential field "${field}")` : `It cannot be turned off. ${error.change}`;
    return new NodeOperationError(node, error.message, { itemIndex, description: change });
  }
  if (error instanceof CallbridgeError) {
    const message = redact(errorInN8nWords(withSettingHelp(error, SETTING_HELP), error.operationId), secrets);
    const details = [
      error.code ? `Vendor code: ${error.code}` : undefined,
      error.requestId ? `Request ID: ${error.requestId}` : undefined,
      error.checkWith ? `Check with: ${Object.entries(error.checkWith).map(([k, v]) => `${k}=${v}`).join(', ')}` : undefined,
    ].filter(Boolean);
    const description = details.length ? details.join(' | ') : undefined;
    if (error.kind === 'validation' || error.kind === 'config') return new NodeOperationError(node, message, { itemIndex, description });
    const body: JsonObject = {
      message,
      kind: error.kind,
      vendor: error.vendor ?? null,
      operationId: error.operationId ?? null,
      vendorCode: error.code ?? null,
      requestId: error.requestId ?? null,
      mayHaveBeenProcessed: error.mayHaveBeenProcessed,
    };
    // A business failure arrives with HTTP 200: n8n would show it as "Error code 200".
    const httpCode = error.httpStatus && error.httpStatus >= 300 ? String(error.httpStatus) : undefined;
    return new NodeApiError(node, body, { message, description, itemIndex, httpCode });
  }
  const message = redact(error instanceof Error ? error.message : String(error), secrets);
  return new NodeOperationError(node, message, { itemIndex });
}

/** What continueOnFail puts in the item. */
export function errorJson(error: NodeApiError | NodeOperationError, cause: unknown): IDataObject {
  const out: IDataObject = { error: error.message };
  if (error.description) out.description = error.description;
  if (cause instanceof PolicyRefusal) {
    out.kind = 'guardrail';
    out.rule = cause.rule;
  }
  if (cause instanceof CallbridgeError) {
    out.kind = cause.kind;
    if (cause.code) out.code = cause.code;
    if (cause.requestId) out.requestId = cause.requestId;
    if (cause.checkWith) out.checkWith = cause.checkWith;
  }
  return out;
}

export async function executeProduct(this: IExecuteFunctions, product: Product): Promise<INodeExecutionData[][]> {
  const items = this.getInputData();
  const credentials = (await this.getCredentials(credentialTypeOf(product))) as ICredentialDataDecryptedObject;
  const pc = productClient(this, product, credentials);
  if (CAMPAIGN_PRODUCTS.includes(product) && this.getNodeParameter('resource', 0) === CAMPAIGN_RESOURCE.value) {
    // A campaign operation runs once for all items (one callee per item is sent in as few requests as possible).
    try {
      return [await runCampaign(this, pc, items.length)];
    } catch (error) {
      const failure = nodeError(this, error, 0, pc.secrets());
      if (!this.continueOnFail()) throw failure;
      return [[{ json: errorJson(failure, error), pairedItem: { item: 0 } }]];
    }
  }
  // Items are run in order; a call to wait for is followed while the next items' calls are placed (paced by
  // the client), so N calls take about as long as the longest, not the sum.
  const stop = new AbortController();
  const runs: Array<Promise<ItemOutcome>> = [];
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    try {
      const run = await runItem(this, product, pc, itemIndex, stop.signal);
      runs.push('items' in run ? Promise.resolve({ items: run.items }) : run.following.then((done) => ({ items: done }), (failure: unknown) => ({ failure })));
    } catch (error) {
      runs.push(Promise.resolve({ failure: error }));
      if (!this.continueOnFail()) break;
    }
  }
  const out: INodeExecutionData[] = [];
  const outcomes = await followTogether(runs, stop, !this.continueOnFail());
  for (const [itemIndex, outcome] of outcomes.entries()) {
    if ('items' in outcome) {
      out.push(...outcome.items);
      continue;
    }
    const failure = nodeError(this, outcome.failure, itemIndex, pc.secrets());
    if (!this.continueOnFail()) throw failure;
    out.push({ json: errorJson(failure, outcome.failure), pairedItem: { item: itemIndex } });
  }
  return [out];
}

/**
 * Sends one item's request through the pipeline (the credential's call policy). A billed operation is sent
 * at most once per item attempt (nodes/shared/idempotency.ts), with its reference derived from the attempt.
 */
async function sendItem(ctx: IExecuteFunctions, pc: ProductClient, op: AnyOperation, input: Record<string, unknown>, itemIndex: number) {
  if (op.access !== 'call') return { input, output: await runSent(pc.pipeline, op.id, input) };
  const key = attemptKey(ctx, itemIndex);
  const referenced = withDerivedReference(op, input, key);
  const { output } = await billedItems.sendOnce(key, sentWhat(op, referenced), () => runSent(pc.pipeline, op.id, referenced));
  return { input: referenced, output };
}

/** Every billed item attempt of this n8n process. */
const billedItems = new AttemptLedger<unknown>();

type ItemRun = { items: INodeExecutionData[] } | { following: Promise<INodeExecutionData[]> };
type ItemOutcome = { items: INodeExecutionData[] } | { failure: unknown };

/**
 * Waits for every item's outcome. Without Continue On Fail the node fails at the first failure, so the
 * calls still followed are let go (their polling stops) once one fails.
 */
async function followTogether(runs: Array<Promise<ItemOutcome>>, stop: AbortController, stopOnFailure: boolean): Promise<ItemOutcome[]> {
  if (stopOnFailure) for (const run of runs) void run.then((outcome) => ('failure' in outcome ? stop.abort() : undefined));
  try {
    return await Promise.all(runs);
  } finally {
    stop.abort();
  }
}

async function runItem(ctx: IExecuteFunctions, product: Product, pc: ProductClient, itemIndex: number, stop: AbortSignal): Promise<ItemRun> {
  const value = String(parameter(ctx, 'operation', itemIndex));
  const op = findOperation(product, value);
  if (!op) throw new NodeOperationError(ctx.getNode(), `Unknown operation "${value}"`, { itemIndex });
  const input = operationInput(ctx, product, op, itemIndex);
  const paired = { item: itemIndex };
  if (op.pagination) {
    const returnAll = parameter(ctx, 'returnAll', itemIndex, false) === true;
    const limit = returnAll ? Number.POSITIVE_INFINITY : Math.max(1, Number(parameter(ctx, 'limit', itemIndex, 50)));
    const results = await allPages(pc.pipeline, op, input, limit);
    return { items: results.map((result) => ({ json: toJson(result), pairedItem: paired })) };
  }
  const placedAt = Date.now();
  const sent = await sendItem(ctx, pc, op, input, itemIndex);
  const output = sent.output;
  if (CALL_TRACKERS[op.id] && parameter(ctx, 'waitForResult', itemIndex, false) === true) {
    // Not awaited here: every item's call is placed first, then all are followed together (see followTogether).
    const following = waitForResults(ctx, pc, op, sent.input, output, placedAt, itemIndex, stop).then((results) => results.map((json) => ({ json, pairedItem: paired })));
    return { following };
  }
  const download = op.download;
  if (download && parameter(ctx, 'download', itemIndex, download.defaultOn) === true) {
    const url = getPath(output, download.urlPath);
    if (typeof url === 'string' && /^https?:\/\//.test(url)) {
      const fileName = download.fileNamePath ? getPath(output, download.fileNamePath) : undefined;
      const binary = await downloadFile(ctx, url, typeof fileName === 'string' ? fileName : undefined);
      const property = String(parameter(ctx, 'binaryPropertyName', itemIndex, 'data')) || 'data';
      return { items: [{ json: toJson(output), binary: { [property]: binary }, pairedItem: paired }] };
    }
  }
  const entries = listEntries(op, output);
  // A list returned whole: one item per entry, like the lists walked page by page.
  if (entries) return { items: entries.map((entry) => ({ json: toJson(entry), pairedItem: paired })) };
  return { items: [{ json: toJson(output), pairedItem: paired }] };
}
