// The contract between the sandbox server and its vendor simulators.
// server.ts owns HTTP, routing by path prefix, faults and /_sandbox; each vendor folder
// (dyvms/, outboundbot/, volcengine/, pbx/) exports a VendorSimulator.

export type VendorName = 'dyvms' | 'outboundbot' | 'volcengine' | 'pbx';

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

export interface SandboxContext {
  clock: SandboxClock;
  rng: Rng;
  accounts: Accounts;
  /** Records a call and lets it progress through ringing -> answered/no-answer/busy/power-off -> hang-up. */
  placeCall(init: Omit<PlacedCall, 'id' | 'status' | 'createdAt'> & { id?: string }): PlacedCall;
  /** Calls with their status brought up to the current sandbox time. */
  calls(): PlacedCall[];
  getCall(id: string): PlacedCall | undefined;
  /** POSTs a JSON body to a receiver URL, retrying on failure as the vendor does (delays in sandbox ms). */
  push(url: string, body: unknown, retryDelaysMs: number[]): void;
}

export interface VendorSimulator {
  vendor: VendorName;
  handle(request: SandboxRequest, context: SandboxContext): Promise<SandboxResponse> | SandboxResponse;
  /** Drops all state (POST /_sandbox/reset). */
  reset(): void;
}
