// The vendor-neutral actions (place a call, follow it, run call tasks) and the interface each
// provider implements. A front end hands in how to run one catalog operation (`invoke`) and plain
// settings; the provider knows which operations to use and how their answers read.
import type { CallResult } from '../call-result.js';
import type { PbxApiVersion, Product } from '../operation.js';

/** The products behind the vendor-neutral actions (a new product need not be one). */
export const PROVIDER_NAMES = ['dyvms', 'outboundbot', 'volcengine', 'pbx'] as const satisfies readonly Product[];
export type ProviderName = (typeof PROVIDER_NAMES)[number];
/** The providers that place a single call (Outbound Bot calls only in job groups). */
export const CALL_PROVIDERS = ['dyvms', 'volcengine', 'pbx'] as const satisfies readonly ProviderName[];
/** Providers whose tasks report a state and progress counts (Volcengine has no task status query). */
export const TASK_STATUS_PROVIDERS = ['dyvms', 'outboundbot'] as const satisfies readonly ProviderName[];
/** The providers with call tasks (the PBX has none). */
export const TASK_PROVIDERS = ['dyvms', 'outboundbot', 'volcengine'] as const satisfies readonly ProviderName[];

/**
 * What a front end answers for one operation: the vendor's parsed answer, or `sent: false` when it
 * only previewed the request (a dry run of a write; reads are always sent).
 */
export type Answer = { sent: true; output: unknown } | { sent: false };

/** Runs one catalog operation (validation, guardrails, pacing, signing and retries are the front end's and the client's). */
export type Invoke = (operationId: string, input: Record<string, unknown>) => Promise<Answer>;

/** Plain settings some actions need; each front end fills in what it knows. */
export interface ProviderSettings {
  /** The current time, epoch ms (from the injected Runtime). */
  now(): number;
  /** A fresh unique ID, e.g. a UUID (from the injected Runtime): names a Volcengine one-off call. */
  nonce(): string;
  /** Outbound Bot instance for IDs given without "<instance>:". */
  outboundbotInstanceId?: string;
  /** Volcengine number pool (caller numbers) when the caller ID is not a pool. */
  volcengineNumberPool?: string;
  /** Daily calling window in `timezone`, minutes after midnight (end exclusive; below start: over midnight). */
  callingHours?: { start: number; end: number } | null;
  /** IANA time zone of `callingHours`; vendor windows are set only when it is Beijing time. */
  timezone?: string;
  /** Upper bound of a task's simultaneous calls (Infinity or absent: the vendor's own limit). */
  maxConcurrentCalls?: number;
  /** The PBX's API version when known (otherwise the query falls back from 2.0 to 1.x on refusal). */
  pbxApiVersion?: PbxApiVersion;
  /** How the user sets a default, in the front end's words (for messages). */
  settingHint?: (name: 'outboundbotInstanceId' | 'volcengineNumberPool') => string;
}

// ---- place_call

export type PlaceContent = 'tts_template' | 'voice_file' | 'ivr' | 'prompt';

export interface PlaceCallArgs {
  to: string;
  caller_id?: string;
  tts_template?: string;
  tts_params?: Record<string, string | number>;
  voice_file?: string;
  ivr?: { start: string; start_params?: Record<string, string | number>; keys?: Record<string, string>; bye?: string; timeout_ms?: number };
  prompt?: string;
  out_id?: string;
}

export interface PlaceCallOutcome {
  /** Absent when the placing request was not sent (dry run). */
  call_id?: string;
  operation: string;
}

// ---- following a call

/** One call to follow, with what its query needs. */
export interface TrackedCall {
  callId: string;
  /** The catalog operation that placed it, when known (dyvms: which product line holds its record). */
  placedBy?: string;
  /** Epoch ms when it was placed, when known (dyvms searches by day). */
  placedAt?: number;
  /** The call's day as given by the user (yyyy-MM-dd Beijing, or ISO 8601); dyvms then searches that day only. */
  callDate?: string;
  /** Number called, when known (PBX 1.x matching, Outbound Bot job search). */
  callee?: string;
  /** What else the query needs (Outbound Bot StartJob: InstanceId, JobGroupId, the contact's key). */
  context?: Record<string, string>;
}

/** A placing operation whose calls can be followed. */
export interface CallTracker {
  provider: ProviderName;
  /** The query operation polled (documentation and tests). */
  queryOperation: string;
  /** The calls the placing request started (usually one), from its input and answer. */
  calls(input: Record<string, unknown>, output: unknown, placedAt: number): TrackedCall[];
}

// ---- call tasks

export interface Script {
  script_id: string;
  name?: string;
  type?: string;
  status?: string;
}

export interface CreateTaskArgs {
  name: string;
  script_id: string;
  caller_id?: string;
  retry?: { times: number; interval_minutes?: number };
  concurrency?: number;
}

export interface CreateTaskOutcome {
  /** Absent when the request was not sent (dry run). */
  task_id?: string;
  operation: string;
}

export interface Callee {
  number: string;
  params?: Record<string, string | number>;
  ref?: string;
  name?: string;
}

export interface ChunkOutcome {
  accepted: string[];
  rejected: Array<{ number: string; reason: string }>;
}

export type TaskAction = 'start' | 'pause' | 'resume' | 'cancel';

export const TASK_STATES = ['created', 'scheduled', 'running', 'paused', 'completed', 'cancelled', 'unknown'] as const;
export type TaskState = (typeof TASK_STATES)[number];
/** States a task does not leave by itself: it finished, or was cancelled (a paused task can be resumed). */
export const FINAL_TASK_STATES: readonly TaskState[] = ['completed', 'cancelled'];

export interface TaskStatus {
  state: TaskState;
  vendor_status?: string;
  total?: number;
  completed?: number;
  raw: unknown;
}

export interface TaskCallPage {
  calls: CallResult[];
  total?: number;
  page_size: number;
}

export interface TaskCallQuery {
  task_id?: string;
  call_id?: string;
  callee?: string;
  call_date?: string;
}

export interface TranscriptLine {
  speaker: string;
  text: string;
  time?: string;
}

export interface TaskCallDetail {
  result: CallResult;
  transcript: TranscriptLine[];
  recording?: string;
}

export interface RecordingLink {
  url: string;
  note?: string;
}

/**
 * One back end's vendor knowledge behind the vendor-neutral actions. Every method takes the front end's
 * `invoke` and settings; an action the vendor does not offer throws UnsupportedError saying what to use instead.
 */
export interface Provider {
  readonly name: ProviderName;
  /** The catalog operations the actions use (checked against the catalog at startup). */
  readonly operations: Readonly<Record<string, string>>;
  /** Callees per add-callees request the vendor accepts (absent: no call tasks). */
  readonly chunkSize?: number;
  /** Placing operation ID -> how to find its calls (the operations whose calls can be followed). */
  readonly trackers: Readonly<Record<string, CallTracker>>;

  placeCall(invoke: Invoke, settings: ProviderSettings, args: PlaceCallArgs): Promise<PlaceCallOutcome>;
  /** The current result of one call (placed by a tracked operation, or named by an ID the vendor's queries know). */
  callResult(invoke: Invoke, settings: ProviderSettings, call: TrackedCall): Promise<CallResult>;
  listScripts(invoke: Invoke, settings: ProviderSettings): Promise<Script[]>;
  createTask(invoke: Invoke, settings: ProviderSettings, args: CreateTaskArgs): Promise<CreateTaskOutcome>;
  /** Sends one chunk (at most `chunkSize` callees). */
  addCallees(invoke: Invoke, settings: ProviderSettings, taskId: string, chunk: Callee[]): Promise<ChunkOutcome>;
  controlTask(invoke: Invoke, settings: ProviderSettings, taskId: string, action: TaskAction, scheduleTime?: string): Promise<{ operation: string }>;
  taskStatus(invoke: Invoke, settings: ProviderSettings, taskId: string): Promise<TaskStatus>;
  listTaskCalls(invoke: Invoke, settings: ProviderSettings, taskId: string, page: number, pageSize: number): Promise<TaskCallPage>;
  taskCallDetail(invoke: Invoke, settings: ProviderSettings, q: TaskCallQuery): Promise<TaskCallDetail>;
  recordingUrl(invoke: Invoke, settings: ProviderSettings, q: TaskCallQuery): Promise<RecordingLink>;
}
