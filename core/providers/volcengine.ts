// Volcengine Voice behind the vendor-neutral actions: one-off calls (SingleBatchAppend, followed by
// QuerySingleInfo and the call record), tasks; "scripts" are playable resources, callers a number pool.
import { fromVolcengineCallRecord, fromVolcengineSingleInfo } from '../vendors/volcengine/call-result.js';
import { CallbridgeError } from '../errors.js';
import { beijingTime, checkSchedule, dropUndefined, InputError, output, placeContent, unsupported, withHint } from './shared.js';
import { number, type Rec, record, records, textOf } from '../vendors/read.js';
import type { CallTracker, Provider, ProviderSettings, Script } from './types.js';

const OPS = {
  call: 'volcengine.SingleBatchAppend',
  single: 'volcengine.QuerySingleInfo',
  records: 'volcengine.QueryCallRecordMsgV2',
  resources: 'volcengine.QueryUsableResourceV2',
  createTask: 'volcengine.CreateTask',
  addCallees: 'volcengine.BatchAppend',
  start: 'volcengine.ResumeTask',
  pause: 'volcengine.PauseTask',
  cancel: 'volcengine.StopTask',
  recording: 'volcengine.QueryAudioRecordFileUrl',
} as const;

/** Volcengine "scripts" are playable resources: "<type>:<ResourceKey>". */
const RESOURCE_TYPES = { voice_file: 0, tts_template: 1, ivr: 2 } as const;
function splitScript(id: string): { type: number; resource: string } {
  const m = /^(voice_file|tts_template|ivr):(.+)$/.exec(id);
  if (!m) throw new InputError(`script_id for volcengine must be "<voice_file|tts_template|ivr>:<ResourceKey>", as list_robot_scripts returns; got "${id}"`);
  return { type: RESOURCE_TYPES[m[1] as keyof typeof RESOURCE_TYPES], resource: m[2] };
}

/** The number pool to call from: the caller ID when it is a pool (NP...), else the default pool (with the caller ID as its number). */
function pool(settings: ProviderSettings, callerId: string | undefined): { NumberPoolNo: string; NumberList?: string[]; NumberType?: number } {
  if (callerId && /^NP/i.test(callerId)) return { NumberPoolNo: callerId };
  const defaultPool = settings.volcengineNumberPool;
  if (!defaultPool) {
    throw new InputError(
      `volcengine needs a number pool: pass caller_id as the pool ID (NP...), or set a default pool${withHint(settings, 'volcengineNumberPool')} and pass caller_id as one of its numbers.`,
    );
  }
  return callerId ? { NumberPoolNo: defaultPool, NumberList: [callerId], NumberType: 1 } : { NumberPoolNo: defaultPool };
}

/** Daily do-not-call windows ("HH:mm-HH:mm") outside the calling hours, when they are in Beijing time. */
function forbidWindows(settings: ProviderSettings): Array<{ Times: string[] }> | undefined {
  const hours = settings.callingHours;
  if (!hours || settings.timezone !== 'Asia/Shanghai' || hours.start > hours.end) return undefined;
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const times: string[] = [];
  if (hours.start > 0) times.push(`00:00-${hhmm(hours.start)}`);
  if (hours.end < 1440) times.push(`${hhmm(hours.end)}-24:00`);
  return times.length ? [{ Times: times }] : undefined;
}

/** SingleBatchAppend: the items the answer accepted (all of them when it lists none). */
const singleCalls: CallTracker = {
  provider: 'volcengine',
  queryOperation: OPS.single,
  calls: (input, answer, placedAt) => {
    const result = record(record(answer).Result);
    const accepted = Array.isArray(result.SuccessList) ? result.SuccessList.map((s) => textOf(record(s).SingleOpenId)).filter((s): s is string => !!s) : undefined;
    return records(input.List).flatMap((item) => {
      const callId = textOf(item.SingleOpenId);
      return callId && (!accepted || accepted.includes(callId)) ? [{ callId, placedBy: OPS.call, placedAt, callee: textOf(item.Phone) }] : [];
    });
  },
};

export const volcengine: Provider = {
  name: 'volcengine',
  operations: OPS,
  chunkSize: 10_000,
  trackers: { [OPS.call]: singleCalls },

  async placeCall(invoke, settings, a) {
    const content = placeContent(a);
    if (content === 'prompt') unsupported('volcengine', 'prompt', 'use tts_template, voice_file or ivr (an IVR flow ID as ivr.start).');
    if (content === 'ivr' && (a.ivr?.keys || a.ivr?.bye || a.ivr?.start_params)) {
      throw new InputError('volcengine IVR flows are defined in the console: pass only ivr.start (the flow ID)');
    }
    // A new ID for the call, from the runtime's nonce (a UUID in production), without dashes.
    const id = settings.nonce().replace(/-/g, '');
    const item = dropUndefined({
      SingleOpenId: id,
      Phone: a.to,
      Type: content === 'voice_file' ? 0 : content === 'tts_template' ? 1 : 2,
      Resource: a.tts_template ?? a.voice_file ?? a.ivr?.start,
      ...pool(settings, a.caller_id),
      PhoneParam: a.tts_params,
      Ext: a.out_id,
    });
    const r = await invoke(OPS.call, { List: [item] });
    if (r.sent) {
      const fail = records(record(record(r.output).Result).FailList)[0];
      if (fail) {
        throw new CallbridgeError({ kind: 'vendor', vendor: 'volcengine', operationId: OPS.call, code: textOf(fail.Type), message: `the call was not accepted: ${textOf(fail.Desc) ?? textOf(fail.Type) ?? 'refused'}` });
      }
    }
    return { call_id: r.sent ? id : undefined, operation: OPS.call };
  },

  async callResult(invoke, _settings, call) {
    let info: Rec | undefined;
    try {
      info = record(record(output(await invoke(OPS.single, { SingleOpenId: call.callId }))).Result);
    } catch (error) {
      // Not a one-off call ID: it may be a call-record ID (from a task). A call known to be one-off keeps the error.
      if (!(error instanceof CallbridgeError && error.kind === 'vendor') || call.placedBy === OPS.call) throw error;
    }
    const cdrId = info ? textOf(info.CallUuid) : call.callId;
    if (info) {
      const result = fromVolcengineSingleInfo(info, call.callId);
      if (textOf(info.State) !== '3' || !cdrId) return result;
    }
    // Finished (or a call-record ID): the call record tells the outcome (answered, busy, ...); it may take a moment to appear.
    const found = records(record(record(output(await invoke(OPS.records, { CallIdList: [cdrId] }))).Result).Records);
    const callRecord = found.find((r) => textOf(r.CallId) === cdrId) ?? found[0];
    if (!callRecord) {
      return info
        ? { ...fromVolcengineSingleInfo(info, call.callId), final: false, reason: 'finished; waiting for the call record' }
        : { provider: 'volcengine', callId: call.callId, status: 'unknown', final: false, reason: 'no call record yet', raw: null };
    }
    return { ...fromVolcengineCallRecord(callRecord), callId: call.callId };
  },

  async listScripts(invoke) {
    const scripts: Script[] = [];
    for (const [type, code] of Object.entries(RESOURCE_TYPES)) {
      const r = await invoke(OPS.resources, { Type: code });
      for (const s of records(record(record(output(r)).Result).Records)) {
        if (textOf(s.ResourceKey)) scripts.push({ script_id: `${type}:${textOf(s.ResourceKey)}`, name: textOf(s.Name), type, status: textOf(s.State) });
      }
    }
    return scripts;
  },

  async createTask(invoke, settings, a) {
    const { type, resource } = splitScript(a.script_id);
    const now = settings.now();
    const cap = settings.maxConcurrentCalls;
    const input = dropUndefined({
      Name: a.name,
      Type: type,
      Resource: resource,
      ...pool(settings, a.caller_id),
      Start: false,
      StartTime: beijingTime(now),
      EndTime: beijingTime(now + 30 * 24 * 3_600_000),
      Concurrency: Math.min(a.concurrency ?? 1, cap !== undefined && Number.isFinite(cap) ? cap : 1000),
      RingAgainTimes: a.retry?.times,
      RingAgainInterval: a.retry?.times ? Math.max(5, a.retry.interval_minutes ?? 5) : undefined,
      ForbidTimeList: forbidWindows(settings),
      SelectNumberRule: a.caller_id && !/^NP/i.test(a.caller_id) ? undefined : 5,
      SelectNumberType: a.caller_id && !/^NP/i.test(a.caller_id) ? 1 : undefined,
    });
    delete (input as Rec).NumberType;
    const r = await invoke(OPS.createTask, input);
    return { task_id: r.sent ? textOf(record(record(r.output).Result).TaskOpenId) : undefined, operation: OPS.createTask };
  },

  async addCallees(invoke, _settings, taskId, chunk) {
    const numbers = chunk.map((c) => c.number);
    const input = { TaskOpenId: taskId, PhoneList: chunk.map((c) => dropUndefined({ Phone: c.number, PhoneParam: c.params, Ext: c.ref })) };
    const r = await invoke(OPS.addCallees, input);
    const fails = r.sent ? records(record(record(r.output).Result).FailList) : [];
    const failed = new Map<string, string>();
    for (const f of fails) {
      const index = number(f, 'Index');
      const phone = textOf(f.Phone) ?? (index !== undefined && Number.isInteger(index) ? numbers[index] : undefined);
      if (phone) failed.set(phone, `${textOf(f.Type) ?? 'refused'}${textOf(f.Desc) ? `: ${textOf(f.Desc)}` : ''}`);
    }
    return { accepted: numbers.filter((n) => !failed.has(n)), rejected: [...failed].map(([number, reason]) => ({ number, reason })) };
  },

  async controlTask(invoke, _settings, taskId, action, scheduleTime) {
    checkSchedule(action, scheduleTime);
    if (scheduleTime) unsupported('volcengine', 'schedule_time', 'a task dials within its StartTime-EndTime window; change it with invoke_operation volcengine.UpdateTask.');
    const opId = action === 'pause' ? OPS.pause : action === 'cancel' ? OPS.cancel : OPS.start;
    await invoke(opId, { TaskOpenId: taskId });
    return { operation: opId };
  },

  async taskStatus() {
    return unsupported('volcengine', 'get_task_status', 'Volcengine offers no task query; follow its calls with the call-record push or get_task_call_detail.');
  },

  async listTaskCalls() {
    return unsupported('volcengine', 'list_task_calls', 'Volcengine offers no per-task call list; its call records arrive by push (CallRecordPostUrl), or query one with get_task_call_detail.');
  },

  async taskCallDetail(invoke, settings, q) {
    if (!q.call_id) throw new InputError('volcengine needs call_id (a call-record ID or the call_id place_call returned)');
    return { result: await volcengine.callResult(invoke, settings, { callId: q.call_id }), transcript: [] };
  },

  async recordingUrl(invoke, _settings, q) {
    if (!q.call_id) throw new InputError('volcengine needs call_id');
    let recordId = q.call_id;
    try {
      const single = await invoke(OPS.single, { SingleOpenId: q.call_id });
      recordId = textOf(record(record(output(single)).Result).CallUuid) ?? recordId;
    } catch (error) {
      if (!(error instanceof CallbridgeError && error.kind === 'vendor')) throw error;
    }
    const r = await invoke(OPS.recording, { CallId: recordId });
    const url = textOf(record(record(output(r)).Result).AudioRecordFileUrl);
    if (!url) throw new CallbridgeError({ kind: 'vendor', vendor: 'volcengine', code: 'NoRecording', message: 'the vendor returned no recording URL' });
    return { url, note: 'signed URL, valid about three hours' };
  },
};
