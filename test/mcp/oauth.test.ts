// `callbridge mcp --http` as an OAuth 2.1 resource server, against a real authorization server on
// loopback (oauth2-mock-server): protected resource metadata, the 401 challenge naming it, JWT access
// tokens checked against the issuer's JWKS (issuer, audience, expiry), and tools selected by scope.
// Whether a token can dial is judged by the calls the sandbox recorded.
import { Client, StreamableHTTPClientTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { OAuth2Server } from 'oauth2-mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientFromEnv } from '../../mcp/client-factory.js';
import { resolveConfig } from '../../mcp/guardrails/config.js';
import { createServerDeps } from '../../mcp/server/command.js';
import { startHttpServer, type RunningHttpServer } from '../../mcp/server/http.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { textOf } from './helpers/harness.js';

const STATIC_TOKEN = 'static-token-for-simple-setups-0123';
let issuer: OAuth2Server;
let stranger: OAuth2Server;
let sandbox: RunningSandbox;
let http: RunningHttpServer;

beforeAll(async () => {
  issuer = new OAuth2Server();
  await issuer.issuer.keys.generate('RS256');
  await issuer.start(0, '127.0.0.1');
  stranger = new OAuth2Server();
  await stranger.issuer.keys.generate('RS256');
  await stranger.start(0, '127.0.0.1');
  sandbox = await startSandbox({ port: 0, seed: 'oauth', speed: 600 });
  const config = resolveConfig({ http: true, port: '0', token: STATIC_TOKEN, 'allow-calls': true, 'no-confirm': true, 'calling-hours': 'off', 'oauth-issuer': issuer.issuer.url ?? '' }, {});
  http = await startHttpServer(createServerDeps(config, createClientFromEnv({ env: sandbox.env })), config);
});
afterAll(async () => {
  await http.close();
  await sandbox.close();
  await issuer.stop();
  await stranger.stop();
});

/** An access token for this server with these scopes (audience: the MCP endpoint's URL). */
function token(scope: string, options: { server?: OAuth2Server; audience?: string; expiresIn?: number } = {}): Promise<string> {
  return (options.server ?? issuer).issuer.buildToken({
    expiresIn: options.expiresIn,
    scopesOrTransform: (_header, payload) => {
      payload.scope = scope;
      payload.aud = options.audience ?? http.url;
      payload.client_id = 'agent-1';
    },
  });
}

async function connect(bearer: string): Promise<Client> {
  const client = new Client({ name: 'oauth-test', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(new StreamableHTTPClientTransport(new URL(http.url), { requestInit: { headers: { authorization: `Bearer ${bearer}` } } }));
  return client;
}

async function callsTo(number: string): Promise<unknown[]> {
  return (await (await fetch(`${sandbox.url}/_sandbox/calls?number=${number}`)).json()) as unknown[];
}

const place = (to: string) => ({ name: 'place_call', arguments: { provider: 'pbx', to, prompt: 'welcome' } });
const READ_TOOLS = ['get_call_result', 'wait_for_call_result', 'list_robot_scripts', 'get_task_status', 'list_task_calls', 'get_task_call_detail', 'get_recording_url', 'search_operations', 'describe_operation'];

describe('OAuth 2.1 resource server', () => {
  it('publishes protected resource metadata and names it in the 401 challenge', async () => {
    const res = await fetch(http.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: '{}' });
    expect(res.status).toBe(401);
    const metadataUrl = /resource_metadata="([^"]+)"/.exec(res.headers.get('www-authenticate') ?? '')?.[1];
    expect(metadataUrl).toBe(`${new URL(http.url).origin}/.well-known/oauth-protected-resource/mcp`);
    const metadata = (await (await fetch(metadataUrl ?? '')).json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({ resource: http.url, authorization_servers: [issuer.issuer.url], scopes_supported: ['calls:read', 'tasks:write', 'calls:place'] });
  });

  it('refuses tokens of another issuer, for another audience, or expired', async () => {
    for (const bad of [await token('calls:read calls:place', { server: stranger }), await token('calls:read calls:place', { audience: 'https://elsewhere.example/mcp' }), await token('calls:read calls:place', { expiresIn: -60 })]) {
      const res = await fetch(http.url, { method: 'POST', headers: { authorization: `Bearer ${bad}`, 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    }
  });

  it('a token with calls:read only lists and calls only read tools', async () => {
    const client = await connect(await token('calls:read'));
    try {
      expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual([...READ_TOOLS].sort());
      await expect(client.callTool(place('13800011001'))).rejects.toThrow(/place_call not found/);
      expect(await callsTo('13800011001')).toHaveLength(0);
    } finally {
      await client.close();
    }
  });

  it('a token without calls:place cannot dial; one with it can', async () => {
    const manager = await connect(await token('calls:read tasks:write'));
    try {
      const names = (await manager.listTools()).tools.map((t) => t.name);
      expect(names).toContain('create_call_task');
      expect(names).not.toContain('place_call');
      expect(names).not.toContain('invoke_operation');
      expect(names).not.toContain('control_task');
      await expect(manager.callTool(place('13800011002'))).rejects.toThrow(/place_call not found/);
      await expect(manager.callTool({ name: 'invoke_operation', arguments: { id: 'pbx.call.dial_outbound', input: {} } })).rejects.toThrow(/invoke_operation not found/);
      expect(await callsTo('13800011002')).toHaveLength(0);
    } finally {
      await manager.close();
    }
    const dialler = await connect(await token('calls:read calls:place'));
    try {
      const r = (await dialler.callTool(place('13800011002'))) as CallToolResult;
      expect(r.isError, textOf(r)).toBeFalsy();
      expect(await callsTo('13800011002')).toHaveLength(1);
    } finally {
      await dialler.close();
    }
  });

  it('the static bearer token stays for simple setups (every tool)', async () => {
    const client = await connect(STATIC_TOKEN);
    try {
      expect((await client.listTools()).tools).toHaveLength(14);
    } finally {
      await client.close();
    }
  });
});
