// Yeastar S-Series style PBX API simulator (also OpenVox UC style clones): /api/{version}/...,
// POST JSON only, HTTP 200 with {"status":"Success"|"Failed","errno"}; login with the MD5 of the
// password, tokens that expire after 30 idle minutes (sandbox time), heartbeat, logout, IP lockout
// after 5 failed logins; extensions, dial and prompt calls through the calls engine, call
// queries and hang-ups, and event reports (1.0.0, 1.0.2 and 2.0 formats) pushed to the receiver
// named at login or heartbeat, or to the sandbox's pbxEventUrl.
// Facts: docs/research/yeastar-pbx.md and seed 000 (outbound/playprompt, v0.0.1).
import { createHash } from 'node:crypto';
import type { InjectedFault, PlacedCall, SandboxContext, SandboxRequest, SandboxResponse, VendorSimulator } from '../types.js';
import { beijingDateTime, header, hex, isTerminal } from '../volcengine/sim-util.js';

/** Idle time after which a token is gone (errno 20004). */
export const PBX_TOKEN_IDLE_MS = 30 * 60_000;
/** Failed logins in a row after which the caller's IP is locked out. */
export const PBX_MAX_FAILED_LOGINS = 5;
export const PBX_LOCKOUT_MS = 10 * 60_000;
/** Re-delivery of an event report the receiver did not take (sandbox ms; the vendor documents none). */
export const PBX_EVENT_RETRY_MS = [5_000, 30_000, 120_000];
/** Serial number of the simulated PBX (the "sn" of 1.0.2 and 2.0 event reports). */
export const PBX_SN = '369451090405';
export const PBX_TRUNK = 'sandbox-trunk';

const ERRNO: Record<string, string> = {
  '10003': 'Unsupported API request.',
  '10004': 'The required parameter is blank.',
  '10006': 'The extension does not exist.',
  '10007': 'The call does not exist.',
  '10023': 'The audio file does not exist.',
  '10024': 'The extension does not have outbound call permission.',
  '10031': "The callee number doesn't meet the requirement.",
  '20000': 'Only support json format.',
  '20001': 'Only support POST request.',
  '20002': 'User login failure (user locked out).',
  '20003': 'User login failure (invalid username or password).',
  '20004': 'No such Token.',
  '20005': 'Token is blank.',
  '20008': 'Port error.',
  '30003': 'The API server process is not running.',
};

class PbxFailure extends Error {
  constructor(readonly errno: string) {
    super(ERRNO[errno] ?? errno);
  }
}

type Family = '1.x' | '2.0';
/** Event report format chosen at login: 1.0.0 (default of 1.x and of 2.0 without version), 1.0.2, or 2.0. */
type EventFormat = '1.0.0' | '1.0.2' | '2.0';

interface Session {
  token: string;
  ip: string;
  family: Family;
  format: EventFormat;
  lastUsed: number;
  /** Event receiver from login/heartbeat: ip/port/url/urltag. */
  target: { host: string; port: string; url?: string; urltag?: string };
}

interface Extension {
  number: string;
  username: string;
  type: string;
  status: string;
  outbound: boolean;
}

interface PbxCall {
  callid: string;
  /** Trunk leg ID of an external call (outboundid). */
  outboundid?: string;
  /** 'outbound': external number through the trunk; 'extension': an internal call. */
  kind: 'outbound' | 'extension';
  target: string;
  fromExt?: string;
  prompt?: string;
  operation: string;
  session?: Session;
  format: EventFormat;
  extChannel?: string;
  trunkChannel?: string;
  /** Hung up through the API at this sandbox time. */
  hungUpAt?: number;
  /** Events already reported: ring, answer, end. */
  reported: Set<string>;
  done: boolean;
}

function defaultExtensions(): Extension[] {
  return [
    { number: '1000', username: 'Reception', type: 'SIP', status: 'Registered', outbound: true },
    { number: '1001', username: 'Sales', type: 'SIP', status: 'Registered', outbound: true },
    { number: '1002', username: 'Support', type: 'SIP', status: 'Registered', outbound: true },
    { number: '1003', username: 'Warehouse', type: 'FXS', status: 'Idle', outbound: true },
    { number: '1004', username: 'Lobby phone', type: 'SIP', status: 'Registered', outbound: false },
    { number: '1005', username: 'Spare', type: 'SIP', status: 'Unavailable', outbound: true },
  ];
}

type Body = Record<string, unknown>;

function field(body: Body, name: string): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  const s = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
  return s === '' ? undefined : s;
}

function required(body: Body, name: string): string {
  const v = field(body, name);
  if (v === undefined) throw new PbxFailure('10004');
  return v;
}

const DIALLABLE = /^[0-9+*#]{1,32}$/;

/** Prompt file names: each must contain a letter and carry no extension; "+" joins several. */
function checkPrompt(prompt: string): void {
  if (!prompt.split('+').every((name) => /[A-Za-z]/.test(name) && !/\.\w{2,4}$/.test(name))) throw new PbxFailure('10023');
}

function normalizeIp(address: string): string {
  const a = address.replace(/^::ffff:/, '');
  return a === '::1' ? '127.0.0.1' : a;
}

export class PbxSimulator implements VendorSimulator {
  readonly vendor = 'pbx' as const;
  private sessions = new Map<string, Session>();
  private failures = new Map<string, { count: number; lockedUntil?: number }>();
  private extensions = defaultExtensions();
  private calls = new Map<string, PbxCall>();
  private active = new Set<PbxCall>();
  private seq = 100;
  private channelSeq = 0;

  reset(): void {
    this.sessions.clear();
    this.failures.clear();
    this.extensions = defaultExtensions();
    this.calls.clear();
    this.active.clear();
    this.seq = 100;
    this.channelSeq = 0;
  }

  tick(ctx: SandboxContext): void {
    this.step(ctx);
  }

  faultResponse(fault: InjectedFault): SandboxResponse {
    // A PBX has no throttling code; both faults look like its API server being unavailable.
    return fault === '5xx' ? { status: 503, headers: { 'Content-Type': 'text/html' }, body: '<html><body>503 Service Unavailable</body></html>' } : this.failed('30003');
  }

  handle(request: SandboxRequest, ctx: SandboxContext): SandboxResponse {
    const path = request.path.split('?')[0];
    const m = /^\/api\/(v[\d.]+)\/([A-Za-z_/]+?)\/?$/.exec(path);
    if (!m) return { status: 404, headers: { 'Content-Type': 'text/html' }, body: '<html><body>404 Not Found</body></html>' };
    const version = m[1];
    const family: Family | undefined = /^v2\./.test(version) ? '2.0' : /^v[01]\./.test(version) ? '1.x' : undefined;
    this.step(ctx);
    try {
      if (request.method !== 'POST') throw new PbxFailure('20001');
      const body = this.parseBody(request);
      if (!family) throw new PbxFailure('10003');
      const endpoint = m[2];
      if (endpoint === 'login') return this.ok(this.login(body, request, ctx, family));
      const session = this.session(request, ctx);
      const result = this.dispatch(endpoint, family, version, body, session, ctx);
      this.step(ctx);
      return this.ok(result);
    } catch (error) {
      if (error instanceof PbxFailure) return this.failed(error.errno);
      throw error;
    }
  }

  private ok(payload: Record<string, unknown>): SandboxResponse {
    return this.respond({ status: 'Success', ...payload });
  }

  private failed(errno: string): SandboxResponse {
    return this.respond({ status: 'Failed', errno });
  }

  private respond(body: unknown): SandboxResponse {
    return {
      status: 200,
      headers: {
        'Content-Type': 'application/json',
        'Access-control-allow-origin': '*',
        'Access-control-allow-methods': 'GET, POST, OPTIONS, PUT, DELETE',
      },
      body: JSON.stringify(body),
    };
  }

  private parseBody(request: SandboxRequest): Body {
    const text = request.body.trim();
    const type = (header(request, 'content-type') ?? '').toLowerCase();
    if (!text) return {};
    if (type && !type.includes('json')) throw new PbxFailure('20000');
    try {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new PbxFailure('20000');
      return parsed as Body;
    } catch {
      throw new PbxFailure('20000');
    }
  }

  // ---- authentication ----

  private login(body: Body, request: SandboxRequest, ctx: SandboxContext, family: Family): Record<string, unknown> {
    const now = ctx.clock.now();
    const ip = normalizeIp(request.remoteAddress);
    const record = this.failures.get(ip) ?? { count: 0 };
    if (record.lockedUntil !== undefined && record.lockedUntil > now) throw new PbxFailure('20002');
    const username = field(body, 'username');
    const password = field(body, 'password');
    const account = ctx.accounts.pbx;
    const expected = createHash('md5').update(account.password, 'utf8').digest('hex');
    if (username !== account.username || password?.toLowerCase() !== expected) {
      record.count += 1;
      record.lockedUntil = undefined;
      if (record.count >= PBX_MAX_FAILED_LOGINS) {
        record.count = 0;
        record.lockedUntil = now + PBX_LOCKOUT_MS;
      }
      this.failures.set(ip, record);
      throw new PbxFailure('20003');
    }
    const port = field(body, 'port');
    if (family === '1.x' && !port) throw new PbxFailure('10004');
    if (port && !/^\d{1,5}$/.test(port)) throw new PbxFailure('20008');
    this.failures.delete(ip);
    const version = field(body, 'version');
    const format: EventFormat = family === '2.0' ? (version === '2.0.0' ? '2.0' : '1.0.0') : version === '1.0.2' ? '1.0.2' : '1.0.0';
    const token = hex(ctx, 32);
    this.sessions.set(token, {
      token,
      ip,
      family,
      format,
      lastUsed: now,
      target: { host: ip, port: port ?? '8260', url: field(body, 'url'), urltag: field(body, 'urltag') },
    });
    return { token };
  }

  private session(request: SandboxRequest, ctx: SandboxContext): Session {
    const token = (request.query.token ?? '').trim();
    if (!token) throw new PbxFailure('20005');
    const session = this.sessions.get(token);
    const now = ctx.clock.now();
    if (!session) throw new PbxFailure('20004');
    if (now - session.lastUsed > PBX_TOKEN_IDLE_MS) {
      this.sessions.delete(token);
      throw new PbxFailure('20004');
    }
    session.lastUsed = now;
    return session;
  }

  // ---- endpoints ----

  private dispatch(endpoint: string, family: Family, version: string, body: Body, session: Session, ctx: SandboxContext): Record<string, unknown> {
    const both: Record<string, () => Record<string, unknown>> = {
      heartbeat: () => this.heartbeat(body, session),
      logout: () => {
        this.sessions.delete(session.token);
        return {};
      },
      'extension/query': () => this.extensionQuery(body, family),
    };
    const v1: Record<string, () => Record<string, unknown>> = {
      'extensionlist/query': () => ({ extlist: this.extensions.map((e) => ({ extnumber: e.number, status: this.extStatus(e, ctx), type: e.type, username: e.username, agentid: '' })) }),
      'extension/dial_outbound': () => this.dialOutbound(required(body, 'extid'), required(body, 'outto'), session, ctx, 'pbx.extension.dial_outbound'),
      'extension/dial_extension': () => this.dialExtension(required(body, 'caller'), required(body, 'callee'), session, ctx),
      'outbound/playprompt': () => {
        const result = this.playOutbound(required(body, 'outto'), required(body, 'prompt'), field(body, 'fromext'), session, ctx);
        return version === 'v0.0.1' ? {} : result;
      },
      'extension/playprompt': () => {
        const result = this.playExtension(required(body, 'extid'), required(body, 'prompt'), session, ctx);
        return version === 'v0.0.1' ? {} : result;
      },
      'outbound/query': () => this.outboundQuery(field(body, 'outboundid'), ctx),
      'inbound/query': () => {
        if (field(body, 'inboundid')) throw new PbxFailure('10007');
        return { inbound: [] };
      },
      'outbound/hangup': () => this.hangup(ctx, (c) => c.outboundid === required(body, 'outboundid')),
      'inbound/hangup': () => {
        required(body, 'inboundid');
        throw new PbxFailure('10007');
      },
      'extension/hangup': () => {
        const ext = required(body, 'extid');
        this.extension(ext);
        return this.hangup(ctx, (c) => c.fromExt === ext || (c.kind === 'extension' && c.target === ext));
      },
    };
    const v2: Record<string, () => Record<string, unknown>> = {
      'extension/list': () => ({ extlist: this.extensions.map((e) => ({ number: e.number, username: e.username, type: e.type, status: this.extStatus(e, ctx) })) }),
      'call/dial': () => {
        const caller = required(body, 'caller');
        const callee = required(body, 'callee');
        const dialpermission = field(body, 'dialpermission');
        if (this.isExtension(callee)) return this.dialExtension(caller, callee, session, ctx);
        const from = this.isExtension(caller) ? caller : (dialpermission ?? caller);
        return this.dialOutbound(from, callee, session, ctx, 'pbx.extension.dial_outbound');
      },
      'call/playprompt': () => {
        const number = required(body, 'number');
        const prompt = required(body, 'prompt');
        const volume = field(body, 'volume');
        if (volume !== undefined && !(Number(volume) >= 0 && Number(volume) <= 20)) throw new PbxFailure('10004');
        if (this.isExtension(number)) return this.playExtension(number, prompt, session, ctx);
        return this.playOutbound(number, prompt, field(body, 'dialpermission'), session, ctx);
      },
      'call/query': () => this.callQuery(field(body, 'callid'), field(body, 'type'), ctx),
      'call/hangup': () => {
        const channel = required(body, 'channelid');
        return this.hangup(ctx, (c) => c.extChannel === channel || c.trunkChannel === channel);
      },
    };
    const handler = both[endpoint] ?? (family === '2.0' ? v2 : v1)[endpoint];
    if (!handler) throw new PbxFailure('10003');
    return handler();
  }

  private heartbeat(body: Body, session: Session): Record<string, unknown> {
    const port = field(body, 'port');
    if (port && !/^\d{1,5}$/.test(port)) throw new PbxFailure('20008');
    const ipaddr = field(body, 'ipaddr');
    if (ipaddr) session.target.host = ipaddr;
    if (port) session.target.port = port;
    const url = field(body, 'url');
    if (url) session.target.url = url;
    const tag = field(body, 'urltag') ?? field(body, 'urlflag');
    if (tag) session.target.urltag = tag;
    if (session.family === '2.0' && field(body, 'version') === '2.0.0') session.format = '2.0';
    return {};
  }

  private isExtension(number: string): boolean {
    return this.extensions.some((e) => e.number === number);
  }

  private extension(number: string): Extension {
    const ext = this.extensions.find((e) => e.number === number);
    if (!ext) throw new PbxFailure('10006');
    return ext;
  }

  private extStatus(ext: Extension, ctx: SandboxContext): string {
    for (const call of this.active) {
      if (call.fromExt !== ext.number && !(call.kind === 'extension' && call.target === ext.number)) continue;
      const placed = ctx.getCall(call.callid);
      if (placed && !this.ended(call, placed)) return placed.answerAt !== undefined ? 'Busy' : 'Ringing';
    }
    return ext.status;
  }

  private extensionQuery(body: Body, family: Family): Record<string, unknown> {
    const wanted = field(body, family === '2.0' ? 'number' : 'extid') ?? field(body, 'extid');
    const numbers = wanted ? wanted.split(',').map((s) => s.trim()) : this.extensions.map((e) => e.number);
    const list = numbers.map((n) => this.extension(n));
    return {
      extinfos: list.map((e) => ({
        [family === '2.0' ? 'number' : 'extid']: e.number,
        username: e.username,
        type: e.type,
        status: e.status,
        callerid: e.number,
        hasvoicemail: 'off',
        outboundpermission: e.outbound ? 'yes' : 'no',
      })),
    };
  }

  // ---- placing calls ----

  private nextId(ctx: SandboxContext): string {
    this.seq += 1;
    return `${Math.floor(ctx.clock.now() / 1000)}.${this.seq}`;
  }

  private channel(name: string): string {
    this.channelSeq += 1;
    return `PJSIP/${name}-${this.channelSeq.toString(16).padStart(8, '0')}`;
  }

  private place(
    ctx: SandboxContext,
    session: Session,
    init: { kind: PbxCall['kind']; target: string; fromExt?: string; prompt?: string; operation: string },
  ): PbxCall {
    const callid = this.nextId(ctx);
    const call: PbxCall = {
      callid,
      outboundid: init.kind === 'outbound' ? this.nextId(ctx) : undefined,
      ...init,
      session,
      format: session.format,
      extChannel: init.fromExt ? this.channel(init.fromExt) : init.kind === 'extension' ? this.channel(init.target) : undefined,
      trunkChannel: init.kind === 'outbound' ? this.channel(`trunk-${PBX_TRUNK}-endpoint`) : undefined,
      reported: new Set(),
      done: false,
    };
    ctx.placeCall({ id: callid, vendor: 'pbx', operation: init.operation, number: init.target, callerNumber: init.fromExt, outId: undefined });
    this.calls.set(callid, call);
    this.active.add(call);
    return call;
  }

  private dialOutbound(extid: string, outto: string, session: Session, ctx: SandboxContext, operation: string): Record<string, unknown> {
    const ext = this.extension(extid);
    if (!DIALLABLE.test(outto)) throw new PbxFailure('10031');
    if (!ext.outbound) throw new PbxFailure('10024');
    return { callid: this.place(ctx, session, { kind: 'outbound', target: outto, fromExt: extid, operation }).callid };
  }

  private dialExtension(caller: string, callee: string, session: Session, ctx: SandboxContext): Record<string, unknown> {
    this.extension(caller);
    this.extension(callee);
    return { callid: this.place(ctx, session, { kind: 'extension', target: callee, fromExt: caller, operation: 'pbx.extension.dial_extension' }).callid };
  }

  private playOutbound(outto: string, prompt: string, fromext: string | undefined, session: Session, ctx: SandboxContext): Record<string, unknown> {
    if (!DIALLABLE.test(outto)) throw new PbxFailure('10031');
    checkPrompt(prompt);
    if (fromext !== undefined && !this.extension(fromext).outbound) throw new PbxFailure('10024');
    return { callid: this.place(ctx, session, { kind: 'outbound', target: outto, prompt, operation: 'pbx.outbound.playprompt' }).callid };
  }

  private playExtension(extid: string, prompt: string, session: Session, ctx: SandboxContext): Record<string, unknown> {
    this.extension(extid);
    checkPrompt(prompt);
    return { callid: this.place(ctx, session, { kind: 'extension', target: extid, prompt, operation: 'pbx.extension.playprompt' }).callid };
  }

  // ---- queries and hang-ups ----

  /** End of the call: the engine's hang-up, or an earlier API hang-up. */
  private endOf(call: PbxCall, placed: PlacedCall): number | undefined {
    const natural = isTerminal(placed) ? (placed.endAt ?? placed.createdAt) : undefined;
    if (call.hungUpAt !== undefined && (natural === undefined || call.hungUpAt < natural)) return call.hungUpAt;
    return natural;
  }

  private ended(call: PbxCall, placed: PlacedCall): boolean {
    return this.endOf(call, placed) !== undefined;
  }

  private liveCalls(ctx: SandboxContext): Array<{ call: PbxCall; placed: PlacedCall }> {
    const out: Array<{ call: PbxCall; placed: PlacedCall }> = [];
    for (const call of this.active) {
      const placed = ctx.getCall(call.callid);
      if (placed && !this.ended(call, placed)) out.push({ call, placed });
    }
    return out;
  }

  private outboundQuery(ids: string | undefined, ctx: SandboxContext): Record<string, unknown> {
    const wanted = ids?.split(',').map((s) => s.trim());
    const live = this.liveCalls(ctx).filter(({ call }) => call.kind === 'outbound' && (!wanted || wanted.includes(call.outboundid as string)));
    if (wanted && !live.length) throw new PbxFailure('10007');
    return {
      outbound: live.map(({ call, placed }) => ({
        outboundid: call.outboundid,
        from: call.fromExt ?? '',
        to: call.target,
        trunk: PBX_TRUNK,
        status: placed.answerAt !== undefined ? 'Talking' : placed.ringAt !== undefined ? 'Ringing' : 'Dialing',
      })),
    };
  }

  private members(call: PbxCall, placed: PlacedCall, status?: string): Array<Record<string, unknown>> {
    const memberStatus = status ?? (placed.answerAt !== undefined ? 'ANSWER' : placed.ringAt !== undefined ? 'RING' : 'ALERT');
    const members: Array<Record<string, unknown>> = [];
    if (call.fromExt) members.push({ ext: { number: call.fromExt, channelid: call.extChannel, memberstatus: status ?? 'ANSWERED', callpath: '' } });
    if (call.kind === 'outbound') {
      members.push({ outbound: { from: call.fromExt ?? '', to: call.target, trunkname: PBX_TRUNK, channelid: call.trunkChannel, memberstatus: memberStatus, callpath: '' } });
    } else {
      members.push({ ext: { number: call.target, channelid: call.extChannel, memberstatus: memberStatus, callpath: '' } });
    }
    return members;
  }

  private callQuery(callid: string | undefined, type: string | undefined, ctx: SandboxContext): Record<string, unknown> {
    const live = this.liveCalls(ctx).filter(
      ({ call }) => (!callid || call.callid === callid) && (!type || (type === 'outbound' ? call.kind === 'outbound' : type === 'inbound' ? false : true)),
    );
    if (callid && !live.length) throw new PbxFailure('10007');
    return { calls: live.map(({ call, placed }) => ({ callid: call.callid, members: this.members(call, placed) })) };
  }

  private hangup(ctx: SandboxContext, match: (call: PbxCall) => boolean): Record<string, unknown> {
    const found = this.liveCalls(ctx).find(({ call }) => match(call));
    if (!found) throw new PbxFailure('10007');
    found.call.hungUpAt = ctx.clock.now();
    ctx.endCall(found.call.callid, 'platform');
    this.report(found.call, ctx);
    return { callid: found.call.callid };
  }

  // ---- event reports ----

  private step(ctx: SandboxContext): void {
    for (const call of [...this.active]) {
      this.report(call, ctx);
      if (call.done) this.active.delete(call);
    }
  }

  private eventUrl(call: PbxCall, ctx: SandboxContext): string | undefined {
    if (ctx.config.pbxEventUrl) return ctx.config.pbxEventUrl;
    const session = call.session;
    if (!session || !this.sessions.has(session.token)) return undefined;
    const { host, port, url, urltag } = session.target;
    if (url && urltag === '1') return /^https?:\/\//.test(url) ? url : `http://${url}`;
    const h = host.includes(':') ? `[${host}]` : host;
    return `http://${h}:${port}/${(url ?? '').replace(/^\/+/, '')}`;
  }

  private send(call: PbxCall, ctx: SandboxContext, event: Record<string, unknown>): void {
    const url = this.eventUrl(call, ctx);
    if (!url) return;
    const body = call.format === '1.0.0' ? event : { ...event, sn: PBX_SN };
    ctx.push(url, body, PBX_EVENT_RETRY_MS, { kind: `PBX ${String(event.action ?? event.event)}`, timeoutMs: 3000 });
  }

  /** 1.x participants: 1.0.0 puts them at top level (one per key), 1.0.2 in a "call" array. */
  private parties(call: PbxCall, format: EventFormat): Record<string, unknown> {
    const list: Array<Record<string, unknown>> = [];
    if (call.kind === 'outbound') list.push({ outbound: { from: call.fromExt ?? '', to: call.target, trunk: PBX_TRUNK, outboundid: call.outboundid } });
    else list.push({ ext: { extid: call.target } });
    if (call.fromExt && call.kind === 'outbound') list.push({ ext: { extid: call.fromExt } });
    if (format === '1.0.2') return { call: list };
    return Object.assign({}, ...list.reverse()) as Record<string, unknown>;
  }

  private event1x(call: PbxCall, action: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { action, callid: call.callid, ...this.parties(call, call.format), ...extra };
  }

  private report(call: PbxCall, ctx: SandboxContext): void {
    if (call.done) return;
    const placed = ctx.getCall(call.callid);
    if (!placed) return;
    const end = this.endOf(call, placed);
    const v2 = call.format === '2.0';
    const status = (s: string) => ({ event: 'CallStatus', callid: call.callid, members: this.members(call, placed, s) });
    if (placed.ringAt !== undefined && !call.reported.has('ring')) {
      call.reported.add('ring');
      this.send(call, ctx, v2 ? status('RING') : this.event1x(call, 'RING'));
    }
    const answered = placed.answerAt !== undefined && (end === undefined || placed.answerAt <= end);
    if (answered && !call.reported.has('answer')) {
      call.reported.add('answer');
      this.send(call, ctx, v2 ? status('ANSWER') : this.event1x(call, 'ANSWER'));
    }
    if (end === undefined) return;
    call.done = true;
    if (answered && call.prompt) {
      const promptEnd = v2 ? { event: 'PlayPromptEnd', callid: call.callid, members: this.members(call, placed, 'ANSWER'), prompt: call.prompt } : this.event1x(call, 'PlayPromptEnd', { prompt: call.prompt });
      this.send(call, ctx, promptEnd);
    }
    if (v2) this.send(call, ctx, status('BYE'));
    else if (answered) this.send(call, ctx, this.event1x(call, 'BYE'));
    else this.send(call, ctx, this.event1x(call, 'CallFailed', { reason: this.failureReason(call, placed) }));
    this.send(call, ctx, this.cdr(call, placed, end, answered));
  }

  private failureReason(call: PbxCall, placed: PlacedCall): string {
    if (call.hungUpAt !== undefined) return '487 Request Terminated';
    const old = call.format === '1.0.0';
    switch (placed.status) {
      case 'busy':
        return old ? 'User busy' : '486 Busy Here';
      case 'no_answer':
        return old ? 'Line unreachable' : '480 Temporarily unavailable';
      case 'power_off':
        return old ? 'Line unreachable' : '480 Temporarily unavailable';
      default:
        return old ? 'Line unreachable' : '404 NOT found';
    }
  }

  private cdr(call: PbxCall, placed: PlacedCall, end: number, answered: boolean): Record<string, unknown> {
    const from = call.fromExt ?? (call.kind === 'outbound' ? 'API' : '');
    const status = answered ? 'ANSWERED' : placed.status === 'busy' ? 'BUSY' : 'NO ANSWER';
    const talk = answered ? Math.max(0, Math.round((end - (placed.answerAt as number)) / 1000)) : 0;
    const type = call.kind === 'outbound' ? 'Outbound' : 'Internal';
    const stamp = beijingDateTime(placed.createdAt);
    const recording = answered ? `${stamp.replace(/\D/g, '')}-${call.callid}-${from}-${call.target}-${type}.wav` : '';
    const base = {
      callid: call.callid,
      timestart: stamp,
      callfrom: from,
      callto: call.target,
      callduraction: String(Math.max(0, Math.round((end - placed.createdAt) / 1000))),
      talkduraction: String(talk),
      status,
      type,
      recording,
    };
    if (call.format === '2.0') {
      return { event: 'NewCdr', ...base, srctrunkname: '', dsttrcunkname: call.kind === 'outbound' ? PBX_TRUNK : '', pincode: '', didnumber: '', agentringtime: '0' };
    }
    return { action: 'NewCdr', ...base, desttrunkname: call.kind === 'outbound' ? PBX_TRUNK : '', ...(call.format === '1.0.2' ? { cdrid: call.callid, didnumber: '', agentringtime: '0' } : {}) };
  }
}

/** A fresh simulator with its own state (one per sandbox server). */
export function createPbxSimulator(): PbxSimulator {
  return new PbxSimulator();
}

export default createPbxSimulator;
