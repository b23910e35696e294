// Confirm-before-dial over stateless HTTP, through two replicas sharing one policy store (an SQLite file)
// and one confirmation key: the question comes from one replica, the answer reaches the other and the call
// is placed once. A replayed, tampered, foreign or expired confirmation is refused and places nothing.
// Judged by the calls the sandbox recorded.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, isInputRequiredResult, StreamableHTTPClientTransport, type CallToolResult, type InputRequiredResult } from '@modelcontextprotocol/client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PolicyStore } from '../../core/policy/types.js';
import { createClientFromEnv } from '../../mcp/client-factory.js';
import { resolveConfig } from '../../mcp/guardrails/config.js';
import { systemRuntime } from '../../mcp/runtime.js';
import { openStore } from '../../mcp/stores/open-store.js';
import { checkConfirmKey, createServerDeps } from '../../mcp/server/command.js';
import { CONFIRM_TTL_SECONDS } from '../../mcp/server/confirmation.js';
import { startHttpServer, type RunningHttpServer } from '../../mcp/server/http.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { textOf } from './helpers/harness.js';

const KEY = 'replicas-share-this-confirmation-key-0123456789';
const flags = { http: true, port: '0', 'allow-calls': true, 'calling-hours': 'off', 'confirm-key': KEY } as const;
let sandbox: RunningSandbox;
const replicas: RunningHttpServer[] = [];
const stores: PolicyStore[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'confirm-replicas', speed: 600 });
  const file = join(mkdtempSync(join(tmpdir(), 'cb-replicas-')), 'policy.sqlite');
  for (let i = 0; i < 2; i++) {
    const config = resolveConfig(flags, {});
    const store = (await openStore(`sqlite:${file}`, { setting: '--store', runtime: systemRuntime })).store;
    stores.push(store);
    replicas.push(await startHttpServer(createServerDeps(config, createClientFromEnv({ env: sandbox.env }), { store }), config));
  }
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  for (const r of replicas) await r.close();
  for (const s of stores) await s.close();
  await sandbox.close();
});

async function callsTo(number: string): Promise<unknown[]> {
  return (await (await fetch(`${sandbox.url}/_sandbox/calls?number=${number}`)).json()) as unknown[];
}

const placeCall = (to: string) => ({ name: 'place_call', arguments: { provider: 'dyvms', to, voice_file: 'voice-1.wav' } });

/** A 2026-07-28 client that drives the rounds itself, each request sent to the replica `route` picks. */
async function manualClient(route: () => number): Promise<Client> {
  const client = new Client({ name: 'manual', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } }, capabilities: { elicitation: { form: {} } }, inputRequired: { autoFulfill: false } });
  await client.connect(new StreamableHTTPClientTransport(new URL(replicas[0].url), { fetch: (url, init) => fetch(replicas[route()].url, init) }));
  return client;
}

type Round = CallToolResult | InputRequiredResult;
function round(client: Client, params: { name: string; arguments: Record<string, unknown> }, answer?: { confirm: boolean }, requestState?: string): Promise<Round> {
  const retry = answer ? { inputResponses: { confirm: { action: 'accept', content: answer } }, requestState } : {};
  return client.request({ method: 'tools/call', params: { ...params, ...retry } }, { allowInputRequired: true }) as Promise<Round>;
}

/** The question of an input_required round: its message (the planned call) and the signed state. */
function asked(r: Round): { message: string; state: string } {
  if (!isInputRequiredResult(r)) throw new Error(`expected input_required, got ${JSON.stringify(r)}`);
  const request = r.inputRequests?.confirm;
  const message = request?.method === 'elicitation/create' ? request.params.message : '';
  if (!r.requestState) throw new Error('no request state');
  return { message, state: r.requestState };
}

describe('confirmation over stateless HTTP, two replicas', () => {
  it('the SDK client confirms: question from one replica, answer to the other, one call placed', async () => {
    const served: number[] = [];
    let next = 0;
    const client = new Client({ name: 'auto', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } }, capabilities: { elicitation: { form: {} } } });
    const questions: string[] = [];
    client.setRequestHandler('elicitation/create', async (request) => {
      questions.push(String(request.params.message));
      return { action: 'accept', content: { confirm: true } };
    });
    // A round-robin load balancer for tool calls.
    const balance = async (url: string | URL, init?: RequestInit) => {
      const isCall = typeof init?.body === 'string' && init.body.includes('"tools/call"');
      const target = isCall ? next++ % 2 : 0;
      if (isCall) served.push(target);
      return fetch(replicas[target].url, init);
    };
    await client.connect(new StreamableHTTPClientTransport(new URL(replicas[0].url), { fetch: balance }));
    try {
      const r = (await client.callTool(placeCall('13800009001'))) as CallToolResult;
      expect(r.isError, textOf(r)).toBeFalsy();
      expect(served).toEqual([0, 1]);
      expect(questions).toHaveLength(1);
      expect(questions[0]).toContain('+8613800009001');
      expect(await callsTo('13800009001')).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it('a replayed confirmation is refused on either replica', async () => {
    let target = 0;
    const client = await manualClient(() => target);
    try {
      const { state, message } = asked(await round(client, placeCall('13800009002')));
      expect(message).toContain('+8613800009002');
      target = 1;
      const placed = (await round(client, placeCall('13800009002'), { confirm: true }, state)) as CallToolResult;
      expect(placed.isError, textOf(placed)).toBeFalsy();
      for (const replica of [0, 1]) {
        target = replica;
        const replay = (await round(client, placeCall('13800009002'), { confirm: true }, state)) as CallToolResult;
        expect(replay.isError).toBe(true);
        expect(textOf(replay)).toContain('already used');
      }
      expect(await callsTo('13800009002')).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it('a no places nothing; a tampered state or one for another call is refused', async () => {
    const client = await manualClient(() => 0);
    try {
      const first = asked(await round(client, placeCall('13800009003')));
      const no = (await round(client, placeCall('13800009003'), { confirm: false }, first.state)) as CallToolResult;
      expect(no.isError).toBe(true);
      expect(textOf(no)).toContain('did not confirm');

      const { state } = asked(await round(client, placeCall('13800009003')));
      const [head, body, mac] = state.split('.');
      const flipped = `${head}.${body.slice(0, -2)}${body.endsWith('A') ? 'B' : 'A'}${body.slice(-1)}.${mac}`;
      await expect(round(client, placeCall('13800009003'), { confirm: true }, flipped)).rejects.toThrow(/Invalid or expired requestState/);

      // A valid yes for one number does not place a call to another.
      const other = (await round(client, placeCall('13800009004'), { confirm: true }, state)) as CallToolResult;
      expect(other.isError).toBe(true);
      expect(textOf(other)).toContain('another request');
      expect(await callsTo('13800009003')).toHaveLength(0);
      expect(await callsTo('13800009004')).toHaveLength(0);
    } finally {
      await client.close();
    }
  });

  it('an expired confirmation is refused', async () => {
    const client = await manualClient(() => 1);
    try {
      const { state } = asked(await round(client, placeCall('13800009005')));
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + (CONFIRM_TTL_SECONDS + 5) * 1000 });
      await expect(round(client, placeCall('13800009005'), { confirm: true }, state)).rejects.toThrow(/Invalid or expired requestState/);
      expect(await callsTo('13800009005')).toHaveLength(0);
    } finally {
      await client.close();
    }
  });

  it('a client that cannot answer gets a refusal that says so', async () => {
    const client = new Client({ name: 'mute', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await client.connect(new StreamableHTTPClientTransport(new URL(replicas[0].url)));
    try {
      const r = (await client.callTool(placeCall('13800009006'))) as CallToolResult;
      expect(r.isError).toBe(true);
      expect(textOf(r)).toMatch(/confirmation guardrail.*cannot ask the person/);
      expect(await callsTo('13800009006')).toHaveLength(0);
    } finally {
      await client.close();
    }
  });

  it('over HTTP the key is a required setting when calls are confirmed', () => {
    expect(() => checkConfirmKey(resolveConfig({ http: true, 'allow-calls': true }, {}))).toThrow(/CALLBRIDGE_MCP_CONFIRM_KEY/);
    expect(() => checkConfirmKey(resolveConfig({ http: true, 'allow-calls': true }, { CALLBRIDGE_MCP_CONFIRM_KEY: 'short' }))).toThrow(/at least 32/);
    expect(() => checkConfirmKey(resolveConfig({ http: true, 'allow-calls': true, 'no-confirm': true }, {}))).not.toThrow();
    expect(() => checkConfirmKey(resolveConfig({ 'allow-calls': true }, {}))).not.toThrow();
  });
});
