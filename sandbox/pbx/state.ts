// PBX simulator state: sessions, failed logins, extensions and calls, with the PBX's constants.


/** Idle time after which a token is gone (errno 20004). */
export const PBX_TOKEN_IDLE_MS = 30 * 60_000;
/** Failed logins in a row after which the caller's IP is locked out. */
export const PBX_MAX_FAILED_LOGINS = 5;
export const PBX_LOCKOUT_MS = 10 * 60_000;
/** Re-delivery of an event report the receiver did not take (sandbox ms; the vendor documents none). */
export const PBX_EVENT_RETRY_MS = [5_000, 30_000, 120_000];
/** Serial number of the simulated PBX (the "sn" of 1.0.2 and 2.0 event reports). */
export const PBX_SN = '369451090405';
export const PBX_TRUNK = 'sandbox-trunk';


export type Family = '1.x' | '2.0';

/** Event report format chosen at login: 1.0.0 (default of 1.x and of 2.0 without version), 1.0.2, or 2.0. */
export type EventFormat = '1.0.0' | '1.0.2' | '2.0';

export interface Session {
  token: string;
  ip: string;
  family: Family;
  format: EventFormat;
  lastUsed: number;
  /** Event receiver from login/heartbeat: ip/port/url/urltag. */
  target: { host: string; port: string; url?: string; urltag?: string };
}

export interface Extension {
  number: string;
  username: string;
  type: string;
  status: string;
  outbound: boolean;
}

export interface PbxCall {
  callid: string;
  /** Trunk leg ID of an external call (outboundid). */
  outboundid?: string;
  /** 'outbound': external number through the trunk; 'extension': an internal call. */
  kind: 'outbound' | 'extension';
  target: string;
  fromExt?: string;
  prompt?: string;
  operation: string;
  session?: Session;
  format: EventFormat;
  extChannel?: string;
  trunkChannel?: string;
  /** Hung up through the API at this sandbox time. */
  hungUpAt?: number;
  /** Events already reported: ring, answer, end. */
  reported: Set<string>;
  done: boolean;
}

export function defaultExtensions(): Extension[] {
  return [
    { number: '1000', username: 'Reception', type: 'SIP', status: 'Registered', outbound: true },
    { number: '1001', username: 'Sales', type: 'SIP', status: 'Registered', outbound: true },
    { number: '1002', username: 'Support', type: 'SIP', status: 'Registered', outbound: true },
    { number: '1003', username: 'Warehouse', type: 'FXS', status: 'Idle', outbound: true },
    { number: '1004', username: 'Lobby phone', type: 'SIP', status: 'Registered', outbound: false },
    { number: '1005', username: 'Spare', type: 'SIP', status: 'Unavailable', outbound: true },
  ];
}

/** Everything the PBX simulator remembers (one per sandbox). */
export class PbxState {
  readonly sessions = new Map<string, Session>();
  /** Failed logins in a row per IP, and the lockout they caused. */
  readonly failures = new Map<string, { count: number; lockedUntil?: number }>();
  extensions = defaultExtensions();
  readonly calls = new Map<string, PbxCall>();
  /** Calls with events still to report. */
  readonly active = new Set<PbxCall>();
  seq = 100;
  channelSeq = 0;

  reset(): void {
    this.sessions.clear();
    this.failures.clear();
    this.extensions = defaultExtensions();
    this.calls.clear();
    this.active.clear();
    this.seq = 100;
    this.channelSeq = 0;
  }
}
