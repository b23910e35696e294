// Yeastar S-Series style PBX behind the vendor-neutral actions: prompt calls to external numbers and
// the live-call query (API 2.0 call/query by callid; 1.x outbound/query lists the trunk calls).
import type { CallResult } from '../call-result.js';
import { fromPbxCall, pbxCallGone } from '../vendors/pbx/call-result.js';
import { CallbridgeError } from '../errors.js';
import { listOperations } from '../registry.js';
import { checkSchedule, dropUndefined, output, placeContent, unsupported } from './shared.js';
import { record, records, textOf, type Rec } from '../vendors/read.js';
import type { CallTracker, Provider, TrackedCall } from './types.js';

const OPS = {
  prompt: 'pbx.outbound.playprompt',
  query: 'pbx.outbound.query',
} as const;

function tracker(placedBy: string): CallTracker {
  return {
    provider: 'pbx',
    queryOperation: OPS.query,
    calls: (input, answer, placedAt) => {
      const callId = textOf(record(answer).callid);
      return callId ? [{ callId, placedBy, placedAt, callee: textOf(input.outto) }] : [];
    },
  };
}

/** The call in a query answer: by its ID; by the number called among all calls (1.x); the only one of a query by ID. */
function findCall(answer: Rec, call: TrackedCall, byId: boolean): Rec | undefined {
  const list = [...records(answer.calls), ...records(answer.outbound)];
  return (
    list.find((c) => textOf(c.callid) === call.callId || textOf(c.outboundid) === call.callId) ??
    (byId ? list[0] : list.find((c) => call.callee !== undefined && textOf(c.to) === call.callee))
  );
}

export const pbx: Provider = {
  name: 'pbx',
  operations: OPS,
  trackers: Object.fromEntries(listOperations('pbx').filter((op) => op.tracking?.query === OPS.query).map((op) => [op.id, tracker(op.id)])),

  async placeCall(invoke, _settings, a) {
    const content = placeContent(a);
    if (content !== 'prompt') unsupported('pbx', content, 'the PBX plays an uploaded prompt file: pass prompt (file names joined by "+").');
    const r = await invoke(OPS.prompt, dropUndefined({ outto: a.to, prompt: a.prompt, fromext: a.caller_id }));
    return { call_id: r.sent ? textOf(record(r.output).callid) : undefined, operation: OPS.prompt };
  },

  async callResult(invoke, settings, call): Promise<CallResult> {
    const version = settings.pbxApiVersion;
    try {
      // API v2.0.0 queries one call by callid; the 1.x APIs list the outbound calls (their outboundid is not
      // the callid a call was placed with). Without a known version, the core's refusal of callid says 1.x.
      let byId = version === undefined || version.startsWith('v2.');
      const answer = byId
        ? await invoke(OPS.query, { callid: call.callId }).catch((error: unknown) => {
            if (version === undefined && error instanceof CallbridgeError && error.kind === 'validation' && error.field === 'callid') {
              byId = false;
              return invoke(OPS.query, {});
            }
            throw error;
          })
        : await invoke(OPS.query, {});
      const out = record(output(answer));
      const found = findCall(out, call, byId);
      return found ? { ...fromPbxCall(found), callId: call.callId } : pbxCallGone(call.callId, out);
    } catch (error) {
      // errno 10007: the PBX no longer knows the call, so it has ended.
      if (error instanceof CallbridgeError && error.code === '10007') return pbxCallGone(call.callId, error.toJSON());
      throw error;
    }
  },

  async listScripts() {
    return unsupported('pbx', 'list_robot_scripts', 'the PBX has no robot scripts; place_call plays prompt files.');
  },
  async createTask() {
    return unsupported('pbx', 'create_call_task', 'the PBX has no call tasks; use place_call for each number.');
  },
  async addCallees() {
    return unsupported('pbx', 'add_task_callees', 'the PBX has no call tasks; use place_call for each number.');
  },
  async controlTask(_invoke, _settings, _taskId, action, scheduleTime) {
    checkSchedule(action, scheduleTime);
    return unsupported('pbx', 'control_task', 'the PBX has no call tasks.');
  },
  async taskStatus() {
    return unsupported('pbx', 'get_task_status', 'the PBX has no call tasks.');
  },
  async listTaskCalls() {
    return unsupported('pbx', 'list_task_calls', 'the PBX has no call tasks.');
  },
  async taskCallDetail() {
    return unsupported('pbx', 'get_task_call_detail', 'the PBX has no call tasks; use get_call_result.');
  },
  async recordingUrl() {
    return unsupported('pbx', 'get_recording_url', 'PBX recordings are downloaded with the session token, which this server never hands out; the recording file name is in the NewCdr event.');
  },
};
