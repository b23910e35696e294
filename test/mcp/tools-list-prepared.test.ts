// tools/list is answered from entries built once per process, without the SDK (it would convert
// every tool's zod schemas to JSON Schema again on each request, and a stateless HTTP server builds a
// server per request). The answer must stay byte for byte what the SDK answers for the same tools,
// registered the SDK's way and the plain way (raw zod shapes), for every tool selection, and tool
// calls must validate as before.
import { InMemoryTransport, McpServer, type JSONRPCMessage } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientFromEnv } from '../../mcp/client-factory.js';
import { resolveConfig, TOOLSET_NAMES, type ToolsetName } from '../../mcp/guardrails/config.js';
import { createServerDeps } from '../../mcp/server/command.js';
import type { ServerDeps } from '../../mcp/server/context.js';
import { createMcpServer, SERVER_NAME, SERVER_VERSION } from '../../mcp/server/server.js';
import { toolListEntries } from '../../mcp/server/tool-list.js';
import type { McpTool } from '../../mcp/tools/define.js';
import { selectTools } from '../../mcp/tools/toolsets.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';

let sandbox: RunningSandbox;
let deps: ServerDeps;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'tools-list-prepared' });
  deps = createServerDeps(resolveConfig({ 'calling-hours': 'off' }, {}), createClientFromEnv({ env: sandbox.env }));
});
afterAll(async () => {
  await sandbox.close();
});

/** The SDK's own tools/list and tools/call: each tool registered through the SDK, the SDK's list handler kept. */
function sdkServer(tools: readonly McpTool[]): McpServer {
  const server = new McpServer({ name: SERVER_NAME, version: SERVER_VERSION }, { capabilities: { tools: {} } });
  for (const tool of tools) tool.register(server, (request) => ({ ...deps, signal: request.mcpReq.signal, progress: async () => undefined }));
  return server;
}

/** The plainest registration: each tool's zod shape in a strict object (unknown arguments refused), as the SDK's examples register (tools/list only). */
function rawShapeServer(tools: readonly McpTool[]): McpServer {
  const server = new McpServer({ name: SERVER_NAME, version: SERVER_VERSION }, { capabilities: { tools: {} } });
  const notCalled = () => Promise.reject(new Error('only listed'));
  for (const tool of tools) {
    server.registerTool(tool.name, { title: tool.title, description: tool.description, inputSchema: z.strictObject(tool.input.shape), outputSchema: z.object(tool.output.shape), annotations: tool.annotations }, notCalled);
  }
  return server;
}

/** One JSON-RPC request to a fresh connection of `server`; the answer as the JSON text a client receives. */
async function ask(server: McpServer, method: string, params: Record<string, unknown> = {}): Promise<string> {
  const [ours, theirs] = InMemoryTransport.createLinkedPair();
  const answer = new Promise<JSONRPCMessage>((resolve) => (ours.onmessage = resolve));
  await server.connect(theirs);
  await ours.start();
  await ours.send({ jsonrpc: '2.0', id: 1, method, params });
  const text = JSON.stringify(await answer);
  await server.close();
  return text;
}

const selections: Array<[string, ToolsetName[], boolean]> = [
  ['all toolsets', [...TOOLSET_NAMES], false],
  ['all toolsets, read-only', [...TOOLSET_NAMES], true],
  ...TOOLSET_NAMES.map((name) => [name, [name], false] as [string, ToolsetName[], boolean]),
  ...TOOLSET_NAMES.map((name) => [`${name}, read-only`, [name], true] as [string, ToolsetName[], boolean]),
];

describe('tools/list from prepared entries', () => {
  it.each(selections)('%s: byte for byte what the SDK answers', async (_, toolsets, readOnly) => {
    const tools = selectTools(toolsets, readOnly);
    const expected = await ask(rawShapeServer(tools), 'tools/list');
    expect(JSON.parse(expected).result.tools).toHaveLength(tools.length);
    expect(await ask(sdkServer(tools), 'tools/list')).toBe(expected);
    // A server per request, as stateless HTTP builds them: each answers the same text.
    for (let i = 0; i < 3; i++) expect(await ask(createMcpServer(deps, tools), 'tools/list')).toBe(expected);
  });

  it('the default configuration lists what it listed before', async () => {
    const tools = selectTools(deps.config.toolsets, deps.config.readOnly);
    expect(await ask(createMcpServer(deps), 'tools/list')).toBe(await ask(rawShapeServer(tools), 'tools/list'));
  });

  it('builds each entry once: later servers share the same objects', async () => {
    const tools = selectTools([...TOOLSET_NAMES], false);
    const first = toolListEntries(tools);
    const again = toolListEntries(tools);
    expect(again).not.toBe(first);
    again.forEach((entry, i) => expect(entry).toBe(first[i]));
    // A subset is served from the same entries.
    const subset = toolListEntries(tools.slice(2, 5));
    subset.forEach((entry, i) => expect(entry).toBe(first[i + 2]));
  });

  it.each([
    ['bad arguments', 'search_operations', { query: 'call', limit: 0 }],
    ['a missing argument', 'describe_operation', {}],
    ['a good read', 'search_operations', { query: 'recording outboundbot', limit: 3 }],
    ['a described operation', 'describe_operation', { id: 'dyvms.SingleCallByTts' }],
  ])('tools/call with %s answers as before', async (_, name, args) => {
    const tools = selectTools([...TOOLSET_NAMES], false);
    const params = { name, arguments: args };
    expect(await ask(createMcpServer(deps, tools), 'tools/call', params)).toBe(await ask(sdkServer(tools), 'tools/call', params));
  });

  it.each([
    ['bad arguments', 'search_operations', { query: 'call', limit: 0 }],
    ['a missing argument', 'describe_operation', {}],
  ])('tools/call with %s is refused as the plain registration refuses it', async (_, name, args) => {
    const tools = selectTools([...TOOLSET_NAMES], false);
    const params = { name, arguments: args };
    const refused = await ask(createMcpServer(deps, tools), 'tools/call', params);
    expect(JSON.parse(refused).result).toMatchObject({ isError: true, content: [{ text: expect.stringContaining('Input validation error') }] });
    expect(refused).toBe(await ask(rawShapeServer(tools), 'tools/call', params));
  });
});
