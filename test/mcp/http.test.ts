// Stateless Streamable HTTP: the SDK client end to end, and the transport's refusals.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { CallToolResult, Progress } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientFromEnv } from '../../mcp/client-factory.js';
import { resolveConfig } from '../../mcp/guardrails/config.js';
import { createServerDeps } from '../../mcp/server/command.js';
import { checkHttpOptions, startHttpServer, type RunningHttpServer } from '../../mcp/server/http.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { runCli } from '../helpers/cli.js';
import { packedCallbridgeBin } from '../helpers/packed-callbridge.js';
import { expectNoSecrets, textOf } from './helpers/harness.js';
import { freshStateHome } from '../helpers/state-home.js';

const TOKEN = 'test-token-0123456789';
let sandbox: RunningSandbox;
let http: RunningHttpServer;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 31, speed: 600 });
  const config = resolveConfig({ http: true, port: '0', token: TOKEN, 'allow-calls': true, 'no-confirm': true, 'calling-hours': 'off', 'max-body-bytes': '4096', 'allowed-origins': 'https://console.example.com' }, {});
  http = await startHttpServer(createServerDeps(config, createClientFromEnv({ env: sandbox.env })), config);
});
afterAll(async () => {
  await http.close();
  await sandbox.close();
});

async function connect(url: string, token?: string): Promise<Client> {
  const client = new Client({ name: 'http-test', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), token ? { requestInit: { headers: { authorization: `Bearer ${token}` } } } : {}));
  return client;
}

const INIT = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };

/** The JSON-RPC message of an answer, sent as plain JSON or as one SSE event. */
function messageOf(body: string): unknown {
  const data = /^data: (.+)$/m.exec(body);
  return JSON.parse(data ? data[1] : body);
}

function post(headers: Record<string, string>, body: string, method = 'POST'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return fetch(http.url, { method, headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: method === 'POST' ? body : undefined }).then(
    async (r) => ({ status: r.status, body: await r.text(), headers: Object.fromEntries(r.headers) }),
  );
}

describe('callbridge mcp --http', () => {
  it('serves the SDK client statelessly: tools, a call, a wait with progress over SSE', async () => {
    const client = await connect(http.url, TOKEN);
    try {
      expect((await client.listTools()).tools).toHaveLength(14);
      const placed = (await client.callTool({ name: 'place_call', arguments: { provider: 'volcengine', to: '13800002001', tts_template: 'sandbox-tts-001', caller_id: 'NP100000000001' } })) as CallToolResult;
      expect(placed.isError, textOf(placed)).toBeFalsy();
      const callId = (placed.structuredContent as { call_id: string }).call_id;
      const progress: Progress[] = [];
      const waited = (await client.callTool(
        { name: 'wait_for_call_result', arguments: { provider: 'volcengine', call_id: callId, timeout_seconds: 60, interval_seconds: 1 } },
        { onprogress: (p) => progress.push(p), timeout: 90_000 },
      )) as CallToolResult;
      expect(waited.structuredContent).toMatchObject({ final: true, result: { provider: 'volcengine', callee: '13800002001' } });
      expect(progress.length).toBeGreaterThan(0);
      const calls = (await (await fetch(`${sandbox.url}/_sandbox/calls?number=13800002001`)).json()) as unknown[];
      expect(calls).toHaveLength(1);
      expectNoSecrets([placed, waited]);
    } finally {
      await client.close();
    }
  });

  it('issues no session: every request stands alone (a load balancer may send it anywhere)', async () => {
    const init = await post({ authorization: `Bearer ${TOKEN}` }, JSON.stringify(INIT));
    expect(init.status).toBe(200);
    expect(init.headers['mcp-session-id']).toBeUndefined();
    // tools/list without any initialize on this "replica" works
    const list = await post({ authorization: `Bearer ${TOKEN}`, 'mcp-protocol-version': '2025-06-18' }, JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }));
    expect(list.status).toBe(200);
    expect((messageOf(list.body) as { result: { tools: unknown[] } }).result.tools).toHaveLength(14);
  });

  it('a 2025 client cannot confirm over stateless HTTP: the refusal says why and names --no-confirm (2026-07-28 clients can: confirm-replicas.test.ts)', async () => {
    const config = resolveConfig({ http: true, port: '0', 'allow-calls': true, 'calling-hours': 'off' }, {});
    const server = await startHttpServer(createServerDeps(config, createClientFromEnv({ env: sandbox.env })), config);
    const client = new Client({ name: 'http-test', version: '1' }, { capabilities: { elicitation: { form: {} } } });
    client.setRequestHandler('elicitation/create', async () => ({ action: 'accept', content: { confirm: true } }));
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
    try {
      const r = (await client.callTool({ name: 'place_call', arguments: { provider: 'dyvms', to: '13800002002', tts_template: 'TTS_1' } })) as CallToolResult;
      expect(r.isError).toBe(true);
      expect(textOf(r)).toContain('Refused by the confirmation guardrail');
      expect(textOf(r)).toContain('stateless HTTP');
      expect(textOf(r)).toContain('--no-confirm');
    } finally {
      await client.close();
      await server.close();
    }
  });

  it('bearer token: missing or wrong -> 401', async () => {
    expect((await post({}, JSON.stringify(INIT))).status).toBe(401);
    const wrong = await post({ authorization: 'Bearer nope' }, JSON.stringify(INIT));
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toContain('Bearer');
    expect((await post({ authorization: `Basic ${TOKEN}` }, JSON.stringify(INIT))).status).toBe(401);
    await expect(connect(http.url)).rejects.toThrow();
  });

  it('Origin: foreign -> 403, allow-listed and loopback pass', async () => {
    const evil = await post({ authorization: `Bearer ${TOKEN}`, origin: 'https://evil.example' }, JSON.stringify(INIT));
    expect(evil.status).toBe(403);
    expect(evil.body).toContain('Origin https://evil.example is not allowed');
    expect((await post({ authorization: `Bearer ${TOKEN}`, origin: 'https://console.example.com' }, JSON.stringify(INIT))).status).toBe(200);
    const local = await post({ authorization: `Bearer ${TOKEN}`, origin: 'http://localhost:6274' }, JSON.stringify(INIT));
    expect(local.status).toBe(200);
    expect(local.headers['access-control-allow-origin']).toBe('http://localhost:6274');
  });

  it('DNS rebinding: a non-loopback Host on a loopback server -> 403', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(http.url);
      const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { host: 'attacker.example', 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(JSON.stringify(INIT));
    });
    expect(status).toBe(403);
  });

  it('body size: over the limit -> 413, declared or streamed', async () => {
    const big = JSON.stringify({ ...INIT, params: { ...INIT.params, padding: 'x'.repeat(10_000) } });
    expect((await post({ authorization: `Bearer ${TOKEN}` }, big)).status).toBe(413);
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(http.url);
      const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 10; i++) req.write('x'.repeat(1000));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('other refusals: GET (no SSE stream) -> 405, not JSON -> 400, other paths -> 404', async () => {
    expect((await post({ authorization: `Bearer ${TOKEN}` }, '', 'GET')).status).toBe(405);
    expect((await post({ authorization: `Bearer ${TOKEN}` }, '{not json')).status).toBe(400);
    expect((await fetch(http.url.replace('/mcp', '/other'), { method: 'POST' })).status).toBe(404);
  });

  it('refuses to listen off loopback without a token or an OAuth issuer', async () => {
    expect(() => checkHttpOptions({ host: '0.0.0.0', port: 0, allowedOrigins: [], maxBodyBytes: 1024 })).toThrow(/refusing to listen on 0\.0\.0\.0 without authorization/);
    expect(() => checkHttpOptions({ host: '0.0.0.0', port: 0, token: 't', allowedOrigins: [], maxBodyBytes: 1024 })).not.toThrow();
    expect(() => checkHttpOptions({ host: '0.0.0.0', port: 0, oauthIssuer: 'https://issuer.example', allowedOrigins: [], maxBodyBytes: 1024 })).not.toThrow();
    const r = await runCli(['mcp', '--http', '--host', '0.0.0.0', '--port', '0'], sandbox.env);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('refusing to listen on 0.0.0.0 without authorization');
  });

  it('the CLI serves HTTP with a token from the environment', async () => {
    const child: ChildProcess = spawn(packedCallbridgeBin(), ['mcp', '--http', '--port', '0', '--calling-hours', 'off'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XDG_STATE_HOME: freshStateHome(), ...sandbox.env, CALLBRIDGE_MCP_TOKEN: TOKEN },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr?.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /listening on (http:\/\/\S+)/.exec(err);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
      });
      const client = await connect(url, TOKEN);
      const r = (await client.callTool({ name: 'search_operations', arguments: { query: 'robot task start' } })) as CallToolResult;
      expect((r.structuredContent as { operations: Array<{ id: string }> }).operations.map((o) => o.id)).toContain('dyvms.StartRobotTask');
      await client.close();
      await expect(connect(url, 'wrong-token')).rejects.toThrow();
    } finally {
      child.kill('SIGTERM');
    }
  });
});
