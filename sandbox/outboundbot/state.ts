// Outbound Bot (outboundbot 2019-12-26) simulator state: instances, scripts, caller numbers,
// job groups (campaigns), jobs (callees) and tasks (call attempts).

export type JobStatus = 'Scheduling' | 'Executing' | 'Succeeded' | 'Paused' | 'Failed' | 'Cancelled' | 'Drafted';

export interface Instance {
  InstanceId: string;
  InstanceName: string;
  InstanceDescription: string;
  MaxConcurrentConversation: number;
  CreationTime: number;
}

export interface Script {
  instanceId: string;
  ScriptId: string;
  ScriptName: string;
  ScriptDescription: string;
  Industry: string;
  Scene: string;
  Status: string;
  DebugStatus: string;
  IsDrafted: boolean;
  IsDebugDrafted: boolean;
  UpdateTime: number;
  tagGroups: Array<{ name: string; tags: string[] }>;
}

export interface CallNumber {
  instanceId: string;
  OutboundCallNumberId: string;
  Number: string;
  RateLimitCount: string;
  RateLimitPeriod: string;
}

export interface Strategy {
  id: string;
  name: string;
  maxAttemptsPerDay: number;
  minAttemptInterval: number;
  startTime?: number;
  endTime?: number;
  workingTime: Array<{ beginTime: string; endTime: string }>;
  repeatBy: string;
  routingStrategy: string;
}

export interface Contact {
  ContactId: string;
  ContactName: string;
  Honorific: string;
  PhoneNumber: string;
  ReferenceId: string;
  Role: string;
  State: string;
}

export interface ConversationLine {
  Speaker: 'Robot' | 'Contact';
  Script: string;
  Timestamp: number;
  Action: string;
  ActionParams: string;
}

export interface Task {
  TaskId: string;
  jobId: string;
  callId: string;
  /** The operation whose request made the sandbox dial this attempt. */
  operation: string;
  PlanedTime: number;
  ActualTime: number;
  CalledNumber: string;
  CallingNumber: string;
  contact: Contact;
  /** Filled in when the call has ended. */
  ended?: {
    status: string;
    EndTime: number;
    Duration: number;
    EndReason: string;
    HangUpDirection: string;
    answered: boolean;
    Conversation: ConversationLine[];
    Brief: string;
    tag?: { group: string; name: string };
  };
}

export interface Job {
  JobId: string;
  instanceId: string;
  groupId: string;
  ScenarioId: string;
  StrategyId: string;
  ReferenceId: string;
  contacts: Contact[];
  extras: Array<{ Key: string; Value: string }>;
  status: JobStatus;
  FailureReason: string;
  Priority: number;
  creationTime: number;
  /** Earliest sandbox time of the next attempt. */
  nextAt: number;
  attempts: number;
  tasks: Task[];
  /** Operation that put the job up for dialling (AssignJobs, StartJob, SubmitBatchJobs...). */
  operation: string;
  /** Pause/cancel asked while a call was in progress: applied when it ends. */
  pendingChange?: 'pause' | 'cancel';
}

export interface JobGroup {
  JobGroupId: string;
  instanceId: string;
  JobGroupName: string;
  JobGroupDescription: string;
  ScriptId: string;
  ScenarioId: string;
  callingNumbers: string[];
  strategy: Strategy;
  CreationTime: number;
  ModifyTime: number;
  JobFilePath: string;
  /** A batch job group saved as a draft (Submitted=true on the wire): its jobs are not dialled. */
  draft: boolean;
  batch: boolean;
  jobs: Job[];
  /** Hidden group holding StartJob jobs that named no job group. */
  hidden?: boolean;
  firstCallAt?: number;
  lastEndAt?: number;
  /** Sandbox time of the previous dialling step (freed lines are re-used from then on). */
  lastStep?: number;
}

export const FINAL: ReadonlySet<JobStatus> = new Set<JobStatus>(['Succeeded', 'Failed', 'Cancelled']);

export const DEFAULT_INSTANCE_ID = 'c3a1e0f2-5b7d-4e39-9a61-0d2f4b8e7c15';
export const DEFAULT_SCRIPT_ID = '7e1b2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
export const DRAFT_SCRIPT_ID = '2a9c8b7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
export const DEFAULT_CALLING_NUMBER = '057188880000';

export const DEFAULT_TAG_GROUPS = [
  { name: '意向', tags: ['有意向', '无意向', '考虑中'] },
  { name: '回访结果', tags: ['回访成功', '回访失败'] },
];

export class OutboundbotState {
  instances = new Map<string, Instance>();
  scripts = new Map<string, Script>();
  numbers = new Map<string, CallNumber>();
  groups = new Map<string, JobGroup>();
  jobs = new Map<string, Job>();
  tasks = new Map<string, Task>();
  /** Groups with time-dependent work (jobs to dial or calls in progress). */
  live = new Set<JobGroup>();

  constructor() {
    this.reset();
  }

  reset(): void {
    this.instances.clear();
    this.scripts.clear();
    this.numbers.clear();
    this.groups.clear();
    this.jobs.clear();
    this.tasks.clear();
    this.live.clear();
    const created = Date.UTC(2026, 0, 1, 2, 0, 0);
    this.instances.set(DEFAULT_INSTANCE_ID, {
      InstanceId: DEFAULT_INSTANCE_ID,
      InstanceName: 'sandbox instance',
      InstanceDescription: 'The callbridge sandbox outbound-bot instance',
      MaxConcurrentConversation: 50,
      CreationTime: created,
    });
    const script = (ScriptId: string, ScriptName: string, Status: string): Script => ({
      instanceId: DEFAULT_INSTANCE_ID,
      ScriptId,
      ScriptName,
      ScriptDescription: `${ScriptName} (sandbox)`,
      Industry: 'Finance',
      Scene: 'Notification',
      Status,
      DebugStatus: Status === 'PUBLISHED' ? 'PUBLISHED' : 'DRAFTED',
      IsDrafted: Status !== 'PUBLISHED',
      IsDebugDrafted: false,
      UpdateTime: created,
      tagGroups: DEFAULT_TAG_GROUPS.map((g) => ({ name: g.name, tags: [...g.tags] })),
    });
    this.scripts.set(DEFAULT_SCRIPT_ID, script(DEFAULT_SCRIPT_ID, 'sandbox renewal reminder', 'PUBLISHED'));
    this.scripts.set(DRAFT_SCRIPT_ID, script(DRAFT_SCRIPT_ID, 'sandbox survey (draft)', 'DRAFTED'));
    this.numbers.set('b1c2d3e4-0000-4000-8000-000000000001', {
      instanceId: DEFAULT_INSTANCE_ID,
      OutboundCallNumberId: 'b1c2d3e4-0000-4000-8000-000000000001',
      Number: DEFAULT_CALLING_NUMBER,
      RateLimitCount: '1',
      RateLimitPeriod: '1',
    });
  }
}
