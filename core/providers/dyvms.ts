// Alibaba Cloud Voice Service (dyvms) behind the vendor-neutral actions: single calls (TTS, voice
// file, IVR), call records by ProdId and day, robot tasks.
import type { CallResult } from '../call-result.js';
import { fromDyvmsCallDetail, fromDyvmsRobotCall } from '../vendors/alibaba/call-result.js';
import { CallbridgeError } from '../errors.js';
import { listOperations } from '../registry.js';
import { beijingTime, checkSchedule, dropUndefined, InputError, output, parseDate, placeContent, unsupported, vendorTime } from './shared.js';
import { asArray, number, type Rec, record, records, textOf } from '../vendors/read.js';
import type { CallTracker, PlaceCallArgs, Provider, TaskState } from './types.js';

const OPS = {
  ttsCall: 'dyvms.SingleCallByTts',
  voiceCall: 'dyvms.SingleCallByVoice',
  ivrCall: 'dyvms.IvrCall',
  callDetail: 'dyvms.QueryCallDetailByCallId',
  scripts: 'dyvms.QueryRobotv2AllList',
  createTask: 'dyvms.CreateRobotTask',
  addCallees: 'dyvms.UploadRobotTaskCalledFile',
  start: 'dyvms.StartRobotTask',
  pause: 'dyvms.StopRobotTask',
  cancel: 'dyvms.CancelRobotTask',
  cancelScheduled: 'dyvms.CancelOrderRobotTask',
  taskDetail: 'dyvms.QueryRobotTaskDetail',
  taskCalls: 'dyvms.QueryRobotTaskCallList',
  taskCallDetail: 'dyvms.QueryRobotTaskCallDetail',
} as const;

/** The placing operations whose calls can be followed, each with the ProdIds its records may be under (declared in its definition). */
const TRACKED = listOperations('dyvms').filter((op) => op.tracking?.query === OPS.callDetail);
const prodIdsOf = (placedBy: string | undefined) => TRACKED.find((op) => op.id === placedBy)?.tracking?.prodIds;
const ALL_PROD_IDS = [...new Set(TRACKED.flatMap((op) => op.tracking?.prodIds ?? []))];

function tracker(placedBy: string): CallTracker {
  return {
    provider: 'dyvms',
    queryOperation: OPS.callDetail,
    calls: (input, answer, placedAt) => {
      const callId = textOf(record(answer).CallId);
      return callId ? [{ callId, placedBy, placedAt, callee: textOf(input.CalledNumber) }] : [];
    },
  };
}

const TASK_STATES: Record<string, TaskState> = {
  INIT: 'created',
  READY: 'scheduled',
  DISPATCH: 'running',
  EXCUTING: 'running',
  EXECUTING: 'running',
  MANUAL_STOP: 'paused',
  SYSTEM_STOP: 'paused',
  ARREARS_STOP: 'paused',
  CANCEL: 'cancelled',
  SYSTEM_CANCEL: 'cancelled',
  FINISH: 'completed',
};

export const dyvms: Provider = {
  name: 'dyvms',
  operations: OPS,
  chunkSize: 1000,
  trackers: Object.fromEntries(TRACKED.map((op) => [op.id, tracker(op.id)])),

  async placeCall(invoke, _settings, a) {
    const content = placeContent(a);
    if (content === 'prompt') unsupported('dyvms', 'prompt', 'use tts_template, voice_file or ivr (prompt is for the PBX).');
    let opId: string;
    let input: Rec;
    const common = { CalledNumber: a.to, CalledShowNumber: a.caller_id, OutId: a.out_id };
    if (content === 'tts_template') {
      opId = OPS.ttsCall;
      input = { ...common, TtsCode: a.tts_template, TtsParam: a.tts_params };
    } else if (content === 'voice_file') {
      opId = OPS.voiceCall;
      input = { ...common, VoiceCode: a.voice_file };
    } else {
      const ivr = a.ivr as NonNullable<PlaceCallArgs['ivr']>;
      opId = OPS.ivrCall;
      input = {
        ...common,
        StartCode: ivr.start,
        StartTtsParams: ivr.start_params,
        MenuKeyMap: ivr.keys ? Object.entries(ivr.keys).map(([Key, Code]) => ({ Key, Code })) : undefined,
        ByeCode: ivr.bye,
        Timeout: ivr.timeout_ms,
      };
    }
    const r = await invoke(opId, dropUndefined(input));
    return { call_id: r.sent ? textOf(record(r.output).CallId) : undefined, operation: opId };
  },

  async callResult(invoke, settings, call) {
    // QueryCallDetailByCallId searches one day and one product: try the likely ones (the day it was
    // placed too, when that was another day in Beijing).
    const today = settings.now();
    const dates = call.callDate ? [parseDate(call.callDate, today)] : [today];
    if (!call.callDate && call.placedAt !== undefined && beijingTime(call.placedAt).slice(0, 10) !== beijingTime(today).slice(0, 10)) dates.push(call.placedAt);
    const prodIds = prodIdsOf(call.placedBy) ?? ALL_PROD_IDS;
    let last: CallResult | undefined;
    for (const QueryDate of dates) {
      for (const ProdId of prodIds) {
        const data = record(output(await invoke(OPS.callDetail, { CallId: call.callId, ProdId, QueryDate }))).Data;
        last = fromDyvmsCallDetail(data, call.callId);
        // A record is under one ProdId only: the first one found is the call's.
        if (Object.keys(record(data)).length || last.status !== 'unknown' || last.final) return last;
      }
    }
    return last as CallResult;
  },

  async listScripts(invoke) {
    const r = await invoke(OPS.scripts, {});
    return records(record(output(r)).Data).flatMap((s) => {
      const id = textOf(s.id);
      return id ? [{ script_id: id, name: textOf(s.robotName), type: textOf(s.robotType) }] : [];
    });
  },

  async createTask(invoke, _settings, a) {
    if (!a.caller_id) throw new InputError('caller_id is required for dyvms robot tasks (one of your purchased numbers)');
    const input = dropUndefined({
      TaskName: a.name,
      DialogId: a.script_id,
      Caller: [a.caller_id],
      NumberStatusIdent: false,
      RetryType: a.retry && a.retry.times > 0 ? 1 : 0,
      RecallTimes: a.retry && a.retry.times > 0 ? a.retry.times : undefined,
      RecallInterval: a.retry && a.retry.times > 0 ? (a.retry.interval_minutes ?? 5) : undefined,
      RecallStateCodes: a.retry && a.retry.times > 0 ? ['200002', '200003'] : undefined,
    });
    const r = await invoke(OPS.createTask, input);
    return { task_id: r.sent ? textOf(record(r.output).Data) : undefined, operation: OPS.createTask };
  },

  async addCallees(invoke, _settings, taskId, chunk) {
    const numbers = chunk.map((c) => c.number);
    const head = [...new Set(chunk.flatMap((c) => Object.keys(c.params ?? {})))];
    const input = {
      Id: taskId,
      CalledNumber: numbers,
      TtsParamHead: head,
      TtsParam: head.length ? chunk.map((c) => ({ number: c.number, params: head.map((h) => c.params?.[h] ?? '') })) : [],
    };
    await invoke(OPS.addCallees, input);
    return { accepted: numbers, rejected: [] };
  },

  async controlTask(invoke, _settings, taskId, action, scheduleTime) {
    checkSchedule(action, scheduleTime);
    let opId: string;
    const input: Rec = { TaskId: taskId };
    if (action === 'start' || action === 'resume') {
      opId = OPS.start;
      if (scheduleTime) input.ScheduleTime = vendorTime(scheduleTime);
    } else if (action === 'pause') {
      opId = OPS.pause;
    } else {
      // A scheduled task that has not started is withdrawn with CancelOrderRobotTask; a started one is terminated.
      const data = record(record(output(await invoke(OPS.taskDetail, { Id: taskId }))).Data);
      const scheduled = textOf(data.scheduleType) === 'ORDER' && ['INIT', 'READY'].includes(textOf(data.status) ?? '');
      opId = scheduled ? OPS.cancelScheduled : OPS.cancel;
    }
    await invoke(opId, input);
    return { operation: opId };
  },

  async taskStatus(invoke, _settings, taskId) {
    const data = record(record(output(await invoke(OPS.taskDetail, { Id: taskId }))).Data);
    const status = textOf(data.status);
    return {
      state: (status ? TASK_STATES[status.toUpperCase()] : undefined) ?? 'unknown',
      vendor_status: status,
      total: number(data, 'totalCount', 'total'),
      completed: number(data, 'finishCount', 'completeCount'),
      raw: data,
    };
  },

  async listTaskCalls(invoke, _settings, taskId, page, pageSize) {
    const size = Math.min(pageSize, 50);
    const r = await invoke(OPS.taskCalls, { TaskId: taskId, PageNo: page, PageSize: size });
    return { calls: asArray(record(output(r)).Data).map((c) => fromDyvmsRobotCall(c)), page_size: size };
  },

  async taskCallDetail(invoke, settings, q) {
    if (!q.task_id || !q.callee) throw new InputError('dyvms needs task_id and callee (the number called)');
    const r = await invoke(OPS.taskCallDetail, { TaskId: q.task_id, Callee: q.callee, QueryDate: parseDate(q.call_date, settings.now()) });
    const data = record(record(output(r)).Data);
    const transcript = records(data.dialogDetail).map((d) => ({ speaker: textOf(d.role) ?? '?', text: textOf(d.content) ?? '', time: textOf(d.speakTime) }));
    const result = fromDyvmsRobotCall(data);
    return { result, transcript, recording: result.recording };
  },

  async recordingUrl(invoke, settings, q) {
    if (!q.task_id || !q.callee) unsupported('dyvms', 'a recording without task_id and callee', 'dyvms keeps recordings of robot-task calls: pass task_id and callee.');
    const detail = await dyvms.taskCallDetail(invoke, settings, q);
    if (!detail.recording) throw new CallbridgeError({ kind: 'vendor', vendor: 'dyvms', code: 'NoRecording', message: 'this call has no recording (recordStatus says none, or the call was not answered)' });
    return { url: detail.recording, note: 'signed URL; it expires' };
  },
};
