// The PBX API endpoints as handler maps over the scope (body, session, family, version, ctx, state).
import { callQuery, dialExtension, dialOutbound, extensionQuery, hangup, outboundQuery, playExtension, playOutbound } from './call-api.js';
import { extStatus, findExtension, isExtension } from './calls.js';
import { field, PbxFailure, required, type PbxHandler } from './scope.js';
import { heartbeat } from './session.js';
import { PBX_TRUNK } from './state.js';

/** The sandbox's one trunk, as trunklist/query (1.x) and trunk/list (v2.0.0) list it. */
const trunkList = () => ({ trunklist: [{ trunkname: PBX_TRUNK, type: 'SIP', status: 'Registered' }] });

/** Endpoints of every API version. */
export const COMMON_ENDPOINTS: Record<string, PbxHandler> = {
  heartbeat: ({ body, session }) => heartbeat(body, session),
  logout: ({ session, state }) => {
    state.sessions.delete(session.token);
    return {};
  },
  'extension/query': ({ body, family, state }) => extensionQuery(state, body, family),
};

/** Endpoints of the 1.x API (and the v0.0.1 clones). */
export const V1_ENDPOINTS: Record<string, PbxHandler> = {
  'extensionlist/query': ({ ctx, state }) => ({ extlist: state.extensions.map((e) => ({ extnumber: e.number, status: extStatus(state, e, ctx), type: e.type, username: e.username, agentid: '' })) }),
  'trunklist/query': trunkList,
  'extension/dial_outbound': ({ body, session, ctx, state }) => dialOutbound(state, required(body, 'extid'), required(body, 'outto'), session, ctx, 'pbx.extension.dial_outbound'),
  'extension/dial_extension': ({ body, session, ctx, state }) => dialExtension(state, required(body, 'caller'), required(body, 'callee'), session, ctx),
  'outbound/playprompt': ({ body, session, version, ctx, state }) => {
    const result = playOutbound(state, required(body, 'outto'), required(body, 'prompt'), field(body, 'fromext'), session, ctx);
    return version === 'v0.0.1' ? {} : result;
  },
  'extension/playprompt': ({ body, session, version, ctx, state }) => {
    const result = playExtension(state, required(body, 'extid'), required(body, 'prompt'), session, ctx);
    return version === 'v0.0.1' ? {} : result;
  },
  'outbound/query': ({ body, ctx, state }) => outboundQuery(state, field(body, 'outboundid'), ctx),
  'inbound/query': ({ body }) => {
    if (field(body, 'inboundid')) throw new PbxFailure('10007');
    return { inbound: [] };
  },
  'outbound/hangup': ({ body, ctx, state }) => hangup(state, ctx, (c) => c.outboundid === required(body, 'outboundid')),
  'inbound/hangup': ({ body }) => {
    required(body, 'inboundid');
    throw new PbxFailure('10007');
  },
  'extension/hangup': ({ body, ctx, state }) => {
    const ext = required(body, 'extid');
    findExtension(state, ext);
    return hangup(state, ctx, (c) => c.fromExt === ext || (c.kind === 'extension' && c.target === ext));
  },
};

/** Endpoints of the 2.0 API. */
export const V2_ENDPOINTS: Record<string, PbxHandler> = {
  'extension/list': ({ ctx, state }) => ({ extlist: state.extensions.map((e) => ({ number: e.number, username: e.username, type: e.type, status: extStatus(state, e, ctx) })) }),
  'trunk/list': trunkList,
  'call/dial': ({ body, session, ctx, state }) => {
    const caller = required(body, 'caller');
    const callee = required(body, 'callee');
    const dialpermission = field(body, 'dialpermission');
    if (isExtension(state, callee)) return dialExtension(state, caller, callee, session, ctx);
    const from = isExtension(state, caller) ? caller : (dialpermission ?? caller);
    return dialOutbound(state, from, callee, session, ctx, 'pbx.extension.dial_outbound');
  },
  'call/playprompt': ({ body, session, ctx, state }) => {
    const number = required(body, 'number');
    const prompt = required(body, 'prompt');
    const volume = field(body, 'volume');
    if (volume !== undefined && !(Number(volume) >= 0 && Number(volume) <= 20)) throw new PbxFailure('10004');
    if (isExtension(state, number)) return playExtension(state, number, prompt, session, ctx);
    return playOutbound(state, number, prompt, field(body, 'dialpermission'), session, ctx);
  },
  'call/query': ({ body, ctx, state }) => callQuery(state, field(body, 'callid'), field(body, 'type'), ctx),
  'call/hangup': ({ body, ctx, state }) => {
    const channel = required(body, 'channelid');
    return hangup(state, ctx, (c) => c.extChannel === channel || c.trunkChannel === channel);
  },
};
