// The call policy's shared vocabulary: what an operation declares it makes the vendor do (Effects),
// what one request will make the vendor do (CallPlan), and where counts live (PolicyStore).
import type { PbxApiVersion, Product } from '../operation.js';

/**
 * A field path in an operation's validated input. Dots separate keys; `[]` walks every item of an
 * array; a string holding JSON is parsed on the way (`JobsJson[].contacts[].phoneNumber`,
 * `StrategyJson.maxAttemptsPerDay`). A comma-separated string at the end is split.
 */
export type FieldPath = string;

/** How a field that sets the vendor's dialling window is written. */
export type WindowForm =
  /** Epoch milliseconds (number or digit string). */
  | 'epoch-ms'
  /** Epoch seconds. */
  | 'epoch-s'
  /** "yyyy-MM-dd HH:mm:ss" (or ISO 8601) in Beijing time, as the Alibaba and Volcengine consoles write it. */
  | 'beijing-datetime'
  /** Daily time-of-day ranges in Beijing time, as Outbound Bot's workingTime: [{beginTime:"09:00:00", endTime:"18:00:00"}]. */
  | 'daily-ranges';

export interface WindowField {
  path: FieldPath;
  form: WindowForm;
  /** Which edge of the window it sets: the start, the end, or (daily-ranges) the whole daily window. */
  edge: 'start' | 'end' | 'daily';
}

export interface AttemptField {
  path: FieldPath;
  /** 'redials': the vendor dials 1 + value times; 'total': value times in all. */
  counts: 'redials' | 'total';
}

/**
 * What an operation makes the vendor do to people's phones, declared once in its definition (per API
 * version where it differs). The policy reads nothing else: no front end keeps tables of callee keys.
 */
export interface Effects {
  /** Numbers the vendor dials because of this request (now, or later as part of a task). */
  callees?: FieldPath[];
  /** Numbers the vendor sends a message (SMS) to. */
  messages?: FieldPath[];
  /** Files or URLs of callee lists: the vendor dials people the request does not name. */
  rosters?: FieldPath[];
  /** Fields that make the vendor dial each callee more than once. */
  attempts?: AttemptField[];
  /** Fields that set when the vendor may dial. */
  window?: WindowField[];
  /**
   * When the named callees are dialled: 'now' (the request itself places the calls: direct calls count for
   * the concurrency limit), 'task' (they join a task; dialled when it runs), or 'start' (the request starts
   * or resumes a task: the vendor dials the task's callees, named here or added before).
   */
  dials?: 'now' | 'task' | 'start';
  /** Only some inputs have the effect (e.g. ModifyBatchJobs submits only when Submitted is "submit"). */
  when?: (input: Record<string, unknown>) => boolean;
  /** Input fields naming the task the request acts on, in priority order (e.g. ['JobGroupId']). */
  task?: FieldPath[];
  /** Acts on every task or job of an account (e.g. All=true): who is dialled cannot be named. */
  allTasks?: (input: Record<string, unknown>) => boolean;
  /** The effects on one PBX API version, when they differ from the above. */
  byVersion?: Partial<Record<PbxApiVersion, Effects>>;
}

/** One number the request will make the vendor contact, as written in the request. */
export interface PlannedContact {
  raw: string;
  /** Where it was found, e.g. "JobsJson[2].contacts[0].phoneNumber". */
  field: string;
  kind: 'call' | 'message';
  /** How many times the vendor may dial it because of this request. */
  attempts: number;
}

/** A window in which the vendor may dial: absolute bounds (epoch ms) and/or a daily range in a zone. */
export interface DialWindow {
  field: string;
  from?: number;
  to?: number;
  /** Minutes after midnight in `zone`; end exclusive, may be below start (over midnight). */
  daily?: { start: number; end: number; zone: string };
}

/** What one validated request will make the vendor do. Built from the operation's Effects. */
export interface CallPlan {
  operation: string;
  product: Product;
  /** The vendor will dial or message people (billed) because of this request. */
  billed: boolean;
  dials: 'now' | 'task' | 'start' | 'none';
  contacts: PlannedContact[];
  /**
   * Set by a request that changes how often a task dials each of its callees (dyvms RecallTimes, Volcengine
   * RingAgainTimes, Outbound Bot maxAttemptsPerDay): attempts per callee, named here or not.
   */
  taskAttempts?: number;
  /** The vendor may dial people this request does not name (a roster file, every task of an account). */
  unknownCallees?: { field: string; reason: string };
  windows: DialWindow[];
  /** "<product>:<task id>" when the request acts on a named task. */
  taskKey?: string;
}

// ---------------------------------------------------------------------------------------------
// The policy store: every count the rules depend on, shared by every process that uses the same store.

export interface Limits {
  perNumberPerHour: number;
  perNumberPerDay: number;
  perHour: number;
  perDay: number;
  maxConcurrentCalls: number;
  /** A direct call counts as live until its result is final or this many ms have passed. */
  callMaxMs: number;
}

export interface ReserveRequest {
  /** Provider (product) and the vendor account the counts belong to (never a secret). */
  scope: string;
  operation: string;
  /** Canonical E.164 numbers, each with its number of attempts; a number may appear once. */
  numbers: Array<{ number: string; attempts: number }>;
  /** Direct calls: count toward the concurrency limit until ended. */
  direct: boolean;
  limits: Limits;
  /** Task key whose known callees were counted by this reservation (marked counted on success). */
  taskKey?: string;
}

export type ReserveResult =
  | { ok: true; id: string }
  | {
      ok: false;
      rule: 'max-per-number-per-hour' | 'max-per-number-per-day' | 'max-calls-per-hour' | 'max-calls-per-day' | 'max-concurrent-calls';
      /** What was already counted in the rule's window, and the rule's limit. */
      counted: number;
      limit: number;
      number?: string;
    };

export interface PlacedCall {
  scope: string;
  operation: string;
  number: string;
  at: number;
  callId?: string;
  endedAt?: number;
}

export interface PolicyStore {
  /** Checks every cap and the concurrency limit and counts the numbers, as one atomic step across processes. */
  reserve(request: ReserveRequest): Promise<ReserveResult>;
  /** The vendor refused the request: nothing was dialled, the reservation no longer counts. */
  release(reservationId: string): Promise<void>;
  /** The call ids a direct call returned (in the order of the reservation's numbers). Never lost once stored. */
  attachCallIds(reservationId: string, callIds: ReadonlyArray<string | undefined>): Promise<void>;
  /** The call this scope placed with this id, if any (scope = provider + account: a wrong provider finds nothing). */
  placedCall(scope: string, callId: string): Promise<PlacedCall | undefined>;
  /** A final result was seen: the call no longer counts as live. Only the scope that placed it can end it. */
  markEnded(scope: string, callId: string): Promise<void>;
  /** Numbers added to a task; `counted` when adding them already counted against the caps. */
  addTaskNumbers(taskKey: string, numbers: readonly string[], counted: boolean): Promise<void>;
  /** Numbers known in a task (undefined: this store never saw the task get callees). */
  taskNumbers(taskKey: string): Promise<{ all: string[]; uncounted: string[] } | undefined>;
  /**
   * Whether some of a task's numbers were counted (callbridge saw it start); undefined: never saw its callees.
   * Optional: without it the answer is read from taskNumbers, which a large task (300,000 callees) makes
   * slow when asked for every chunk added.
   */
  taskStarted?(taskKey: string): Promise<boolean | undefined>;
  /** True the first time an id is claimed within ttlMs (confirmation states, receipt ids); false on a replay. */
  claimOnce(namespace: string, id: string, ttlMs: number): Promise<boolean>;
  /** Stores (or replaces) a long-running request's task (MCP Tasks) as JSON text, kept for ttlMs. */
  putTask(id: string, json: string, ttlMs: number): Promise<void>;
  /** The task's JSON text; undefined when this store never saw it or it expired. */
  getTask(id: string): Promise<string | undefined>;
  close(): Promise<void>;
}
