import RPCClient from '@alicloud/pop-core';
import OpenApiUtil from '@alicloud/openapi-util';
import { CallbridgeClient } from '../../core/client.js';
import { catalog } from '../../core/registry.js';
import { percentEncode } from '../../core/vendors/alibaba/index.js';
import type { Runtime } from '../../core/transport.js';
import { systemRuntime } from '../../mcp/runtime.js';
import { UndiciTransport } from '../../mcp/undici-transport.js';
import { credentialsFromEnv } from '../../mcp/env-config.js';
import type { SandboxClock } from '../../sandbox/types.js';

export const AK = 'sandbox-ak';
export const SECRET = 'sandbox-secret';

/** The official @alicloud/pop-core RPC client pointed at the sandbox's dyvms prefix. */
export function popClient(url: string, options: { secret?: string; accessKeyId?: string } = {}) {
  return new RPCClient({
    accessKeyId: options.accessKeyId ?? AK,
    accessKeySecret: options.secret ?? SECRET,
    endpoint: `${url}/dyvms/`,
    apiVersion: '2017-05-25',
  });
}

export interface PopError {
  code?: string;
  data?: { Code?: string; Message?: string; HostId?: string; RequestId?: string; Recommend?: string };
  entry?: { response?: { statusCode?: number } };
}

/** Runs a pop-core request and returns its error (or fails when it succeeded). */
export async function popError(promise: Promise<unknown>): Promise<PopError> {
  try {
    await promise;
  } catch (error) {
    return error as PopError;
  }
  throw new Error('expected the request to be rejected');
}

/** A dyvms request signed by the official @alicloud/openapi-util signer; returns the params (not sent). */
export function officialSigned(params: Record<string, string>, options: { method?: 'GET' | 'POST'; timestamp?: string; nonce?: string } = {}) {
  const all: Record<string, string> = {
    Format: 'JSON',
    Version: '2017-05-25',
    AccessKeyId: AK,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: options.nonce ?? `${Date.now()}-${Math.random()}`,
    Timestamp: options.timestamp ?? OpenApiUtil.getTimestamp(),
    ...params,
  };
  all.Signature = OpenApiUtil.getRPCSignature(all, options.method ?? 'POST', SECRET);
  return all;
}

export async function sendForm(url: string, params: Record<string, string>, method: 'GET' | 'POST' = 'POST') {
  const encoded = Object.entries(params)
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join('&');
  const res =
    method === 'GET'
      ? await fetch(`${url}/dyvms/?${encoded}`)
      : await fetch(`${url}/dyvms/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: encoded });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** callbridge's own client (core/client.ts + undici transport) configured from the sandbox's env. */
export function callbridgeClient(env: Record<string, string>, options: { runtime?: Runtime; maxAttempts?: number; pace?: boolean; timeoutMs?: number } = {}) {
  const transport = new UndiciTransport();
  const client = new CallbridgeClient(
    { validateOutput: true, ...credentialsFromEnv(env), transport, runtime: options.runtime ?? systemRuntime, maxAttempts: options.maxAttempts, pace: options.pace, timeoutMs: options.timeoutMs },
    catalog,
  );
  return { client, close: () => transport.close() };
}

/** A sandbox clock moved by hand (real time still drives signature timestamps). */
export function manualClock(start = Date.UTC(2026, 0, 5, 2, 0, 0)): SandboxClock & { advance(ms: number): void } {
  let now = start;
  return {
    speed: 1,
    now: () => now,
    realNow: () => Date.now(),
    advance(ms: number) {
      now += ms;
    },
  };
}

export async function getJson<T = unknown>(url: string): Promise<T> {
  const res = await fetch(url);
  return (await res.json()) as T;
}

export async function postJson<T = unknown>(url: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}
