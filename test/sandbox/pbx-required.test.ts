// The PBX simulator refuses what the Yeastar pages refuse, judged by the catalog definitions
// (sandbox/pbx/catalog-check.ts): a v2.0.0 extension query without number, a heartbeat without ipaddr (or
// without port on 1.x); it accepts "all" on v2.0.0, and the client's own requests pass on every version.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbridgeClient } from '../../core/client.js';
import { catalog } from '../../core/registry.js';
import type { PbxApiVersion } from '../../core/operation.js';
import { UndiciTransport } from '../../mcp/undici-transport.js';
import { systemRuntime } from '../../mcp/runtime.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { manualClock } from './helpers.js';

const USER = 'api';
const PASSWORD = 'pbx-required-password';
const md5 = (s: string) => createHash('md5').update(s).digest('hex');
type Obj = Record<string, unknown>;

let sandbox: RunningSandbox;
const clock = manualClock();
const transport = new UndiciTransport();

beforeAll(async () => {
  sandbox = await startSandbox({ clock, seed: 'pbx-required', env: { CALLBRIDGE_PBX_USERNAME: USER, CALLBRIDGE_PBX_PASSWORD: PASSWORD } });
});

afterAll(async () => {
  await transport.close();
  await sandbox?.close();
});

async function post(path: string, body: unknown): Promise<Obj> {
  const res = await fetch(`${sandbox.url}/pbx${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as Obj;
}

async function login(version: string): Promise<string> {
  const answer = await post(`/api/${version}/login`, { username: USER, password: md5(PASSWORD), port: '8260' });
  expect(answer.status).toBe('Success');
  return answer.token as string;
}

const blank = { status: 'Failed', errno: '10004' };

describe('v2.0.0 extension/query', () => {
  it('refuses a query without number and answers "all" with every extension', async () => {
    const token = await login('v2.0.0');
    expect(await post(`/api/v2.0.0/extension/query?token=${token}`, {})).toEqual(blank);
    // extid is the 1.x name: on v2.0.0 it does not stand in for number.
    expect(await post(`/api/v2.0.0/extension/query?token=${token}`, { extid: '1000' })).toEqual(blank);
    const all = await post(`/api/v2.0.0/extension/query?token=${token}`, { number: 'all' });
    expect(all.status).toBe('Success');
    const numbers = (all.extinfos as Obj[]).map((e) => e.number);
    expect(numbers).toContain('1000');
    expect(numbers.length).toBeGreaterThan(1);
    const one = await post(`/api/v2.0.0/extension/query?token=${token}`, { number: '1000' });
    expect((one.extinfos as Obj[]).map((e) => e.number)).toEqual(['1000']);
  });

  it('APIs 1.x still take no extid for all', async () => {
    const token = await login('v1.1.0');
    const all = await post(`/api/v1.1.0/extension/query?token=${token}`, {});
    expect(all.status).toBe('Success');
    expect((all.extinfos as Obj[]).length).toBeGreaterThan(1);
  });
});

describe('heartbeat', () => {
  it.each([
    ['v2.0.0', {}],
    ['v2.0.0', { port: '8260' }],
    ['v1.1.0', { port: '8260' }],
    ['v1.1.0', { ipaddr: '127.0.0.1' }],
  ])('on %s refuses %j (ipaddr required; port too on 1.x)', async (version, body) => {
    const token = await login(version);
    expect(await post(`/api/${version}/heartbeat?token=${token}`, body)).toEqual(blank);
  });

  it.each([
    ['v2.0.0', { ipaddr: '127.0.0.1' }],
    ['v1.1.0', { ipaddr: '127.0.0.1', port: '8260' }],
    ['v1.1.0', { ipaddr: '127.0.0.1', port: '8260', urlflag: '0', url: 'report' }],
  ])('on %s accepts %j', async (version, body) => {
    const token = await login(version);
    expect(await post(`/api/${version}/heartbeat?token=${token}`, body)).toEqual({ status: 'Success' });
  });
});

describe('the client on every API version', () => {
  const versions: PbxApiVersion[] = ['v0.0.1', 'v1.0.0', 'v1.1.0', 'v2.0.0'];
  it.each(versions)('%s: extension query without extid, with "all", and a heartbeat after 20 idle minutes all pass', async (apiVersion) => {
    const sent: string[] = [];
    const client = new CallbridgeClient(
      { validateOutput: true,
        pbx: { baseUrl: `${sandbox.url}/pbx`, username: USER, password: PASSWORD, apiVersion, eventHost: '127.0.0.1' },
        transport: { send: (request, options) => (sent.push(new URL(request.url).pathname), transport.send(request, options)) },
        runtime: { ...systemRuntime, now: () => clock.now() },
        maxAttempts: 1,
      },
      catalog,
    );
    for (const input of [{}, { extid: 'all' }]) {
      const answer = (await client.invoke('pbx.extension.query', input)) as { extinfos: Obj[] };
      expect(answer.extinfos.length).toBeGreaterThan(1);
    }
    clock.advance(21 * 60_000);
    await client.invoke('pbx.extensionlist.query', {});
    expect(sent).toEqual([
      `/pbx/api/${apiVersion}/login`,
      `/pbx/api/${apiVersion}/extension/query`,
      `/pbx/api/${apiVersion}/extension/query`,
      `/pbx/api/${apiVersion}/heartbeat`,
      `/pbx/api/${apiVersion}/${apiVersion === 'v2.0.0' ? 'extension/list' : 'extensionlist/query'}`,
    ]);
  });
});
