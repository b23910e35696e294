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
