import { rpcBusinessError, rpcOk } from '../alibaba-rpc.js';
import { alibabaCallId, beijingDay, beijingTime } from '../ids.js';
import type { PlacedCall } from '../types.js';
import { statusCode } from './codes.js';
import { numberOf, parsedJson, textOf } from '../../core/vendors/read.js';
import type { DyvmsHandler, DyvmsScope } from './handler.js';
import { PROD_IDS } from './state.js';

/** Operations whose callees are subject to the carriers' 1/minute, 5/hour, 20/day flow control. */
const FLOW_CONTROLLED = new Set(['SingleCallByTts', 'SingleCallByVoice']);

interface PlaceSpec {
  number: string;
  caller: string;
  outId?: string;
  prodIds: string[];
  dtmfChoices?: string[];
  maxTalkSeconds?: number;
  record?: boolean;
}

function place(scope: DyvmsScope, spec: PlaceSpec) {
  const { call, context, state } = scope;
  if (FLOW_CONTROLLED.has(call.action)) {
    const hit = state.calleeFlow.hit(`${call.accessKeyId}/${spec.number}`, context.clock.now());
    if (hit !== true) {
      const per = hit.ms === 60_000 ? 'minute' : hit.ms === 3_600_000 ? 'hour' : 'day';
      return rpcBusinessError(
        call.requestId,
        'isv.BUSINESS_LIMIT_CONTROL',
        `The callee ${spec.number} has reached the flow control limit of ${hit.max} call(s) per ${per}.`,
      );
    }
  }
  const callId = alibabaCallId(context.rng);
  const placed = context.placeCall({
    id: callId,
    vendor: 'dyvms',
    operation: call.operationId,
    number: spec.number,
    callerNumber: spec.caller || undefined,
    outId: spec.outId,
    dtmfChoices: spec.dtmfChoices,
    maxTalkSeconds: spec.maxTalkSeconds,
  });
  state.calls.set(callId, {
    callId,
    operation: call.operationId,
    prodIds: spec.prodIds,
    caller: spec.caller,
    callee: spec.number,
    outId: spec.outId,
    realPlacedAt: context.clock.realNow(),
  });
  scope.receipts.track(placed, context, { record: spec.record ?? false });
  return rpcOk(call.requestId, { CallId: callId, Code: 'OK', Message: 'OK' });
}

function ttsTemplateError(scope: DyvmsScope, code: string | undefined) {
  if (code && /^TTS_\w+$/.test(code)) return undefined;
  return rpcBusinessError(scope.call.requestId, 'isv.TTS_TEMPLATE_ILLEGAL', `The TTS template ${code ?? ''} is illegal or does not exist.`);
}

const singleCallByTts: DyvmsHandler = (scope) => {
  const input = scope.call.input;
  const bad = ttsTemplateError(scope, textOf(input.TtsCode));
  if (bad) return bad;
  return place(scope, {
    number: textOf(input.CalledNumber) ?? '',
    caller: textOf(input.CalledShowNumber) ?? '',
    outId: textOf(input.OutId),
    prodIds: [PROD_IDS.notification, PROD_IDS.verification],
    maxTalkSeconds: (numberOf(input.PlayTimes) ?? 3) * 20,
  });
};

const singleCallByVoice: DyvmsHandler = (scope) => {
  const input = scope.call.input;
  return place(scope, {
    number: textOf(input.CalledNumber) ?? '',
    caller: textOf(input.CalledShowNumber) ?? '',
    outId: textOf(input.OutId),
    prodIds: [PROD_IDS.notification],
    maxTalkSeconds: (numberOf(input.PlayTimes) ?? 3) * 20,
  });
};

function menuKeys(input: Record<string, unknown>, params: Record<string, string>): string[] {
  const keys: string[] = [];
  if (Array.isArray(input.MenuKeyMap)) {
    for (const item of input.MenuKeyMap) {
      const key = textOf((item as Record<string, unknown>)?.Key);
      if (key) keys.push(key);
    }
  } else {
    for (const [k, v] of Object.entries(params)) if (/^MenuKeyMap\.\d+\.Key$/.test(k)) keys.push(v);
  }
  return keys.length ? keys : ['1', '2'];
}

const ivrCall: DyvmsHandler = (scope) => {
  const input = scope.call.input;
  return place(scope, {
    number: textOf(input.CalledNumber) ?? '',
    caller: textOf(input.CalledShowNumber) ?? '',
    outId: textOf(input.OutId),
    prodIds: [PROD_IDS.ivr],
    dtmfChoices: menuKeys(input, scope.call.params),
  });
};

const smartCall: DyvmsHandler = (scope) => {
  const input = scope.call.input;
  return place(scope, {
    number: textOf(input.CalledNumber) ?? '',
    caller: textOf(input.CalledShowNumber) ?? '',
    outId: textOf(input.OutId),
    prodIds: Object.values(PROD_IDS),
    maxTalkSeconds: numberOf(input.SessionTimeout),
    record: input.RecordFlag === true || input.RecordFlag === 'true',
  });
};

/** The detail record as QueryCallDetailByCallId's Data (a JSON string in the real API). */
export function callDetailRecord(call: PlacedCall, caller: string) {
  return {
    caller,
    callerShowNumber: caller,
    callee: call.number,
    calleeShowNumber: caller,
    gmtCreate: beijingTime(call.createdAt),
    startDate: beijingTime(call.answerAt),
    endDate: beijingTime(call.endAt),
    duration: call.durationSeconds ?? 0,
    state: statusCode(call),
    stateDesc: statusCode(call),
    bRingTime: beijingTime(call.ringAt),
    bStartTime: beijingTime(call.answerAt),
    bEndTime: beijingTime(call.endAt),
    hangupDirection: call.hangupSide ?? '',
    dtmf: call.dtmf ?? '',
    outId: call.outId ?? '',
  };
}

const queryCallDetailByCallId: DyvmsHandler = (scope) => {
  const { call, context, state } = scope;
  const callId = textOf(call.input.CallId) ?? '';
  const prodId = textOf(call.input.ProdId) ?? '';
  const queryDate = numberOf(parsedJson(call.input.QueryDate) ?? call.input.QueryDate);
  const info = state.calls.get(callId);
  const placed = info && context.getCall(callId);
  const sameDay =
    queryDate !== undefined &&
    placed !== undefined &&
    info !== undefined &&
    (beijingDay(queryDate) === beijingDay(placed.createdAt) || beijingDay(queryDate) === beijingDay(info.realPlacedAt));
  if (!info || !placed || !sameDay || !info.prodIds.includes(prodId)) {
    return rpcOk(call.requestId, { Code: 'OK', Message: 'OK' });
  }
  return rpcOk(call.requestId, { Code: 'OK', Message: 'OK', Data: JSON.stringify(callDetailRecord(placed, info.caller)) });
};

export const singleCallHandlers: Record<string, DyvmsHandler> = {
  SingleCallByTts: singleCallByTts,
  SingleCallByVoice: singleCallByVoice,
  IvrCall: ivrCall,
  SmartCall: smartCall,
  QueryCallDetailByCallId: queryCallDetailByCallId,
};
