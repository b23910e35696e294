import { CALLEE_WINDOWS, SlidingWindows } from '../limits.js';

/** What dyvms remembers about a call it placed (the call itself lives in the calls engine). */
export interface DyvmsCallInfo {
  callId: string;
  operation: string;
  /** ProdId values QueryCallDetailByCallId accepts for this call. */
  prodIds: string[];
  caller: string;
  callee: string;
  outId?: string;
  /** Real epoch ms of placement (QueryDate may name the real day or the sandbox day). */
  realPlacedAt: number;
  /** Robot task call: counters and transcript are drawn from this. */
  taskId?: string;
}

export class DyvmsState {
  readonly calls = new Map<string, DyvmsCallInfo>();
  readonly calleeFlow = new SlidingWindows(CALLEE_WINDOWS);

  reset(): void {
    this.calls.clear();
    this.calleeFlow.reset();
  }
}

/** ProdId of each dyvms product line (QueryCallDetailByCallId). */
export const PROD_IDS = {
  notification: '11000000300006',
  verification: '11010000138001',
  ivr: '11000000300005',
  doubleCall: '11000000300004',
  sip: '11000000300009',
  robot: '11030000180001',
} as const;
