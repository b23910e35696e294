// Three client generations against the real CLI over stdio and the HTTP server: the SDK v2 client on
// protocol 2026-07-28, the SDK v2 client on the 2025 handshake, and the v1 SDK client (1.32.2, protocol
// 2025-11-25); plus a raw 2025-06-18 opening. Each lists the tools with their schemas and places a
// call that the sandbox records.
import { Client, StreamableHTTPClientTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport as V1StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport as V1StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientFromEnv } from '../../mcp/client-factory.js';
import { resolveConfig } from '../../mcp/guardrails/config.js';
import { createServerDeps } from '../../mcp/server/command.js';
import { startHttpServer, type RunningHttpServer } from '../../mcp/server/http.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { packedCallbridgeBin } from '../helpers/packed-callbridge.js';
import { freshStateHome } from '../helpers/state-home.js';

let sandbox: RunningSandbox;
let http: RunningHttpServer;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'client-generations', speed: 600 });
  const config = resolveConfig({ http: true, port: '0', 'allow-calls': true, 'no-confirm': true, 'calling-hours': 'off' }, {});
  http = await startHttpServer(createServerDeps(config, createClientFromEnv({ env: sandbox.env })), config);
});
afterAll(async () => {
  await http.close();
  await sandbox.close();
});

/** What every generation must get: the 14 tools with schemas and annotations, and a placed call. */
interface Generation {
  listTools(): Promise<{ tools: Array<{ name: string; inputSchema: unknown; outputSchema?: unknown; annotations?: { readOnlyHint?: boolean } }> }>;
  callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown>;
  close(): Promise<void>;
}

const stdioArgs = ['mcp', '--allow-calls', '--no-confirm', '--calling-hours', 'off'];
const stdioEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XDG_STATE_HOME: freshStateHome(), ...sandbox.env });

async function v2(transport: 'stdio' | 'http', era: 'modern' | 'legacy'): Promise<{ client: Generation; era: string | undefined }> {
  const client = new Client({ name: 'gen-v2', version: '1' }, era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {});
  await client.connect(transport === 'http' ? new StreamableHTTPClientTransport(new URL(http.url)) : new StdioClientTransport({ command: packedCallbridgeBin(), args: stdioArgs, env: stdioEnv() }));
  return { client, era: client.getProtocolEra() };
}

async function v1(transport: 'stdio' | 'http'): Promise<{ client: Generation; version: string | undefined }> {
  const client = new V1Client({ name: 'gen-v1', version: '1' });
  await client.connect(transport === 'http' ? new V1StreamableHTTPClientTransport(new URL(http.url)) : new V1StdioClientTransport({ command: packedCallbridgeBin(), args: stdioArgs, env: stdioEnv() }));
  return { client, version: client.getServerVersion()?.name };
}

async function placesACall(client: Generation, to: string): Promise<void> {
  const listed = await client.listTools();
  expect(listed.tools).toHaveLength(14);
  const place = listed.tools.find((t) => t.name === 'place_call');
  expect(place?.annotations?.readOnlyHint).toBe(false);
  expect(place?.outputSchema).toMatchObject({ type: 'object' });
  const r = (await client.callTool({ name: 'place_call', arguments: { provider: 'pbx', to, prompt: 'welcome' } })) as CallToolResult;
  expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
  expect(r.structuredContent).toMatchObject({ provider: 'pbx', call_id: expect.any(String) });
  const calls = (await (await fetch(`${sandbox.url}/_sandbox/calls?number=${to}`)).json()) as unknown[];
  expect(calls).toHaveLength(1);
}

describe('client generations', () => {
  it.each([
    ['http', 'modern', '13800007001'],
    ['http', 'legacy', '13800007002'],
    ['stdio', 'modern', '13800007003'],
    ['stdio', 'legacy', '13800007004'],
  ] as const)('SDK v2 client over %s, %s era', async (transport, era, to) => {
    const { client, era: landed } = await v2(transport, era);
    try {
      expect(landed).toBe(era);
      await placesACall(client, to);
    } finally {
      await client.close();
    }
  });

  it.each([
    ['http', '13800007005'],
    ['stdio', '13800007006'],
  ] as const)('v1 SDK client (1.32.2, protocol 2025-11-25) over %s', async (transport, to) => {
    const { client, version } = await v1(transport);
    try {
      expect(version).toBe('callbridge');
      await placesACall(client, to);
    } finally {
      await client.close();
    }
  });

  it('a 2025-06-18 client over HTTP: initialize, then tools/list', async () => {
    const post = async (body: unknown) => {
      const res = await fetch(http.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-06-18' }, body: JSON.stringify(body) });
      const text = await res.text();
      const data = /^data: (.+)$/m.exec(text);
      return JSON.parse(data ? data[1] : text) as { result: { protocolVersion?: string; tools?: unknown[] } };
    };
    const init = await post({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    expect(init.result.protocolVersion).toBe('2025-06-18');
    expect((await post({ jsonrpc: '2.0', id: 2, method: 'tools/list' })).result.tools).toHaveLength(14);
  });
});
