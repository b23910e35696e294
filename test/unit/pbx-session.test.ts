// PbxSession (core/vendors/pbx.ts): the PBX login token, over a scripted in-memory transport and a
// fake clock. Also the client's transparent re-login on a dead token.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CallbridgeClient } from '../../core/client.js';
import { CallbridgeError, withSettingHelp } from '../../core/errors.js';
import { catalog } from '../../core/registry.js';
import type { HttpRequest, HttpResponse } from '../../core/transport.js';
import { PBX_HEARTBEAT_MS, PbxSession, type PbxConfig } from '../../core/vendors/pbx/index.js';
import { fakeRuntime, jsonResponse, scriptedTransport } from '../helpers/fakes.js';
import { SETTING_HELP } from '../../mcp/env-config.js';

const PASSWORD = 'Plain-Pbx-Passw0rd!';
const MD5 = createHash('md5').update(PASSWORD).digest('hex');
const config: PbxConfig = { baseUrl: 'https://192.168.5.150:8088/', username: 'api', password: PASSWORD };

const loginOk = (token: string) => jsonResponse(200, { status: 'Success', token });
const failed = (errno: string) => jsonResponse(200, { status: 'Failed', errno });
const success = (extra: Record<string, unknown> = {}) => jsonResponse(200, { status: 'Success', ...extra });

function session(steps: Array<HttpResponse | Error>, cfg: PbxConfig = config) {
  const transport = scriptedTransport(steps);
  const runtime = fakeRuntime();
  return { transport, runtime, session: new PbxSession(cfg, transport, runtime) };
}

const path = (r: HttpRequest) => new URL(r.url).pathname;
const token = (r: HttpRequest) => new URL(r.url).searchParams.get('token');

function neverShowsThePassword(requests: HttpRequest[], ...texts: string[]) {
  for (const text of [...requests.map((r) => `${r.url} ${JSON.stringify(r.headers)} ${r.body ?? ''}`), ...texts]) {
    expect(text).not.toContain(PASSWORD);
  }
}

async function failure(promise: Promise<unknown>): Promise<CallbridgeError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CallbridgeError);
  return error as CallbridgeError;
}

describe('PbxSession login', () => {
  it('sends the MD5 of the password (never the password) and the event port, to /api/<version>/login without a token', async () => {
    const { session: s, transport } = session([loginOk('tok-1')]);
    await expect(s.getToken()).resolves.toBe('tok-1');
    const [login] = transport.requests;
    expect(login.method).toBe('POST');
    expect(login.url).toBe('https://192.168.5.150:8088/api/v1.1.0/login');
    expect(login.headers['Content-Type']).toMatch(/^application\/json/);
    expect(JSON.parse(login.body ?? '')).toEqual({ username: 'api', password: MD5, port: '8260' });
    expect(MD5).toMatch(/^[0-9a-f]{32}$/);
    neverShowsThePassword(transport.requests);
  });

  it('uses the configured API version and event port', async () => {
    const { session: s, transport } = session([loginOk('tok-2')], { ...config, apiVersion: 'v2.0.0', eventPort: '9000' });
    await s.getToken();
    expect(path(transport.requests[0])).toBe('/api/v2.0.0/login');
    expect(JSON.parse(transport.requests[0].body ?? '')).toMatchObject({ password: MD5, port: '9000' });
  });

  it('caches the token and reuses it without logging in again', async () => {
    const { session: s, transport, runtime } = session([loginOk('tok-1')]);
    expect(await s.getToken()).toBe('tok-1');
    await runtime.sleep(PBX_HEARTBEAT_MS - 1000);
    expect(await s.getToken()).toBe('tok-1');
    expect(await s.getToken()).toBe('tok-1');
    expect(transport.requests).toHaveLength(1);
  });

  it('logs in once for concurrent first uses', async () => {
    const { session: s, transport } = session([loginOk('tok-1')]);
    expect(await Promise.all([s.getToken(), s.getToken(), s.getToken()])).toEqual(['tok-1', 'tok-1', 'tok-1']);
    expect(transport.requests).toHaveLength(1);
  });

  it('refuses a 4th login after 3 failed ones in a row; the error names the setting (each front end says how to set it) and never the password', async () => {
    const { session: s, transport } = session([failed('20003'), failed('20003'), failed('20003'), loginOk('never')]);
    for (let i = 0; i < 3; i++) expect((await failure(s.getToken())).code).toBe('20003');
    const refused = await failure(s.getToken());
    expect(refused.kind).toBe('config');
    expect(refused.code).toBe('LoginAttemptsExhausted');
    expect(refused.setting).toBe('pbxCredentials');
    expect(refused.message).toContain('PBX API username and password');
    expect(withSettingHelp(refused, SETTING_HELP)).toContain('CALLBRIDGE_PBX_PASSWORD');
    expect(transport.requests).toHaveLength(3);
    neverShowsThePassword(transport.requests, refused.message, JSON.stringify(refused.toJSON()));
    expect(refused.message).not.toContain(MD5);
  });

  it('counts a Success without a token as a failed login, and a good login resets the count', async () => {
    const { session: s, transport } = session([failed('20003'), success(), loginOk('tok-1'), failed('20004'), failed('20003'), failed('20003'), loginOk('tok-2')]);
    expect((await failure(s.getToken())).code).toBe('20003');
    expect((await failure(s.getToken())).code).toBe('NoToken');
    expect(await s.getToken()).toBe('tok-1');
    // The token dies; two more failures stay below the limit because the good login reset the count.
    s.invalidate('tok-1');
    expect((await failure(s.getToken())).code).toBe('20004');
    expect((await failure(s.getToken())).code).toBe('20003');
    expect((await failure(s.getToken())).code).toBe('20003');
    expect((await failure(s.getToken())).code).toBe('LoginAttemptsExhausted');
    expect(transport.requests).toHaveLength(6);
  });

  it('a late refusal of an old token keeps the newer token (no second re-login)', async () => {
    const { session: s, transport } = session([loginOk('tok-1'), loginOk('tok-2')]);
    expect(await s.getToken()).toBe('tok-1');
    s.invalidate('tok-1');
    expect(await s.getToken()).toBe('tok-2');
    s.invalidate('tok-1');
    expect(await s.getToken()).toBe('tok-2');
    expect(transport.requests).toHaveLength(2);
  });

  it('does not count network failures as failed logins', async () => {
    const { session: s, transport } = session([new Error('ECONNRESET'), new Error('ECONNRESET'), new Error('ECONNRESET'), loginOk('tok-1')]);
    for (let i = 0; i < 3; i++) await expect(s.getToken()).rejects.toThrow('ECONNRESET');
    expect(await s.getToken()).toBe('tok-1');
    expect(transport.requests).toHaveLength(4);
  });
});

describe('PbxSession heartbeat', () => {
  const withHost: PbxConfig = { ...config, eventHost: '192.168.5.20', eventPort: '8280' };

  it('keeps the token alive with a heartbeat naming the event host and port after 20 idle minutes', async () => {
    const { session: s, transport, runtime } = session([loginOk('tok-1'), success(), success()], withHost);
    await s.getToken();
    await runtime.sleep(PBX_HEARTBEAT_MS + 1000);
    expect(await s.getToken()).toBe('tok-1');
    expect(transport.requests.map(path)).toEqual(['/api/v1.1.0/login', '/api/v1.1.0/heartbeat']);
    expect(token(transport.requests[1])).toBe('tok-1');
    // The documented required fields: ipaddr, and port on APIs 1.x (pbx.heartbeat).
    expect(JSON.parse(transport.requests[1].body ?? '')).toEqual({ ipaddr: '192.168.5.20', port: '8280' });
    // The heartbeat counts as use: no second heartbeat right after it.
    expect(await s.getToken()).toBe('tok-1');
    expect(transport.requests).toHaveLength(2);
    await runtime.sleep(PBX_HEARTBEAT_MS + 1000);
    expect(await s.getToken()).toBe('tok-1');
    expect(transport.requests.map(path)).toEqual(['/api/v1.1.0/login', '/api/v1.1.0/heartbeat', '/api/v1.1.0/heartbeat']);
  });

  it('without a configured event host it sends no heartbeat (ipaddr is required) and logs in again instead', async () => {
    const { session: s, transport, runtime } = session([loginOk('tok-1'), loginOk('tok-2')]);
    await s.getToken();
    await runtime.sleep(PBX_HEARTBEAT_MS + 1000);
    expect(await s.getToken()).toBe('tok-2');
    expect(transport.requests.map(path)).toEqual(['/api/v1.1.0/login', '/api/v1.1.0/login']);
    expect(await s.heartbeat()).toBe(false);
    expect(transport.requests).toHaveLength(2);
  });

  it('logs in again when the heartbeat says the token is gone (20004)', async () => {
    const { session: s, transport, runtime } = session([loginOk('tok-1'), failed('20004'), loginOk('tok-2')], withHost);
    await s.getToken();
    await runtime.sleep(45 * 60_000);
    expect(await s.getToken()).toBe('tok-2');
    expect(transport.requests.map(path)).toEqual(['/api/v1.1.0/login', '/api/v1.1.0/heartbeat', '/api/v1.1.0/login']);
  });

  it('heartbeat() without a token sends nothing', async () => {
    const { session: s, transport } = session([], withHost);
    expect(await s.heartbeat()).toBe(false);
    expect(transport.requests).toHaveLength(0);
  });
});

describe('the client and the PBX session', () => {
  function client(steps: Array<HttpResponse | Error>, cfg: PbxConfig = config) {
    const transport = scriptedTransport(steps);
    return { transport, client: new CallbridgeClient({ validateOutput: true, pbx: cfg, transport, runtime: fakeRuntime(), pace: false }, catalog) };
  }

  it('reuses one token for several operations', async () => {
    const { client: c, transport } = client([loginOk('tok-1'), success({ extlist: [] }), success({ outbound: [] })]);
    await c.invoke('pbx.extensionlist.query', {});
    await c.invoke('pbx.outbound.query', {});
    expect(transport.requests.map(path)).toEqual(['/api/v1.1.0/login', '/api/v1.1.0/extensionlist/query', '/api/v1.1.0/outbound/query']);
    expect(transport.requests.slice(1).map(token)).toEqual(['tok-1', 'tok-1']);
  });

  it.each(['20004', '20005', '20006'])('logs in again once, transparently, when an operation answers errno %s', async (errno) => {
    const { client: c, transport } = client([loginOk('tok-1'), failed(errno), loginOk('tok-2'), success({ callid: '1495710387.333' })]);
    await expect(c.invoke('pbx.extension.dial_outbound', { extid: '1000', outto: '013800000000' })).resolves.toMatchObject({ callid: '1495710387.333' });
    expect(transport.requests.map(path)).toEqual(['/api/v1.1.0/login', '/api/v1.1.0/extension/dial_outbound', '/api/v1.1.0/login', '/api/v1.1.0/extension/dial_outbound']);
    expect(transport.requests.map(token)).toEqual([null, 'tok-1', null, 'tok-2']);
  });

  it('does not log in a third time when the new token is refused too', async () => {
    const { client: c, transport } = client([loginOk('tok-1'), failed('20004'), loginOk('tok-2'), failed('20004')]);
    const error = await failure(c.invoke('pbx.extensionlist.query', {}));
    expect(error.code).toBe('20004');
    expect(transport.requests).toHaveLength(4);
  });

  it('refuses to invoke pbx.login directly: nothing is sent and the password given is never echoed', async () => {
    const { client: c, transport } = client([]);
    for (const input of [{ username: 'api', password: PASSWORD }, { username: 'api', password: MD5, port: '8260' }]) {
      const error = await failure(c.invoke('pbx.login', input));
      expect(error.code).toBe('SessionManaged');
      expect(() => c.preview('pbx.login', input)).toThrow(/cannot be invoked directly/);
      expect(JSON.stringify(error.toJSON())).not.toContain(PASSWORD);
      expect(JSON.stringify(error.toJSON())).not.toContain(MD5);
    }
    expect(transport.requests).toHaveLength(0);
  });

  it('a failed login reported through an operation never shows the password or its MD5', async () => {
    const { client: c, transport } = client([jsonResponse(200, { status: 'Failed', errno: '20003', errmsg: `bad password ${MD5}` })]);
    const error = await failure(c.invoke('pbx.extensionlist.query', {}));
    expect(error.code).toBe('20003');
    const shown = JSON.stringify(error.toJSON());
    expect(shown).not.toContain(MD5);
    neverShowsThePassword(transport.requests, shown);
  });

  it('pbx.logout uses the session token; the next operation logs in again by itself', async () => {
    const { client: c, transport } = client([loginOk('tok-1'), success(), failed('20004'), loginOk('tok-2'), success({ extlist: [] })]);
    await c.invoke('pbx.logout', {});
    await c.invoke('pbx.extensionlist.query', {});
    expect(transport.requests.map(path)).toEqual([
      '/api/v1.1.0/login',
      '/api/v1.1.0/logout',
      '/api/v1.1.0/extensionlist/query',
      '/api/v1.1.0/login',
      '/api/v1.1.0/extensionlist/query',
    ]);
    expect(transport.requests.map(token)).toEqual([null, 'tok-1', 'tok-1', null, 'tok-2']);
  });
});
