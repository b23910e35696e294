// Volcengine resources (TTS templates, audio) and number pools.
import type { SandboxContext } from '../types.js';
import { array, integer, invalid, type Params, str, type VolcHandler } from './params.js';
import { beijingDateTime, digits } from '../sim-util.js';
import { type NumberPool, type Resource, SUB_SERVICE_NAMES, type VolcState } from './state.js';

export function usableResources(state: VolcState, params: Params): Resource[] {
  const type = integer(params, 'Type', 0, 3);
  return state.resources.filter((r) => r.State === 1 && (type === undefined || r.Type === type));
}

export function openGetResource(state: VolcState, params: Params): unknown {
  const type = integer(params, 'Type', 0, 3);
  const wanted = integer(params, 'State', 0, 2);
  const keyword = str(params, 'Keyword');
  const limit = integer(params, 'Limit', 1, 100) ?? 10;
  const offset = integer(params, 'Offset', 0) ?? 0;
  const all = state.resources.filter(
    (r) =>
      (type === undefined || r.Type === type) &&
      (wanted === undefined || r.State === wanted) &&
      (!keyword || r.Name.includes(keyword) || r.ResourceKey.includes(keyword)),
  );
  return { Records: all.slice(offset, offset + limit), Total: all.length, Limit: limit, Offset: offset };
}

export function createTts(state: VolcState, params: Params, ctx: SandboxContext): unknown {
  const name = str(params, 'Name', true) as string;
  const content = str(params, 'TtsTemplateContent', true) as string;
  const resource: Resource = {
    ResourceKey: `tts-${digits(ctx, 10)}`,
    Name: name,
    Suffix: '',
    Duration: 0,
    State: 1,
    CreateTime: beijingDateTime(ctx.clock.now()),
    Type: 1,
    Remark: str(params, 'Remark') ?? '',
    TtsTemplateContent: content,
  };
  state.resources.push(resource);
  return { ResourceKey: resource.ResourceKey, Suffix: '', Name: name, UploadUrl: '' };
}

export function numberPoolList(state: VolcState, params: Params): unknown {
  const service = integer(params, 'ServiceType');
  const sub = integer(params, 'SubServiceType');
  const limit = integer(params, 'Limit', 1, 500) ?? 20;
  const offset = integer(params, 'Offset', 0) ?? 0;
  const no = str(params, 'NumberPoolNo');
  const name = str(params, 'NumberPoolName');
  const all = state.pools.filter(
    (p) =>
      (service === undefined || p.ServiceType === service) &&
      (sub === undefined || p.SubServiceType === sub) &&
      (!no || p.NumberPoolNo === no) &&
      (!name || p.NumberPoolName.includes(name)),
  );
  return {
    Records: all.slice(offset, offset + limit).map(({ numbers, ...p }) => ({ ...p, NumberCount: numbers.length })),
    Limit: limit,
    Offset: offset,
    Total: all.length,
  };
}

export function createNumberPool(state: VolcState, params: Params, ctx: SandboxContext): unknown {
  const name = str(params, 'Name', true) as string;
  const service = integer(params, 'ServiceType') ?? 100;
  const sub = integer(params, 'SubServiceType') ?? 102;
  const pool: NumberPool = {
    NumberPoolNo: `NP${digits(ctx, 18)}`,
    NumberPoolName: name,
    ServiceType: service,
    ServiceTypeName: service === 200 ? '隐私号' : '普通号码',
    SubServiceType: sub,
    SubServiceTypeName: SUB_SERVICE_NAMES[sub] ?? String(sub),
    numbers: [],
  };
  state.pools.push(pool);
  return { Name: name, NumberPoolNo: pool.NumberPoolNo, ServiceType: service, SubServiceType: sub };
}

export function updateNumberPool(state: VolcState, params: Params): unknown {
  const no = str(params, 'NumberPoolNo', true) as string;
  const pool = state.pools.find((p) => p.NumberPoolNo === no);
  if (!pool) throw invalid('NumberPoolNo', `Number pool ${no} does not exist.`);
  pool.NumberPoolName = str(params, 'Name') ?? pool.NumberPoolName;
  return { Success: true };
}

export function numberList(state: VolcState, params: Params): unknown {
  const no = str(params, 'NumberPoolNo');
  const number = str(params, 'Number');
  const wanted = array(params, 'NumberList')?.map(String);
  const limit = integer(params, 'Limit', 1, 500) ?? 20;
  const offset = integer(params, 'Offset', 0) ?? 0;
  const all = state.pools
    .filter((p) => !no || p.NumberPoolNo === no)
    .flatMap((p) =>
      p.numbers.map((n) => ({
        Number: n,
        NumberStatusCode: 1,
        NumberStatusDesc: '使用中',
        NumberTypeCode: 1,
        NumberTypeDesc: '固话',
        NumberLocation: n.startsWith('010') ? '北京' : '上海',
        NumberPurchaseTime: '2026-01-01 10:00:00',
        NumberPoolNo: p.NumberPoolNo,
        NumberPoolName: p.NumberPoolName,
        NumberPoolTypeCode: p.SubServiceType,
        NumberPoolTypeDesc: p.SubServiceTypeName,
        ServiceTypeCode: p.ServiceType,
        ServiceTypeDesc: p.ServiceTypeName,
        QualificationNo: 'QN000000001',
        QualificationEntity: 'callbridge sandbox',
        CurrentBindCount: 0,
      })),
    )
    .filter((r) => (!number || r.Number === number) && (!wanted || wanted.includes(r.Number)));
  return { Records: all.slice(offset, offset + limit), Limit: limit, Offset: offset, Total: all.length };
}

/** Resource and number-pool operations. */
export const resourceHandlers: Record<string, VolcHandler> = {
  QueryUsableResource: ({ params: p, state }) => usableResources(state, p).map((r) => ({ ...r, TtsTemplateContent: undefined })),
  QueryUsableResourceV2: ({ params: p, state }) => ({ Records: usableResources(state, p) }),
  QueryOpenGetResource: ({ params: p, state }) => openGetResource(state, p),
  OpenCreateTts: ({ params: p, ctx: c, state }) => createTts(state, p, c),
  NumberPoolList: ({ params: p, state }) => numberPoolList(state, p),
  CreateNumberPool: ({ params: p, ctx: c, state }) => createNumberPool(state, p, c),
  UpdateNumberPool: ({ params: p, state }) => updateNumberPool(state, p),
  UpdateNumberPoolV2: ({ params: p, state }) => updateNumberPool(state, p),
  NumberList: ({ params: p, state }) => numberList(state, p),
};
