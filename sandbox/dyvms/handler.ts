import type { RpcCall, RpcGate } from '../alibaba-rpc.js';
import type { SandboxContext, SandboxResponse } from '../types.js';
import type { ReceiptTracker } from './receipts.js';
import type { DyvmsState } from './state.js';

/** Everything a dyvms operation handler may touch. */
export interface DyvmsScope {
  call: RpcCall;
  context: SandboxContext;
  state: DyvmsState;
  gate: RpcGate;
  receipts: ReceiptTracker;
}

export type DyvmsHandler = (scope: DyvmsScope) => SandboxResponse;

/** Input values arrive validated (catalog) or raw (no definition yet): read them defensively. */
export function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function number(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

export function jsonOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}
