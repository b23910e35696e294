import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CallbridgeClient } from '../../core/client.js';
import { CallbridgeError } from '../../core/errors.js';
import { catalog } from '../../core/registry.js';
import type { PbxApiVersion } from '../../core/operation.js';
import type { HttpRequest, Transport } from '../../core/transport.js';
import { UndiciTransport } from '../../mcp/undici-transport.js';
import { systemRuntime } from '../../mcp/runtime.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import type { PlacedCall } from '../../sandbox/types.js';
import { startRecordingServer } from '../helpers/recording-server.js';
import { manualClock } from './helpers.js';
import { waitFor } from '../helpers/wait-for.js';

const USER = 'api';
const PASSWORD = 'pbx-test-password';
const env = { CALLBRIDGE_PBX_USERNAME: USER, CALLBRIDGE_PBX_PASSWORD: PASSWORD };
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

type Obj = Record<string, unknown>;

let sandbox: RunningSandbox;
let receiver: Awaited<ReturnType<typeof startRecordingServer>>;
const transports: UndiciTransport[] = [];

/** The client's transport, counting the requests it sends. */
function counting(): Transport & { sent: HttpRequest[] } {
  const inner = new UndiciTransport();
  transports.push(inner);
  const sent: HttpRequest[] = [];
  return { sent, send: (request, options) => (sent.push(request), inner.send(request, options)) };
}

function pbxClient(box: RunningSandbox, transport: Transport, options: { apiVersion?: PbxApiVersion; password?: string; eventPort?: string } = {}) {
  return new CallbridgeClient(
    { validateOutput: true,
      pbx: { baseUrl: `${box.url}/pbx`, username: USER, password: options.password ?? PASSWORD, apiVersion: options.apiVersion, eventPort: options.eventPort },
      transport,
      runtime: systemRuntime,
      maxAttempts: 1,
    },
    catalog,
  );
}

async function raw(box: RunningSandbox, path: string, body: unknown, init: RequestInit = {}): Promise<Obj> {
  const res = await fetch(`${box.url}/pbx${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), ...init });
  expect(res.status).toBe(200);
  return (await res.json()) as Obj;
}


const events = (callid: string) =>
  receiver.requests.map((r) => ({ path: r.url, body: JSON.parse(r.body) as Obj })).filter((e) => e.body.callid === callid);

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 100, seed: 'pbx', env });
  receiver = await startRecordingServer(() => ({ status: 200, body: { status: 'ok' } }));
});

afterEach(async () => {
  await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST' });
});

afterAll(async () => {
  await Promise.all(transports.map((t) => t.close()));
  await sandbox?.close();
  await receiver?.close();
});

describe('PBX simulator through the callbridge client', () => {
  it('logs in once with the MD5 password and reuses the token', async () => {
    const transport = counting();
    const client = pbxClient(sandbox, transport);
    const list = (await client.invoke('pbx.extensionlist.query', {})) as { extlist: Obj[] };
    expect(list.extlist.map((e) => e.extnumber)).toContain('1000');
    await client.invoke('pbx.extension.query', { extid: '1000' });
    const logins = transport.sent.filter((r) => r.url.includes('/login'));
    expect(logins).toHaveLength(1);
    expect(JSON.parse(logins[0].body as string).password).toBe(md5(PASSWORD));
    expect(transport.sent.filter((r) => r.url.includes('token='))).toHaveLength(2);
  });

  it('places a playprompt call visible in /_sandbox/calls and reports its events to the receiver named at login', async () => {
    const client = pbxClient(sandbox, counting(), { eventPort: String(receiver.port) });
    const result = (await client.invoke('pbx.outbound.playprompt', { outto: '013800000001', prompt: 'welcome+goodbye' })) as { callid: string };
    expect(result.callid).toMatch(/^\d+\.\d+$/);
    const calls = (await (await fetch(`${sandbox.url}/_sandbox/calls?vendor=pbx`)).json()) as PlacedCall[];
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ id: result.callid, number: '013800000001', operation: 'pbx.outbound.playprompt' });

    const cdr = await waitFor('the NewCdr report', () => events(result.callid).find((e) => e.body.action === 'NewCdr'));
    const call = (await (await fetch(`${sandbox.url}/_sandbox/calls/${result.callid}`)).json()) as PlacedCall;
    expect(cdr.path).toBe('/');
    expect(cdr.body).toMatchObject({ callto: '013800000001', type: 'Outbound', status: call.status === 'completed' ? 'ANSWERED' : call.status === 'busy' ? 'BUSY' : 'NO ANSWER' });
    const actions = events(result.callid).map((e) => e.body.action);
    if (call.status === 'completed') expect(actions).toEqual(expect.arrayContaining(['RING', 'ANSWER', 'PlayPromptEnd', 'BYE', 'NewCdr']));
    else expect(actions).toContain('CallFailed');
  });

  it('sends event reports to the receiver configured in the sandbox (pbxEventUrl) when one is set', async () => {
    const configure = (pbxEventUrl: string | null) =>
      fetch(`${sandbox.url}/_sandbox/config`, { method: 'POST', body: JSON.stringify({ pbxEventUrl }) });
    expect((await configure(`${receiver.url}/configured`)).status).toBe(200);
    try {
      const client = pbxClient(sandbox, counting(), { apiVersion: 'v0.0.1' });
      const answer = (await client.invoke('pbx.extension.playprompt', { extid: 1002, prompt: 'hello' })) as Obj;
      expect(answer.callid).toBeUndefined(); // v0.0.1 answers {"status":"Success"} only
      const [call] = (await (await fetch(`${sandbox.url}/_sandbox/calls?operation=pbx.extension.playprompt`)).json()) as PlacedCall[];
      expect(call.number).toBe('1002');
      const cdr = await waitFor('the NewCdr report', () => events(call.id).find((e) => e.body.action === 'NewCdr'));
      expect(cdr.path).toBe('/configured');
      expect(cdr.body).toMatchObject({ callto: '1002', type: 'Internal' });
    } finally {
      await configure(null);
    }
  });

  it('answers queries and hangs up a call in progress', async () => {
    const client = pbxClient(sandbox, counting());
    const { callid } = (await client.invoke('pbx.extension.dial_outbound', { extid: 1001, outto: '013800000002' })) as { callid: string };
    const query = (await client.invoke('pbx.outbound.query', {})) as { outbound: Obj[] };
    expect(query.outbound).toHaveLength(1);
    expect(query.outbound[0]).toMatchObject({ from: '1001', to: '013800000002' });
    await client.invoke('pbx.outbound.hangup', { outboundid: query.outbound[0].outboundid as string });
    expect(((await client.invoke('pbx.outbound.query', {})) as { outbound: Obj[] }).outbound).toHaveLength(0);
    const [ended] = (await (await fetch(`${sandbox.url}/_sandbox/calls?operation=pbx.extension.dial_outbound`)).json()) as PlacedCall[];
    expect(ended).toMatchObject({ id: callid, hangupSide: 'platform' });
    expect(['completed', 'no_answer']).toContain(ended.status);
    await expect(client.invoke('pbx.outbound.hangup', { outboundid: query.outbound[0].outboundid as string })).rejects.toMatchObject({ code: '10007' });
    expect(callid).toBeTruthy();
    await expect(client.invoke('pbx.extension.dial_outbound', { extid: 1004, outto: '013800000003' })).rejects.toMatchObject({ code: '10024' });
    await expect(client.invoke('pbx.extension.playprompt', { extid: 1999, prompt: 'hello' })).rejects.toMatchObject({ code: '10006' });
  });

  it('speaks API v2.0.0: call/playprompt and 2.0 events when the login asks for version 2.0.0', async () => {
    const login = await raw(sandbox, '/api/v2.0.0/login', { username: USER, password: md5(PASSWORD), version: '2.0.0', url: `127.0.0.1:${receiver.port}/v2events`, urltag: '1' });
    expect(login.status).toBe('Success');
    const token = login.token as string;
    const played = await raw(sandbox, `/api/v2.0.0/call/playprompt?token=${token}`, { number: '013800000009', prompt: 'notice', count: 2 });
    expect(played.status).toBe('Success');
    const callid = played.callid as string;
    const query = await raw(sandbox, `/api/v2.0.0/call/query?token=${token}`, { callid });
    expect((query.calls as Obj[])[0].callid).toBe(callid);
    const cdr = await waitFor('the 2.0 NewCdr', () => events(callid).find((e) => e.body.event === 'NewCdr'));
    expect(cdr.path).toBe('/v2events');
    expect(cdr.body).toMatchObject({ callto: '013800000009', sn: expect.any(String) });
    expect(cdr.body).toHaveProperty('dsttrcunkname');
    expect(events(callid).some((e) => e.body.event === 'CallStatus')).toBe(true);
    // 1.x paths do not exist on the 2.0 API.
    expect(await raw(sandbox, `/api/v2.0.0/outbound/playprompt?token=${token}`, { outto: '1', prompt: 'x' })).toEqual({ status: 'Failed', errno: '10003' });
  });

  it('answers the documented errno for wrong method, body, path and token', async () => {
    const getting = await fetch(`${sandbox.url}/pbx/api/v1.1.0/login`);
    expect(getting.status).toBe(200);
    expect(await getting.json()).toEqual({ status: 'Failed', errno: '20001' });
    expect(await raw(sandbox, '/api/v1.1.0/login', undefined, { body: 'username=api', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).toEqual({ status: 'Failed', errno: '20000' });
    expect(await raw(sandbox, '/api/v1.1.0/extensionlist/query', {})).toEqual({ status: 'Failed', errno: '20005' });
    expect(await raw(sandbox, '/api/v1.1.0/extensionlist/query?token=nope', {})).toEqual({ status: 'Failed', errno: '20004' });
    const { token } = await raw(sandbox, '/api/v1.1.0/login', { username: USER, password: md5(PASSWORD), port: '8260' });
    expect(await raw(sandbox, `/api/v1.1.0/no/such?token=${token as string}`, {})).toEqual({ status: 'Failed', errno: '10003' });
    expect(await raw(sandbox, `/api/v1.1.0/outbound/playprompt?token=${token as string}`, { outto: '123' })).toEqual({ status: 'Failed', errno: '10004' });
    expect(await raw(sandbox, `/api/v1.1.0/logout?token=${token as string}`, {})).toEqual({ status: 'Success' });
    expect(await raw(sandbox, `/api/v1.1.0/heartbeat?token=${token as string}`, { ipaddr: '127.0.0.1', port: '8260' })).toEqual({ status: 'Failed', errno: '20004' });
  });
  it('answers every PBX catalog example with its documented shape or a documented errno', async () => {
    const client = pbxClient(sandbox, counting());
    for (const op of catalog.values()) {
      if (op.product !== 'pbx' || op.id === 'pbx.login' || op.id === 'pbx.logout') continue;
      for (const example of op.examples ?? []) {
        const outcome = await client.invoke(op.id, example.input).catch((e: unknown) => e);
        if (!(outcome instanceof Error)) continue;
        expect(outcome, `${op.id}: ${outcome.message}`).toBeInstanceOf(CallbridgeError);
        const error = outcome as CallbridgeError;
        if (error.kind === 'validation') continue; // a v2.0.0-only example refused by the client for v1.1.0
        expect(['10006', '10007'], `${op.id}: ${error.message}`).toContain(error.code);
      }
    }
  });
});

describe('PBX sessions over sandbox time (a clock the test steps by hand)', () => {
  let fast: RunningSandbox;
  const clock = manualClock();
  const minutes = (n: number) => clock.advance(n * 60_000);
  beforeAll(async () => {
    fast = await startSandbox({ clock, seed: 'pbx-fast', env });
  });
  afterAll(async () => {
    await fast?.close();
  });

  it('expires an idle token after 30 minutes, keeps it alive with heartbeats, and the client logs in again by itself', async () => {
    const first = await raw(fast, '/api/v1.1.0/login', { username: USER, password: md5(PASSWORD), port: '8260' });
    const token = first.token as string;
    for (let i = 0; i < 5; i++) {
      minutes(10);
      expect(await raw(fast, `/api/v1.1.0/heartbeat?token=${token}`, { ipaddr: '127.0.0.1', port: '8260' })).toEqual({ status: 'Success' });
    }
    minutes(35);
    expect(await raw(fast, `/api/v1.1.0/heartbeat?token=${token}`, { ipaddr: '127.0.0.1', port: '8260' })).toEqual({ status: 'Failed', errno: '20004' });

    const transport = counting();
    const client = pbxClient(fast, transport);
    await client.invoke('pbx.extensionlist.query', {});
    minutes(35);
    await client.invoke('pbx.extensionlist.query', {});
    expect(transport.sent.filter((r) => r.url.includes('/login'))).toHaveLength(2);
  });

  it('locks the IP out for 10 minutes after 5 failed logins', async () => {
    const client = pbxClient(fast, counting(), { password: 'wrong' });
    const error = (await client.invoke('pbx.extensionlist.query', {}).catch((e: unknown) => e)) as CallbridgeError;
    expect(error).toBeInstanceOf(CallbridgeError);
    expect(error.code).toBe('20003');
    for (let i = 0; i < 4; i++) {
      expect(await raw(fast, '/api/v1.1.0/login', { username: USER, password: md5('wrong'), port: '8260' })).toEqual({ status: 'Failed', errno: '20003' });
    }
    // Five failures in a row: even the right password is refused now.
    expect(await raw(fast, '/api/v1.1.0/login', { username: USER, password: md5(PASSWORD), port: '8260' })).toEqual({ status: 'Failed', errno: '20002' });
    minutes(9);
    expect(await raw(fast, '/api/v1.1.0/login', { username: USER, password: md5(PASSWORD), port: '8260' })).toEqual({ status: 'Failed', errno: '20002' });
    minutes(2);
    expect((await raw(fast, '/api/v1.1.0/login', { username: USER, password: md5(PASSWORD), port: '8260' })).status).toBe('Success');
  });
});
