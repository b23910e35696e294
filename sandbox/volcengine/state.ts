// Volcengine Voice simulator state: tasks and their callees, single sends, call records, number pools
// and resources, with the account's constants.
import type { PlacedCall } from '../types.js';

export const VOLC_VERSION = '2022-01-01';
/** The callback AuthToken of the sandbox account (console: 语音设置 → 回调设置). */
export const VOLC_CALLBACK_AUTH_TOKEN = 'SandboxTok01';
/** Push retry schedule after a failed delivery: 10 s, 30 s, 1 min, 2 min, 3 min (sandbox time). */
export const VOLC_PUSH_RETRY_MS = [10_000, 30_000, 60_000, 120_000, 180_000];
export const VOLC_ACCOUNT_ID = '2100012345';
/** Keys of SandboxConfig.receiptUrls standing in for the console's call-record and recording callback URLs. */
export const VOLC_RECEIPT_KEYS = { callRecord: 'VolcengineCallRecord', audio: 'VolcengineAudio' } as const;
/** Signed recording URLs are valid for three hours. */
export const RECORDING_TTL_S = 3 * 3600;
export const MAX_PHONES_PER_CALL = 10_000;


export type TaskState = 'created' | 'running' | 'paused' | 'stopped' | 'finished';

export interface Entry {
  index: number;
  phone: string;
  ext?: string;
  phoneParam?: unknown;
  ttsContent?: string;
  /** Operation that added the callee (CreateTask, BatchAppend, SingleBatchAppend). */
  operation: string;
  attempts: number;
  dueAt: number;
  state: 'pending' | 'calling' | 'done' | 'cancelled';
  callIds: string[];
}

export interface Task {
  taskOpenId: string;
  name: string;
  type: number;
  resource: string;
  numberPoolNo: string;
  numberList: string[];
  selectNumberType?: number;
  startTime?: number;
  endTime?: number;
  state: TaskState;
  concurrency: number;
  maxRingDuration?: number;
  ringAgainTimes: number;
  ringAgainIntervalMin: number;
  forbidTimeList: Array<{ Times?: string[]; Weekdays?: number[] }>;
  finishWhenListEnd: boolean;
  unique: boolean;
  callRecordPostUrl?: string;
  audioPostUrl?: string;
  entries: Entry[];
  phones: Set<string>;
  createdAt: number;
  /** Base URL of the sandbox as the creator reached it (for recording URLs in pushes). */
  baseUrl: string;
  callerIndex: number;
  /** Sandbox time of the previous step (lines free since then are re-used from then on). */
  lastStep?: number;
}

export interface Single extends Entry {
  singleOpenId: string;
  resource: string;
  numberPoolNo: string;
  numberList: string[];
  ringAgainTimes: number;
  ringAgainIntervalMin: number;
  createdAt: number;
  baseUrl: string;
}

export interface CallRecord {
  callId: string;
  taskOpenId?: string;
  singleOpenId?: string;
  ext?: string;
  numberPoolNo: string;
  caller: string;
  callee: string;
  baseUrl: string;
  pushed: boolean;
  call?: PlacedCall;
}

export interface NumberPool {
  NumberPoolNo: string;
  NumberPoolName: string;
  ServiceType: number;
  ServiceTypeName: string;
  SubServiceType: number;
  SubServiceTypeName: string;
  numbers: string[];
}

export interface Resource {
  ResourceKey: string;
  Name: string;
  Suffix: string;
  Duration: number;
  State: number;
  CreateTime: string;
  Type: number;
  Remark: string;
  TtsTemplateContent?: string;
}

export const SUB_SERVICE_NAMES: Record<number, string> = { 101: '语音SIP', 102: '语音通知', 103: '双呼', 104: '智能外呼' };

export function defaultPools(): NumberPool[] {
  return [
    {
      NumberPoolNo: 'NP162212345678900001',
      NumberPoolName: 'sandbox notification pool',
      ServiceType: 100,
      ServiceTypeName: '普通号码',
      SubServiceType: 102,
      SubServiceTypeName: '语音通知',
      numbers: ['02160001001', '02160001002', '01060002001'],
    },
  ];
}

export function defaultResources(): Resource[] {
  const created = '2026-01-01 10:00:00';
  return [
    { ResourceKey: 'sandbox-voice-001', Name: 'sandbox notification recording', Suffix: '.wav', Duration: 12, State: 1, CreateTime: created, Type: 0, Remark: '' },
    {
      ResourceKey: 'sandbox-tts-001',
      Name: 'sandbox TTS template',
      Suffix: '',
      Duration: 0,
      State: 1,
      CreateTime: created,
      Type: 1,
      Remark: '',
      TtsTemplateContent: '您好，您的验证码是${code}，5分钟内有效。',
    },
    { ResourceKey: 'sandbox-ivr-001', Name: 'sandbox IVR flow', Suffix: '', Duration: 0, State: 1, CreateTime: created, Type: 2, Remark: '' },
  ];
}

/** Everything the Volcengine simulator remembers (one per sandbox). */
export class VolcState {
  readonly tasks = new Map<string, Task>();
  readonly singles = new Map<string, Single>();
  readonly records = new Map<string, CallRecord>();
  /** Tasks and singles that have time-dependent work. */
  readonly live = new Set<Task>();
  readonly liveSingles = new Set<Single>();
  pools = defaultPools();
  resources = defaultResources();
  /** Requests per access key and action in the current real second (the gateway's QPS limit). */
  readonly qps = new Map<string, { second: number; count: number }>();

  reset(): void {
    this.tasks.clear();
    this.singles.clear();
    this.records.clear();
    this.live.clear();
    this.liveSingles.clear();
    this.pools = defaultPools();
    this.resources = defaultResources();
    this.qps.clear();
  }
}
