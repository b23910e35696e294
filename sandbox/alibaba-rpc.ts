import { timingSafeEqual } from 'node:crypto';
import { catalog } from '../core/registry.js';
import { valueAt, type AnyOperation } from '../core/operation.js';
import { decodeRpcInput, shapeOf, wireName } from './alibaba-decode.js';
import { requestId as newRequestId } from './ids.js';
import { ExpiringSet, TokenBuckets } from './limits.js';
import { alibabaSignature, alibabaStringToSign } from './signatures/alibaba-rpc-v1.js';
import type { SandboxContext, SandboxRequest, SandboxResponse } from './types.js';

/**
 * The Alibaba Cloud RPC gateway as the sandbox plays it, shared by the dyvms and outboundbot
 * simulators: parameters from the query and the form body, signature v1, timestamps, nonces,
 * per-account QPS, and input validation against the catalog, with the gateway's error codes.
 */

export interface RpcProduct {
  product: 'dyvms' | 'outboundbot';
  version: string;
  /** HostId in error bodies, e.g. dyvmsapi.aliyuncs.com. */
  host: string;
  /** Product name in the Recommend link, e.g. Dyvmsapi. */
  recommendName: string;
  /** Actions the simulator serves even when the catalog has no definition yet. */
  extraActions?: readonly string[];
  /** Per-operation QPS overrides (tests); otherwise the catalog's `qps`. */
  qps?: Record<string, number>;
  /** List fields over whose cap the vendor answers its own business code instead of InvalidParameter. */
  listLimitCodes?: Record<string, { field: string; code: string }>;
}

export interface RpcCall {
  action: string;
  /** `<product>.<Action>` */
  operationId: string;
  operation?: AnyOperation;
  /** Business parameters as received (flat wire form, gateway parameters removed; see isGatewayParam). */
  params: Record<string, string>;
  /** Decoded and validated input (natural JSON); the raw params when the catalog has no definition. */
  input: Record<string, unknown>;
  requestId: string;
  accessKeyId: string;
}

export type RpcCheck = { ok: true; call: RpcCall } | { ok: false; response: SandboxResponse };

export const COMMON_PARAMS = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'SignatureType',
  'Timestamp',
  'SecurityToken',
  'RegionId',
]);

/**
 * Whether a parameter is the gateway's own, taken off before the business input is decoded: a
 * common parameter the operation does not declare itself. RegionId is common to every RPC call,
 * but the outboundbot tag operations (ListTagResources, TagResources, UntagResources) declare it
 * as their own input, so there it stays and is validated like any other field.
 */
export function isGatewayParam(name: string, operation?: AnyOperation): boolean {
  if (!COMMON_PARAMS.has(name)) return false;
  const shape = operation ? shapeOf(operation.input) : undefined;
  return !(shape && Object.hasOwn(shape, name));
}

const FIFTEEN_MINUTES = 15 * 60_000;

/** Query parameters and the form body merged (the body wins), as the gateway signs them. */
export function rpcParams(request: SandboxRequest): Record<string, string> {
  const params: Record<string, string> = { ...request.query };
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  if (request.body && (type.includes('application/x-www-form-urlencoded') || !type)) {
    for (const [k, v] of new URLSearchParams(request.body)) params[k] = v;
  }
  return params;
}

export function jsonResponse(status: number, body: unknown, extraHeaders: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'content-type': 'application/json;charset=utf-8', ...extraHeaders }, body: JSON.stringify(body) };
}

/** A successful RPC answer: RequestId first, then the payload. */
export function rpcOk(requestId: string, payload: Record<string, unknown>): SandboxResponse {
  return jsonResponse(200, { RequestId: requestId, ...payload }, { 'x-acs-request-id': requestId });
}

/** A business failure: HTTP 200 with Code != OK, as dyvms reports isv.* errors. */
export function rpcBusinessError(requestId: string, code: string, message: string): SandboxResponse {
  return jsonResponse(200, { RequestId: requestId, Code: code, Message: message }, { 'x-acs-request-id': requestId });
}

export class RpcGate {
  private readonly nonces = new Map<string, ExpiringSet>();
  private readonly buckets = new TokenBuckets();

  constructor(readonly product: RpcProduct) {}

  /** The gateway's error body: {RequestId, HostId, Code, Message, Recommend}. */
  error(status: number, code: string, message: string, requestId: string): SandboxResponse {
    const recommend = `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=${this.product.recommendName}&requestId=${requestId}`;
    return jsonResponse(
      status,
      { RequestId: requestId, HostId: this.product.host, Code: code, Message: message, Recommend: recommend },
      { 'x-acs-request-id': requestId },
    );
  }

  private missing(name: string, id: string): RpcCheck {
    return { ok: false, response: this.error(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`, id) };
  }

  private fail(status: number, code: string, message: string, id: string): RpcCheck {
    return { ok: false, response: this.error(status, code, message, id) };
  }

  operationFor(action: string): AnyOperation | undefined {
    return catalog.get(`${this.product.product}.${action}`);
  }

  check(request: SandboxRequest, context: SandboxContext): RpcCheck {
    const id = newRequestId(context.rng);
    if (request.method !== 'GET' && request.method !== 'POST') {
      return this.fail(400, 'UnsupportedHTTPMethod', `Specified HTTP method ${request.method} is not supported.`, id);
    }
    const params = rpcParams(request);
    const action = params.Action;
    if (!action) return this.missing('Action', id);
    if (!params.Version) return this.missing('Version', id);
    if (params.Version !== this.product.version) return this.fail(400, 'InvalidVersion', 'Specified parameter Version is not valid.', id);
    const operation = this.operationFor(action);
    if (!operation && !this.product.extraActions?.includes(action)) {
      return this.fail(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.', id);
    }
    if (params.Format && !/^(json|xml)$/i.test(params.Format)) return this.fail(400, 'InvalidParameter.Format', 'Specified parameter format is not valid.', id);
    for (const name of ['AccessKeyId', 'SignatureNonce', 'Timestamp']) if (!params[name]) return this.missing(name, id);
    if (!params.Signature) return this.fail(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.', id);
    if (params.SignatureMethod !== 'HMAC-SHA1') return this.fail(400, 'InvalidSignatureMethod', 'Specified signature method is not valid.', id);
    if (params.SignatureVersion && params.SignatureVersion !== '1.0') {
      return this.fail(400, 'InvalidSignatureVersion', 'Specified signature version is not valid.', id);
    }
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(params.Timestamp) || Number.isNaN(Date.parse(params.Timestamp))) {
      return this.fail(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.', id);
    }
    const realNow = context.clock.realNow();
    if (Math.abs(Date.parse(params.Timestamp) - realNow) > FIFTEEN_MINUTES) {
      return this.fail(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.', id);
    }
    const account = context.accounts.alibaba;
    if (params.AccessKeyId !== account.accessKeyId) return this.fail(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.', id);
    const method = request.method;
    const expected = alibabaSignature(method, params, account.accessKeySecret);
    const given = Buffer.from(params.Signature);
    if (given.length !== Buffer.byteLength(expected) || !timingSafeEqual(given, Buffer.from(expected))) {
      return this.fail(
        400,
        'SignatureDoesNotMatch',
        `Specified signature is not matched with our calculation. server string to sign is:${alibabaStringToSign(method, params)}`,
        id,
      );
    }
    const nonces = this.nonces.get(params.AccessKeyId) ?? new ExpiringSet(FIFTEEN_MINUTES);
    this.nonces.set(params.AccessKeyId, nonces);
    if (!nonces.add(params.SignatureNonce, realNow)) return this.fail(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.', id);
    const operationId = `${this.product.product}.${action}`;
    const qps = this.product.qps?.[operationId] ?? operation?.qps;
    if (qps) {
      const passed = this.buckets.take(`${params.AccessKeyId}/${action}`, qps, realNow);
      context.rates.record(operationId, realNow, !passed);
      if (!passed) return this.fail(400, 'Throttling.User', 'Request was denied due to user flow control.', id);
    }
    const business: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) if (!isGatewayParam(k, operation)) business[k] = v;
    let input: Record<string, unknown> = business;
    if (operation) {
      const parsed = operation.input.safeParse(decodeRpcInput(operation, business));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const name = wireName(operation, issue.path);
        const isMissing = issue.code === 'invalid_type' && valueAt(decodeRpcInput(operation, business), issue.path) === undefined;
        if (isMissing) return this.missing(name, id);
        const limit = this.product.listLimitCodes?.[operationId];
        if (limit && issue.code === 'too_big' && issue.path[0] === limit.field) {
          return { ok: false, response: rpcBusinessError(id, limit.code, `${limit.field}: ${issue.message}.`) };
        }
        return this.fail(400, 'InvalidParameter', `Specified parameter ${name} is not valid: ${issue.message}.`, id);
      }
      input = parsed.data as Record<string, unknown>;
    }
    return { ok: true, call: { action, operationId, operation, params: business, input, requestId: id, accessKeyId: params.AccessKeyId } };
  }

  reset(): void {
    this.nonces.clear();
    this.buckets.reset();
  }
}
