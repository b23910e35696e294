// "Wait for Result" on the single-call operations: which vendor query follows a placed call, and how its
// answer maps to core's vendor-neutral CallResult. The polling loop itself is core/wait.ts.
import {
  fromDyvmsCallDetail,
  fromOutboundbotJob,
  fromPbxCall,
  fromVolcengineCallRecord,
  fromVolcengineSingleInfo,
  pbxCallGone,
  type CallResult,
} from '../../core/call-result.js';
import { CallbridgeError } from '../../core/errors.js';
import type { PbxApiVersion } from '../../core/operation.js';

export type Invoke = (operationId: string, input: Record<string, unknown>) => Promise<unknown>;

/** One call to follow, with what its query needs. */
export interface TrackedCall {
  callId: string;
  /** Epoch ms when it was placed (dyvms searches the call's day). */
  placedAt: number;
  /** Number called, when known (PBX 1.x matching). */
  callee?: string;
  /** What else the query needs (Outbound Bot: InstanceId, JobGroupId, the contact's referenceId). */
  context?: Record<string, string>;
}

export interface TrackerContext {
  pbxApiVersion?: PbxApiVersion;
}

export interface CallTracker {
  /** The query operation polled (documentation and tests). */
  queryOperation: string;
  /** The calls the placing request started (usually one). */
  calls(input: Record<string, unknown>, output: unknown, placedAt: number): TrackedCall[];
  poll(invoke: Invoke, call: TrackedCall, context: TrackerContext): Promise<CallResult>;
}

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined);

/** ProdId of each dyvms product line (QueryCallDetailByCallId). */
const PROD = {
  notification: '11000000300006',
  verification: '11010000138001',
  ivr: '11000000300005',
  robot: '11030000180001',
} as const;

function dyvmsTracker(prodIds: string[]): CallTracker {
  return {
    queryOperation: 'dyvms.QueryCallDetailByCallId',
    calls: (input, output, placedAt) => {
      const callId = str(rec(output).CallId);
      return callId ? [{ callId, placedAt, callee: str(input.CalledNumber) }] : [];
    },
    poll: async (invoke, call) => {
      // A TTS template may be a notification or a verification code: its record is under one ProdId.
      let last: unknown;
      for (const ProdId of prodIds) {
        const answer = rec(await invoke('dyvms.QueryCallDetailByCallId', { CallId: call.callId, ProdId, QueryDate: call.placedAt }));
        last = answer.Data;
        const data = rec(answer.Data);
        if (Object.keys(data).length) return fromDyvmsCallDetail(answer.Data, call.callId);
      }
      return fromDyvmsCallDetail(last, call.callId);
    },
  };
}

const volcengineSingle: CallTracker = {
  queryOperation: 'volcengine.QuerySingleInfo',
  calls: (input, output, placedAt) => {
    const result = rec(rec(output).Result);
    const accepted = Array.isArray(result.SuccessList) ? result.SuccessList.map((s) => str(rec(s).SingleOpenId)).filter((s): s is string => !!s) : undefined;
    const items = Array.isArray(input.List) ? input.List.map(rec) : [];
    return items
      .filter((item) => str(item.SingleOpenId) && (!accepted || accepted.includes(str(item.SingleOpenId) as string)))
      .map((item) => ({ callId: str(item.SingleOpenId) as string, placedAt, callee: str(item.Phone) }));
  },
  poll: async (invoke, call) => {
    const info = rec(rec(await invoke('volcengine.QuerySingleInfo', { SingleOpenId: call.callId })).Result);
    const result = fromVolcengineSingleInfo(info, call.callId);
    const cdrId = str(info.CallUuid);
    if (str(info.State) !== '3' || !cdrId) return result;
    // Finished: the call record tells the outcome (answered, busy, ...); it may take a moment to appear.
    const records = rec(await invoke('volcengine.QueryCallRecordMsg', { CallIdList: [cdrId] })).Result;
    const record = Array.isArray(records) ? records.find((r) => str(rec(r).CallId) === cdrId) ?? records[0] : undefined;
    if (!record) return { ...result, final: false, reason: 'finished; waiting for the call record' };
    const mapped = fromVolcengineCallRecord(record);
    return { ...mapped, callId: call.callId, final: mapped.final || mapped.status !== 'unknown', raw: { single: info, record } };
  },
};

const pbxOutbound: CallTracker = {
  queryOperation: 'pbx.outbound.query',
  calls: (input, output, placedAt) => {
    const callId = str(rec(output).callid);
    return callId ? [{ callId, placedAt, callee: str(input.outto) }] : [];
  },
  poll: async (invoke, call, context) => {
    const v2 = (context.pbxApiVersion ?? '').startsWith('v2.');
    // errno 10007: the PBX no longer knows the call, so it has ended.
    const gone = (error: unknown) => error instanceof CallbridgeError && error.code === '10007';
    const answer = await invoke('pbx.outbound.query', v2 ? { callid: call.callId } : {}).then(rec, (error: unknown) => {
      if (gone(error)) return undefined;
      throw error;
    });
    if (!answer) return pbxCallGone(call.callId, null);
    const calls = (v2 ? answer.calls : answer.outbound) as unknown;
    const list = Array.isArray(calls) ? calls.map(rec) : [];
    const match = v2
      ? list.find((c) => str(c.callid) === call.callId)
      : list.find((c) => str(c.outboundid) === call.callId || str(c.callid) === call.callId) ?? list.find((c) => call.callee !== undefined && str(c.to) === call.callee);
    if (!match) return pbxCallGone(call.callId, answer);
    return { ...fromPbxCall(match), callId: call.callId };
  },
};

/** Outbound Bot StartJob answers only {Key: referenceId, Value: TaskId}: find the job by number, then read it. */
const outboundbotStartJob: CallTracker = {
  queryOperation: 'outboundbot.QueryJobs',
  calls: (input, output, placedAt) => {
    const contacts = Array.isArray(rec(input.JobJson).contacts) ? (rec(input.JobJson).contacts as unknown[]).map(rec) : [];
    const pairs = Array.isArray(rec(output).TaskIds) ? (rec(output).TaskIds as unknown[]).map(rec) : [];
    return pairs
      .map((pair): TrackedCall | undefined => {
        const taskId = str(pair.Value ?? pair.value);
        const key = str(pair.Key ?? pair.key);
        const contact = contacts.find((c) => str(c.referenceId) === key || str(c.phonenumber) === key) ?? contacts[0];
        const context: Record<string, string> = { InstanceId: str(input.InstanceId) ?? '' };
        if (str(input.JobGroupId)) context.JobGroupId = str(input.JobGroupId) as string;
        if (key) context.key = key;
        return taskId ? { callId: taskId, placedAt, callee: contact ? str(contact.phonenumber) : undefined, context } : undefined;
      })
      .filter((c): c is TrackedCall => c !== undefined);
  },
  poll: async (invoke, call) => {
    const context = call.context ?? {};
    const query: Record<string, unknown> = { InstanceId: context.InstanceId, PageNumber: 1, PageSize: 100 };
    if (call.callee) query.PhoneNumber = call.callee;
    if (context.JobGroupId) query.JobGroupId = context.JobGroupId;
    const list = rec(rec(await invoke('outboundbot.QueryJobs', query)).Jobs).List;
    const jobs = Array.isArray(list) ? list.map(rec) : [];
    const hasTask = (job: Rec) => Array.isArray(job.Tasks) && job.Tasks.some((t) => str(rec(t).TaskId) === call.callId);
    let job = jobs.find(hasTask) ?? jobs.find((j) => context.key !== undefined && str(j.ReferenceId) === context.key);
    if (job && !hasTask(job) && str(job.JobId)) {
      const described = rec(rec(await invoke('outboundbot.DescribeJob', { InstanceId: context.InstanceId, JobId: str(job.JobId) })).Job);
      if (Object.keys(described).length) job = described;
    }
    if (!job) return { provider: 'outboundbot', callId: call.callId, status: 'queued', final: false, reason: 'the job is not listed yet', raw: null };
    return { ...fromOutboundbotJob(job), callId: call.callId };
  },
};

export const TRACKERS: Record<string, CallTracker> = {
  'outboundbot.StartJob': outboundbotStartJob,
  'dyvms.SingleCallByTts': dyvmsTracker([PROD.notification, PROD.verification]),
  'dyvms.SingleCallByVoice': dyvmsTracker([PROD.notification]),
  'dyvms.IvrCall': dyvmsTracker([PROD.ivr]),
  'dyvms.SmartCall': dyvmsTracker([PROD.robot]),
  'volcengine.SingleBatchAppend': volcengineSingle,
  'pbx.extension.dial_outbound': pbxOutbound,
  'pbx.outbound.playprompt': pbxOutbound,
};
