// PBX authentication: login (MD5 of the password, IP lockout), tokens that expire when idle, heartbeat.
import { createHash } from 'node:crypto';
import type { SandboxContext, SandboxRequest } from '../types.js';
import { hex } from '../sim-util.js';
import { type Body, field, normalizeIp, PbxFailure } from './scope.js';
import { type EventFormat, type Family, PBX_LOCKOUT_MS, PBX_MAX_FAILED_LOGINS, PBX_TOKEN_IDLE_MS, type PbxState, type Session } from './state.js';

export function login(state: PbxState, body: Body, request: SandboxRequest, ctx: SandboxContext, family: Family): Record<string, unknown> {
  const now = ctx.clock.now();
  const ip = normalizeIp(request.remoteAddress);
  const record = state.failures.get(ip) ?? { count: 0 };
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
    state.failures.set(ip, record);
    throw new PbxFailure('20003');
  }
  const port = field(body, 'port');
  if (family === '1.x' && !port) throw new PbxFailure('10004');
  if (port && !/^\d{1,5}$/.test(port)) throw new PbxFailure('20008');
  state.failures.delete(ip);
  const version = field(body, 'version');
  const format: EventFormat = family === '2.0' ? (version === '2.0.0' ? '2.0' : '1.0.0') : version === '1.0.2' ? '1.0.2' : '1.0.0';
  const token = hex(ctx, 32);
  state.sessions.set(token, {
    token,
    ip,
    family,
    format,
    lastUsed: now,
    target: { host: ip, port: port ?? '8260', url: field(body, 'url'), urltag: field(body, 'urltag') },
  });
  return { token };
}

export function findSession(state: PbxState, request: SandboxRequest, ctx: SandboxContext): Session {
  const token = (request.query.token ?? '').trim();
  if (!token) throw new PbxFailure('20005');
  const session = state.sessions.get(token);
  const now = ctx.clock.now();
  if (!session) throw new PbxFailure('20004');
  if (now - session.lastUsed > PBX_TOKEN_IDLE_MS) {
    state.sessions.delete(token);
    throw new PbxFailure('20004');
  }
  session.lastUsed = now;
  return session;
}

export function heartbeat(body: Body, session: Session): Record<string, unknown> {
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
