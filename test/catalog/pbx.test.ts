// PBX operations: one input, the right path and body for each API version (1.x vs v2.0.0).
import { describe, expect, it } from 'vitest';
import { CallbridgeClient } from '../../core/client.js';
import { CallbridgeError } from '../../core/errors.js';
import type { PbxApiVersion } from '../../core/operation.js';
import { catalog } from '../../core/registry.js';
import { fakeRuntime, jsonResponse, scriptedTransport } from '../helpers/fakes.js';

const PASSWORD = 'pbx-catalog-secret';

function client(apiVersion: PbxApiVersion, steps: Parameters<typeof scriptedTransport>[0] = []) {
  const transport = scriptedTransport(steps);
  const c = new CallbridgeClient(
    { validateOutput: true, pbx: { baseUrl: 'https://pbx.example:8088', username: 'api', password: PASSWORD, apiVersion }, transport, runtime: fakeRuntime(), pace: false },
    catalog,
  );
  return { client: c, transport };
}

function sent(apiVersion: PbxApiVersion, id: string, input: Record<string, unknown>) {
  const request = client(apiVersion).client.preview(id, input);
  const url = new URL(request.url);
  return { path: url.pathname, token: url.searchParams.get('token'), body: JSON.parse(request.body ?? '') as Record<string, unknown> };
}

// [operation, input, 1.x path, 1.x body, v2.0.0 path, v2.0.0 body]
const cases: Array<[string, Record<string, unknown>, string, Record<string, unknown>, string, Record<string, unknown>]> = [
  ['pbx.extensionlist.query', {}, 'extensionlist/query', {}, 'extension/list', {}],
  ['pbx.extension.query', { extid: [1000, 1001] }, 'extension/query', { extid: '1000,1001' }, 'extension/query', { number: '1000,1001' }],
  [
    'pbx.extension.dial_outbound',
    { extid: 1000, outto: '013800000000', autoanswer: true },
    'extension/dial_outbound',
    { extid: '1000', outto: '013800000000', autoanswer: 'yes' },
    'call/dial',
    { caller: '1000', callee: '013800000000', autoanswer: 'yes' },
  ],
  ['pbx.extension.dial_extension', { caller: 1000, callee: 1002 }, 'extension/dial_extension', { caller: '1000', callee: '1002' }, 'call/dial', { caller: '1000', callee: '1002' }],
  [
    'pbx.outbound.playprompt',
    { outto: '16103', prompt: 'haruhi3+xiaoshao5', fromext: 1000 },
    'outbound/playprompt',
    { outto: '16103', prompt: 'haruhi3+xiaoshao5', fromext: '1000' },
    'call/playprompt',
    { number: '16103', prompt: 'haruhi3+xiaoshao5', dialpermission: '1000' },
  ],
  ['pbx.extension.playprompt', { extid: 1000, prompt: 'hello111' }, 'extension/playprompt', { extid: '1000', prompt: 'hello111' }, 'call/playprompt', { number: '1000', prompt: 'hello111' }],
  ['pbx.outbound.query', {}, 'outbound/query', {}, 'call/query', { type: 'outbound' }],
  ['pbx.inbound.query', {}, 'inbound/query', {}, 'call/query', { type: 'inbound' }],
];

describe.each(cases)('%s', (id, input, v1Path, v1Body, v2Path, v2Body) => {
  it.each(['v0.0.1', 'v1.0.0', 'v1.1.0'] as const)('on %s posts the 1.x path and body with the token in the query', (version) => {
    expect(sent(version, id, input)).toEqual({ path: `/api/${version}/${v1Path}`, token: '<pbx-session-token>', body: v1Body });
  });

  it('on v2.0.0 posts the 2.0 path and field names', () => {
    expect(sent('v2.0.0', id, input)).toEqual({ path: `/api/v2.0.0/${v2Path}`, token: '<pbx-session-token>', body: v2Body });
  });
});

describe('version-specific fields', () => {
  it('v2.0.0 call/query takes one callid', () => {
    expect(sent('v2.0.0', 'pbx.outbound.query', { callid: '1571897930.5' }).body).toEqual({ callid: '1571897930.5' });
    expect(sent('v1.1.0', 'pbx.outbound.query', { outboundid: ['1495705009.316', '1495705009.317'] }).body).toEqual({ outboundid: '1495705009.316,1495705009.317' });
  });

  it('the three 1.x hang-ups become call/hangup with channelid on v2.0.0', () => {
    expect(sent('v1.1.0', 'pbx.extension.hangup', { extid: 1000 })).toMatchObject({ path: '/api/v1.1.0/extension/hangup', body: { extid: '1000' } });
    expect(sent('v1.1.0', 'pbx.inbound.hangup', { inboundid: '1495698510.206' })).toMatchObject({ path: '/api/v1.1.0/inbound/hangup', body: { inboundid: '1495698510.206' } });
    expect(sent('v1.1.0', 'pbx.outbound.hangup', { outboundid: '1495705264.322' })).toMatchObject({ path: '/api/v1.1.0/outbound/hangup', body: { outboundid: '1495705264.322' } });
    for (const id of ['pbx.extension.hangup', 'pbx.inbound.hangup', 'pbx.outbound.hangup']) {
      expect(sent('v2.0.0', id, { channelid: 'PJSIP/1023-000000c0' })).toEqual({ path: '/api/v2.0.0/call/hangup', token: '<pbx-session-token>', body: { channelid: 'PJSIP/1023-000000c0' } });
    }
  });

  it('call/playprompt extras are sent on v2.0.0', () => {
    expect(sent('v2.0.0', 'pbx.outbound.playprompt', { outto: '16103', prompt: 'welcome', count: '2', volume: 10 }).body).toEqual({ number: '16103', prompt: 'welcome', count: 2, volume: 10 });
  });

  const refused: Array<[PbxApiVersion, string, Record<string, unknown>, string, RegExp]> = [
    ['v1.1.0', 'pbx.outbound.playprompt', { outto: '16103', prompt: 'welcome', count: 2 }, 'count', /not available on PBX API v1\.1\.0/],
    ['v0.0.1', 'pbx.extension.playprompt', { extid: 1000, prompt: 'welcome', volume: 5 }, 'volume', /only on v2\.0\.0/],
    ['v2.0.0', 'pbx.outbound.query', { outboundid: '1495705009.316' }, 'outboundid', /give callid instead/],
    ['v1.1.0', 'pbx.inbound.query', { callid: '1571897930.5' }, 'callid', /give inboundid instead/],
    ['v2.0.0', 'pbx.extension.hangup', { extid: 1000 }, 'extid', /channelid/],
    ['v1.1.0', 'pbx.outbound.hangup', { channelid: 'PJSIP/1023-000000c0' }, 'channelid', /give outboundid instead/],
    ['v1.0.0', 'pbx.heartbeat', { ipaddr: '192.168.5.20', port: 8260, version: '2.0.0' }, 'version', /not available/],
    ['v1.1.0', 'pbx.heartbeat', { ipaddr: '192.168.5.20' }, 'port', /is required on PBX API v1\.1\.0/],
  ];

  it('pbx.extension.query sends number on v2.0.0, where it is required: "all" when no extid is given', () => {
    expect(sent('v2.0.0', 'pbx.extension.query', {}).body).toEqual({ number: 'all' });
    expect(sent('v2.0.0', 'pbx.extension.query', { extid: 'all' }).body).toEqual({ number: 'all' });
    expect(sent('v1.1.0', 'pbx.extension.query', { extid: 'all' }).body).toEqual({});
    expect(sent('v1.1.0', 'pbx.extension.query', {}).body).toEqual({});
  });

  it('pbx.heartbeat needs ipaddr on every version', async () => {
    const { client: c, transport } = client('v2.0.0', []);
    const error = (await c.invoke('pbx.heartbeat', { port: 8260 }).then(() => undefined, (e: unknown) => e)) as CallbridgeError;
    expect(error.kind).toBe('validation');
    expect(error.field).toBe('ipaddr');
    expect(transport.requests).toHaveLength(0);
  });

  it.each(refused)('on %s, %s refuses a field that version lacks or needs, before logging in or sending anything', async (version, id, input, field, text) => {
    const { client: c, transport } = client(version, [jsonResponse(200, { status: 'Success', token: 't' })]);
    const error = await c.invoke(id, input).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(CallbridgeError);
    expect((error as CallbridgeError).kind).toBe('validation');
    expect((error as CallbridgeError).field).toBe(field);
    expect((error as CallbridgeError).message).toMatch(text);
    expect(transport.requests).toHaveLength(0);
  });

  it('a hang-up needs an ID', async () => {
    const { client: c } = client('v1.1.0');
    const error = (await c.invoke('pbx.inbound.hangup', {}).then(() => undefined, (e: unknown) => e)) as CallbridgeError;
    expect(error.field).toBe('inboundid');
  });
});

describe('input rules', () => {
  it.each([
    ['pbx.outbound.playprompt', { outto: '16103', prompt: 'welcome.wav' }, 'prompt'],
    ['pbx.outbound.playprompt', { outto: '16103', prompt: '123+456' }, 'prompt'],
    ['pbx.outbound.playprompt', { outto: '16103', prompt: 'a++b' }, 'prompt'],
    ['pbx.outbound.playprompt', { outto: '161 03', prompt: 'welcome' }, 'outto'],
    ['pbx.extension.dial_outbound', { extid: 'ext1000', outto: '16103' }, 'extid'],
    ['pbx.extension.dial_outbound', { extid: '1000', outto: '16103', autoanswer: 'maybe' }, 'autoanswer'],
    ['pbx.extension.playprompt', { extid: 1000, prompt: 'welcome', volume: 21 }, 'volume'],
  ])('%s refuses %j', (id, input, field) => {
    const { client: c } = client('v2.0.0');
    let error: unknown;
    try {
      c.preview(id, input);
    } catch (e) {
      error = e;
    }
    expect((error as CallbridgeError).field).toBe(field);
  });

  it('pbx.login documents the MD5 password as a secret and never repeats it in a validation error', async () => {
    const login = catalog.get('pbx.login');
    expect(login?.sessionManaged).toBe(true);
    const schema = login?.input as unknown as { shape: Record<string, { description?: string }> };
    expect(schema.shape.password.description).toMatch(/^SECRET/);
    const { validateInput } = await import('../../core/validate.js');
    let message = '';
    try {
      validateInput(login!, { username: 'api', password: PASSWORD });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('password: must be the MD5');
    expect(message).not.toContain(PASSWORD);
  });
});
