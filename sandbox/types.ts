// The contract between the sandbox server and its vendor simulators.
// server.ts owns HTTP, routing by path prefix, faults and /_sandbox; each vendor folder
// (dyvms/, outboundbot/, volcengine/, pbx/) exports a VendorSimulator.
import type { Product } from '../core/operation.js';
import type { RateLog } from './rates.js';

/** The sandbox simulates one vendor API per catalog product. */
export type VendorName = Product;

export interface SandboxRequest {
  method: string;
  /** Path with the vendor prefix removed, e.g. "/" or "/api/v1.1.0/login". */
  path: string;
  /** Raw query string parameters (decoded). */
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Raw body text. */
  body: string;
  /** Remote address (for the PBX IP lockout). */
  remoteAddress: string;
  /** The full path as received, for signature checks that cover the path (Volcengine). */
  rawPath: string;
  /**
   * The injected fault that will replace or cut this request's answer once the simulator has
   * handled it (reset-, 5xx-, timeout-after-processing, malformed), for observers of the simulators.
   */
  faultAfterProcessing?: string;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  body: string | Uint8Array;
}

export interface Accounts {
  alibaba: { accessKeyId: string; accessKeySecret: string };
  volcengine: { accessKey: string; secretKey: string };
  pbx: { username: string; password: string };
}

/** Sandbox time: real time multiplied by `speed` from the moment the sandbox started. */
export interface SandboxClock {
  /** Simulated epoch ms. */
  now(): number;
  /** Real epoch ms (for signature timestamps, which are checked against real time). */
  realNow(): number;
  speed: number;
}

/** Seeded pseudo-random numbers in [0, 1). */
export interface Rng {
  next(): number;
}

export type CallStatus = 'queued' | 'ringing' | 'answered' | 'completed' | 'no_answer' | 'busy' | 'power_off' | 'failed';

/** One call the sandbox placed (listed by GET /_sandbox/calls). */
export interface PlacedCall {
  id: string;
  vendor: VendorName;
  /** The vendor operation that placed it, e.g. dyvms.SingleCallByTts or dyvms.StartRobotTask. */
  operation: string;
  number: string;
  callerNumber?: string;
  outId?: string;
  taskId?: string;
  status: CallStatus;
  createdAt: number;
  ringAt?: number;
  answerAt?: number;
  endAt?: number;
  durationSeconds?: number;
  hangupSide?: 'user' | 'robot' | 'platform';
  dtmf?: string;
}

/** Extra facts about a call being placed (all optional). */
export interface CallInitOptions {
  id?: string;
  /** Sandbox epoch ms at which the call was placed (default: now). Dialers place calls at past slot times. */
  createdAt?: number;
  /** DTMF keys the callee may press when the call is answered (IVR); one is drawn. */
  dtmfChoices?: string[];
  /** Upper bound of the talk time in seconds (e.g. SessionTimeout). */
  maxTalkSeconds?: number;
}

/** Settings that can change while the sandbox runs (POST /_sandbox/config). */
export interface SandboxConfig {
  /** Alibaba dyvms HTTP batch push receiver for VoiceReport, VoiceCallReport and VoiceRecordReport. */
  receiptUrl?: string;
  /** Per message type overrides of receiptUrl, e.g. { VoiceReport: 'http://...' }. */
  receiptUrls?: Record<string, string>;
  /** Re-push delays in sandbox ms after a failed Alibaba push (default 1, 5, 10 minutes). */
  alibabaRetryDelaysMs: number[];
  /** Calls one robot task / task-center task / job group has in progress at once (default 50). */
  taskConcurrency: number;
  /** PBX API event report receiver (used by the PBX simulator). */
  pbxEventUrl?: string;
}

export interface PushOptions {
  /** Does this answer count as received? Default: HTTP 2xx. */
  accept?: (status: number, body: string) => boolean;
  /** Real ms to wait for the receiver's answer (default 700, the Alibaba push timeout). */
  timeoutMs?: number;
  /** Label shown in GET /_sandbox/pushes, e.g. 'VoiceReport'. */
  kind?: string;
}

export interface SandboxContext {
  clock: SandboxClock;
  rng: Rng;
  accounts: Accounts;
  /** Records a call and lets it progress through ringing -> answered/no-answer/busy/power-off -> hang-up. */
  placeCall(init: Omit<PlacedCall, 'id' | 'status' | 'createdAt'> & CallInitOptions): PlacedCall;
  /** Calls with their status brought up to the current sandbox time. */
  calls(): PlacedCall[];
  getCall(id: string): PlacedCall | undefined;
  /** Sandbox time at which a placed call ends, known in advance (dialers use it to free a line). */
  callEndsAt(id: string): number | undefined;
  /** Ends a call now (an API hang-up), so GET /_sandbox/calls shows it ended. */
  endCall(id: string, side: NonNullable<PlacedCall['hangupSide']>): PlacedCall | undefined;
  /** POSTs a JSON body to a receiver URL, retrying on failure as the vendor does (delays in sandbox ms). */
  push(url: string, body: unknown, retryDelaysMs: number[], options?: PushOptions): void;
  /** http://127.0.0.1:<port>, for URLs the sandbox serves itself (recordings). */
  baseUrl: string;
  /** Live settings (receipt URLs, concurrency). */
  config: SandboxConfig;
  /** URL of a downloadable WAV recording of a call, served under /_sandbox/recordings/. */
  recordingUrl(callId: string): string;
  /** Arrivals and throttling per operation at the QPS gates (GET /_sandbox/rates). */
  rates: RateLog;
}

/** Faults a simulator may shape in its vendor's own error format (see VendorSimulator.faultResponse). */
export type InjectedFault = '5xx' | 'throttle';

export interface VendorSimulator {
  vendor: VendorName;
  handle(request: SandboxRequest, context: SandboxContext): Promise<SandboxResponse> | SandboxResponse;
  /** Drops all state (POST /_sandbox/reset). */
  reset(): void;
  /** Called about every 100 ms of real time: advance tasks, push receipts. Optional. */
  tick?(context: SandboxContext): void;
  /** The vendor's own answer for an injected 5xx or throttling fault. Optional (a generic JSON answer otherwise). */
  faultResponse?(fault: InjectedFault, request: SandboxRequest): SandboxResponse;
  /** Stops timers and pending work (server close). Optional. */
  close?(): void;
}

/** What sandbox/<vendor>/index.ts exports as default: a simulator, or (preferred) a factory so each sandbox gets its own state. */
export type VendorSimulatorModule = VendorSimulator | (() => VendorSimulator);
