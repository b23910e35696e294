// Volcengine single sends: SingleBatchAppend, SingleInfo, SingleCancel.
import type { SandboxContext } from '../types.js';
import { step } from './dialing.js';
import { array, denied, integer, invalid, missing, objectParam, type Params, PHONE, str, type VolcHandler } from './params.js';
import { beijingDateTime, parseBeijingDateTime } from '../sim-util.js';
import { type Single, type VolcState } from './state.js';

export function singleBatchAppend(state: VolcState, params: Params, ctx: SandboxContext): unknown {
  const list = array(params, 'List');
  if (!list) throw missing('List');
  const now = ctx.clock.now();
  const successList: Array<{ Phone: string; SingleOpenId: string; Ext?: string }> = [];
  const failList: Array<{ Phone: string; SingleOpenId?: string; Type: string }> = [];
  list.forEach((raw, i) => {
    const item = objectParam(raw, `List.${i}`) as Params;
    if (!item || typeof item !== 'object') throw invalid(`List.${i}`);
    const singleOpenId = str(item, 'SingleOpenId') ?? str(item, 'OpenId');
    if (!singleOpenId) throw missing(`List.${i}.SingleOpenId`);
    const phone = str(item, 'Phone');
    if (!phone) throw missing(`List.${i}.Phone`);
    const type = integer(item, 'Type', 0, 3);
    if (type === undefined) throw missing(`List.${i}.Type`);
    const resource = str(item, 'Resource');
    if (!resource) throw missing(`List.${i}.Resource`);
    const pool = str(item, 'NumberPoolNo');
    if (!pool) throw missing(`List.${i}.NumberPoolNo`);
    if (state.singles.has(singleOpenId)) {
      failList.push({ Phone: phone, SingleOpenId: singleOpenId, Type: '重复的SingleOpenId' });
      return;
    }
    if (!PHONE.test(phone)) {
      failList.push({ Phone: phone, SingleOpenId: singleOpenId, Type: '手机号格式错误' });
      return;
    }
    // Unix ms, as the generated SDK types it (int64); the older doc pages' "yyyy-MM-dd HH:mm:ss" is still understood.
    const trigger = item.TriggerTime;
    const triggerAt = trigger === undefined ? now : typeof trigger === 'number' ? trigger : typeof trigger === 'string' ? parseBeijingDateTime(trigger) : undefined;
    if (triggerAt === undefined) throw invalid(`List.${i}.TriggerTime`, 'Use Unix milliseconds.');
    const single: Single = {
      index: i,
      phone,
      ext: str(item, 'Ext'),
      phoneParam: item.PhoneParam,
      ttsContent: str(item, 'TtsContent'),
      operation: 'volcengine.SingleBatchAppend',
      attempts: 0,
      dueAt: Math.max(now, triggerAt),
      state: 'pending',
      callIds: [],
      singleOpenId,
      resource,
      numberPoolNo: pool,
      numberList: (array(item, 'NumberList') ?? []).map(String),
      ringAgainTimes: integer(item, 'RingAgainTimes', 0, 5) ?? 0,
      ringAgainIntervalMin: integer(item, 'RingAgainInterval', 5, 1440) ?? 5,
      createdAt: now,
      baseUrl: `${ctx.baseUrl}/volcengine`,
    };
    state.singles.set(singleOpenId, single);
    state.liveSingles.add(single);
    successList.push({ Phone: phone, SingleOpenId: singleOpenId, ...(single.ext ? { Ext: single.ext } : {}) });
  });
  return { SuccessList: successList, FailList: failList };
}

export function findSingle(state: VolcState, params: Params): Single {
  const id = str(params, 'SingleOpenId', true) as string;
  const single = state.singles.get(id);
  if (!single) throw invalid('SingleOpenId', `No single send ${id}.`);
  return single;
}

export function singleInfo(state: VolcState, params: Params, ctx: SandboxContext): unknown {
  const single = findSingle(state, params);
  step(state, ctx);
  const lastId = single.callIds[single.callIds.length - 1];
  const call = lastId ? ctx.getCall(lastId) : undefined;
  const stateCode =
    single.state === 'cancelled' ? 5 : single.state === 'calling' ? 2 : single.state === 'done' ? 3 : single.attempts > 0 ? 4 : 1;
  return {
    SingleOpenId: single.singleOpenId,
    ResourceKey: single.resource,
    Phone: single.phone,
    Ext: single.ext ?? '',
    CreateTime: beijingDateTime(single.createdAt),
    State: stateCode,
    CallUuid: lastId ?? '',
    Duration: call?.durationSeconds ?? 0,
    ReleaseTime: call?.endAt ? beijingDateTime(call.endAt) : '',
  };
}

export function singleCancel(state: VolcState, params: Params): undefined {
  const single = findSingle(state, params);
  if (single.state !== 'pending' || single.attempts > 0) throw denied(`Single send ${single.singleOpenId} has already been dialled.`);
  single.state = 'cancelled';
  state.liveSingles.delete(single);
  return undefined;
}

/** Single-send operations. */
export const singleHandlers: Record<string, VolcHandler> = {
  SingleBatchAppend: ({ params: p, ctx: c, state }) => singleBatchAppend(state, p, c),
  QuerySingleInfo: ({ params: p, ctx: c, state }) => singleInfo(state, p, c),
  SingleInfo: ({ params: p, ctx: c, state }) => singleInfo(state, p, c),
  SingleCancel: ({ params: p, state }) => singleCancel(state, p),
  SingleCancelV2: ({ params: p, state }) => singleCancel(state, p),
};
