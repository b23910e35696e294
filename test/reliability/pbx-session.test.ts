// PBX session faults against the sandbox's PBX simulator: a token that expires in the middle of a run
// (one transparent re-login, nothing placed twice), a wrong password (stops after 3 failed logins with
// a clear error, before the PBX's own lockout at 5), a self-signed certificate (refused by default,
// accepted with the opt-in), and a PBX that cannot be reached.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbridgeError } from '../../core/errors.js';
import { createClientFromEnv } from '../../mcp/client-factory.js';
import { UndiciTransport } from '../../mcp/undici-transport.js';
import type { SandboxClock } from '../../sandbox/types.js';
import { sandboxClient } from './support/clients.js';
import { recordFigures } from './support/figures.js';
import { startObservedSandbox, type ObservedSandbox } from './support/observed-sandbox.js';
import { selfSignedCertificate, startTlsFront, type SelfSigned, type TlsFront } from './support/tls.js';

/** Sandbox time that moves only when the test says so (plus real time, to keep signatures valid). */
function steppedClock(): SandboxClock & { advance(ms: number): void } {
  let offset = 0;
  return {
    speed: 1,
    now: () => Date.now() + offset,
    realNow: () => Date.now(),
    advance(ms: number) {
      offset += ms;
    },
  };
}

const clock = steppedClock();
let sandbox: ObservedSandbox;
const transports: UndiciTransport[] = [];
const figures: Record<string, unknown> = {};

function transport(options?: ConstructorParameters<typeof UndiciTransport>[0]): UndiciTransport {
  const t = new UndiciTransport(options);
  transports.push(t);
  return t;
}

async function failure(promise: Promise<unknown>): Promise<CallbridgeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CallbridgeError);
  return error as CallbridgeError;
}

const processed = (op: string) => sandbox.processed.filter((p) => p.vendor === 'pbx' && p.operationId === op);

beforeAll(async () => {
  sandbox = await startObservedSandbox({ clock, seed: 'pbx-session' });
});

afterAll(async () => {
  await Promise.all(transports.map((t) => t.close()));
  await sandbox?.close();
  recordFigures('pbx-session', 'results', figures);
});

describe('PBX token expiry in the middle of a run', () => {
  it('sequential calls: the expired token costs exactly one transparent re-login; every call placed once', async () => {
    const before = processed('pbx.login').length;
    const client = sandboxClient(sandbox, { transport: transport() });
    const numbers = Array.from({ length: 10 }, (_, i) => `1700000${String(i).padStart(4, '0')}`);
    const expireAfter = 5;
    for (const [i, outto] of numbers.entries()) {
      if (i === expireAfter) clock.advance(31 * 60_000); // the PBX forgets tokens idle for 30 minutes
      await expect(client.invoke('pbx.extension.dial_outbound', { extid: '1000', outto })).resolves.toMatchObject({ status: 'Success' });
    }
    const logins = processed('pbx.login').length - before;
    expect(logins).toBe(2);
    const refused = processed('pbx.extension.dial_outbound').filter((p) => p.code === '20004');
    expect(refused).toHaveLength(1);
    const calls = await sandbox.calls({ vendor: 'pbx' });
    for (const n of numbers) expect(calls.filter((c) => c.number === n), n).toHaveLength(1);
    figures.sequentialExpiry = { calls: numbers.length, tokenExpiredAfterCall: expireAfter, logins, refusedWithExpiredToken: refused.length };
  });

  it('concurrent calls when the token expires: each is placed exactly once and nobody sees an error', async () => {
    const client = sandboxClient(sandbox, { transport: transport() });
    await client.invoke('pbx.extensionlist.query', {});
    const before = processed('pbx.login').length;
    clock.advance(31 * 60_000);
    const numbers = Array.from({ length: 20 }, (_, i) => `1710000${String(i).padStart(4, '0')}`);
    const results = await Promise.allSettled(numbers.map((outto) => client.invoke('pbx.extension.dial_outbound', { extid: '1000', outto })));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const calls = await sandbox.calls({ vendor: 'pbx' });
    for (const n of numbers) expect(calls.filter((c) => c.number === n), n).toHaveLength(1);
    const logins = processed('pbx.login').length - before;
    // Every dial refused with the expired token waits for the same one re-login; a late refusal of the old
    // token does not throw away the new one.
    expect(logins).toBe(1);
    figures.concurrentExpiry = { concurrentCalls: numbers.length, logins };
  });
});

describe('PBX wrong password', () => {
  it('stops after 3 failed logins with a clear error, before the PBX locks the IP (5); the password is never shown', async () => {
    const before = processed('pbx.login').length;
    const password = 'wrong-Passw0rd-xyz';
    const client = sandboxClient(sandbox, { transport: transport(), pbx: { baseUrl: sandbox.env.CALLBRIDGE_PBX_URL, username: 'sandbox', password } });
    const errors: CallbridgeError[] = [];
    for (let i = 0; i < 6; i++) errors.push(await failure(client.invoke(i % 2 ? 'pbx.extension.dial_outbound' : 'pbx.extensionlist.query', i % 2 ? { extid: '1000', outto: '17200000000' } : {})));
    // Three logins reached the PBX, then the client refused to try again.
    const loginsSent = processed('pbx.login').length - before;
    expect(loginsSent).toBe(3);
    for (const e of errors.slice(0, 3)) {
      expect(e.kind).toBe('vendor');
      expect(e.code).toBe('20003');
      expect(e.message).toMatch(/login/i);
    }
    for (const e of errors.slice(3)) {
      expect(e.kind).toBe('config');
      expect(e.code).toBe('LoginAttemptsExhausted');
      expect(e.message).toMatch(/failed 3 times/);
      expect(e.setting).toBe('pbxCredentials'); // the CLI and MCP add how to set it (CALLBRIDGE_PBX_PASSWORD)
    }
    for (const e of errors) expect(JSON.stringify({ ...e.toJSON(), stack: e.stack })).not.toContain(password);
    // Nothing was dialled, and the PBX did not lock this IP: the right password still logs in.
    expect((await sandbox.calls({ number: '17200000000' })).length).toBe(0);
    const good = sandboxClient(sandbox, { transport: transport() });
    const goodLogin = await good.invoke('pbx.extensionlist.query', {}).then(
      () => 'accepted',
      (e: unknown) => (e instanceof CallbridgeError ? e.code : String(e)),
    );
    expect(goodLogin).toBe('accepted');
    figures.wrongPassword = { invocations: errors.length, loginsSent, then: errors[3].code, rightPasswordAfterwards: goodLogin };
  });
});

describe('PBX with a self-signed certificate', () => {
  const cert: SelfSigned = selfSignedCertificate();
  let front: TlsFront;

  beforeAll(async () => {
    front = await startTlsFront(cert, sandbox.port);
  });
  afterAll(async () => {
    await front?.close();
  });

  const env = () => ({ ...sandbox.env, CALLBRIDGE_PBX_URL: `${front.url}/pbx` });

  it('is refused by default, with an error that names the certificate problem; nothing is sent', async () => {
    const before = processed('pbx.login').length;
    const client = createClientFromEnv({ env: env(), transport: transport() });
    const e = await failure(client.invoke('pbx.extension.dial_outbound', { extid: '1000', outto: '17300000000' }));
    expect(e.kind).toBe('network');
    expect(e.mayHaveBeenProcessed).toBe(false);
    expect(e.message).toMatch(/SELF_SIGNED|self[- ]signed/i);
    expect(processed('pbx.login').length).toBe(before);
    expect((await sandbox.calls({ number: '17300000000' })).length).toBe(0);
    figures.selfSignedDefault = { refused: true, message: e.message };
  });

  it('is accepted with CALLBRIDGE_PBX_INSECURE_TLS=true', async () => {
    const e = env();
    const client = createClientFromEnv({ env: { ...e, CALLBRIDGE_PBX_INSECURE_TLS: 'true' } });
    await expect(client.invoke('pbx.extension.dial_outbound', { extid: '1000', outto: '17300000001' })).resolves.toMatchObject({ status: 'Success' });
    expect((await sandbox.calls({ number: '17300000001' })).length).toBe(1);
  });

  it('is accepted when its certificate is given as the CA (UndiciTransport ca)', async () => {
    const client = createClientFromEnv({ env: env(), transport: transport({ onPrem: { baseUrl: env().CALLBRIDGE_PBX_URL as string, ca: cert.cert } }) });
    await expect(client.invoke('pbx.extensionlist.query', {})).resolves.toMatchObject({ status: 'Success' });
    figures.selfSignedOptIn = { insecureTls: 'accepted', ownCa: 'accepted' };
  });

  it('the PBX opt-in does not turn off certificate checks for the cloud vendors', async () => {
    const client = createClientFromEnv({
      env: { ...sandbox.env, CALLBRIDGE_PBX_INSECURE_TLS: 'true', CALLBRIDGE_VOLCENGINE_ENDPOINT: `${front.url}/volcengine/` },
    });
    const outcome = await client.invoke('volcengine.QueryUsableResource', { Type: 1 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    figures.pbxInsecureTlsAlsoAcceptsSelfSignedCloudEndpoints = outcome === undefined;
    const e = outcome as CallbridgeError;
    expect(e).toBeInstanceOf(CallbridgeError);
    expect(e.kind).toBe('network');
    expect(e.message).toMatch(/SELF_SIGNED|self[- ]signed/i);
  });
});

describe('PBX unreachable', () => {
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  it('reports a network error naming the address, says nothing was placed, and gives up in bounded time', async () => {
    const port = await closedPort();
    const client = sandboxClient(sandbox, { transport: transport(), pbx: { baseUrl: `http://127.0.0.1:${port}`, username: 'sandbox', password: 'sandbox-password' } });
    for (const [op, input] of [
      ['pbx.extensionlist.query', {}],
      ['pbx.extension.dial_outbound', { extid: '1000', outto: '17400000000' }],
    ] as const) {
      const started = Date.now();
      const e = await failure(client.invoke(op, input));
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(e.kind, e.message).toBe('network');
      expect(e.mayHaveBeenProcessed).toBe(false);
      expect(e.message).toMatch(/ECONNREFUSED/);
      expect(e.message).toContain(`127.0.0.1:${port}`);
      figures[`unreachable:${op}`] = { kind: e.kind, message: e.message, ms: Date.now() - started };
    }
  });
});
