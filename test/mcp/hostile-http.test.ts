// The hostile agent over stateless Streamable HTTP: the same policy as over stdio and in process, with
// the counts in the store every request shares. Judged by the calls the sandbox recorded.
import { Client, StreamableHTTPClientTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientFromEnv } from '../../mcp/client-factory.js';
import { resolveConfig } from '../../mcp/guardrails/config.js';
import { createServerDeps } from '../../mcp/server/command.js';
import { startHttpServer, type RunningHttpServer } from '../../mcp/server/http.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { errorDetails, textOf } from './helpers/harness.js';

let sandbox: RunningSandbox;
let http: RunningHttpServer;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'hostile-http', speed: 600 });
  const flags = { http: true, port: '0', 'allow-calls': true, 'no-confirm': true, 'calling-hours': 'off', 'deny-numbers': '+8613800000901', 'max-per-number-per-hour': '1' } as const;
  const config = resolveConfig(flags, {});
  http = await startHttpServer(createServerDeps(config, createClientFromEnv({ env: sandbox.env })), config);
});
afterAll(async () => {
  await http.close();
  await sandbox.close();
});

/** A new connection per request, as a client spread over a load balancer would make. */
async function call(args: Record<string, unknown>): Promise<CallToolResult> {
  const client = new Client({ name: 'hostile-http', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
  try {
    return (await client.callTool({ name: 'place_call', arguments: { provider: 'dyvms', tts_template: 'TTS_100001', ...args } })) as CallToolResult;
  } finally {
    await client.close();
  }
}

const callsTo = (national: string) => sandbox.context.calls().filter((c) => c.number.endsWith(national)).length;

describe('hostile agent over HTTP', () => {
  it('refuses emergency and denied numbers in other forms, and counts one subscriber once across requests', async () => {
    for (const to of ['0086110', '+86119']) expect(errorDetails(await call({ to })), to).toMatchObject({ rule: 'emergency-numbers', sent: false });
    for (const to of ['13800000901', '013800000901', '008613800000901']) expect(errorDetails(await call({ to })), to).toMatchObject({ rule: 'deny-numbers' });
    const results = await Promise.all(['13800000902', '+8613800000902', '8613800000902', '008613800000902'].map((to) => call({ to })));
    expect(results.filter((r) => !r.isError), results.map(textOf).join('\n')).toHaveLength(1);
    expect(callsTo('13800000901')).toBe(0);
    expect(callsTo('13800000902')).toBe(1);
    expect(sandbox.context.calls().filter((c) => /(110|119)$/.test(c.number))).toHaveLength(0);
  });
});
