// tools/list is answered from entries built once per process (the SDK would convert every tool's zod
// schemas to JSON Schema again on each request, and a stateless HTTP server builds a server per
// request). The answer must stay byte for byte what the SDK answers when the tools are registered
// the plain way (raw zod shapes), for every tool selection, and tool calls must validate as before.
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientFromEnv } from '../../mcp/client-factory.js';
import { resolveConfig, TOOLSET_NAMES, type ToolsetName } from '../../mcp/guardrails/config.js';
import { createServerDeps } from '../../mcp/server/command.js';
import type { ServerDeps } from '../../mcp/server/context.js';
import { createMcpServer, SERVER_NAME, SERVER_VERSION, toolListEntries } from '../../mcp/server/server.js';
import { selectTools, type ToolDef } from '../../mcp/server/tools.js';
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

/** The SDK's default path, as createMcpServer registered tools before: raw shapes, the SDK's own tools/list. */
function plainServer(tools: readonly ToolDef[]): McpServer {
  const server = new McpServer({ name: SERVER_NAME, version: SERVER_VERSION }, { capabilities: { tools: {} } });
  for (const tool of tools) {
    server.registerTool(
      tool.name,
      { title: tool.title, description: tool.description, inputSchema: tool.input, outputSchema: tool.output, annotations: tool.annotations },
      ((args: Record<string, unknown>) => tool.handler(args, { ...deps, signal: new AbortController().signal, progress: async () => undefined })) as never,
    );
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
  it.each(selections)('%s: byte for byte what the SDK answers for the raw shapes', async (_, toolsets, readOnly) => {
    const tools = selectTools(toolsets, readOnly);
    const expected = await ask(plainServer(tools), 'tools/list');
    expect(JSON.parse(expected).result.tools).toHaveLength(tools.length);
    // A server per request, as stateless HTTP builds them: each answers the same text.
    for (let i = 0; i < 3; i++) expect(await ask(createMcpServer(deps, tools), 'tools/list')).toBe(expected);
  });

  it('the default configuration lists what it listed before', async () => {
    const tools = selectTools(deps.config.toolsets, deps.config.readOnly);
    expect(await ask(createMcpServer(deps), 'tools/list')).toBe(await ask(plainServer(tools), 'tools/list'));
  });

  it('builds each entry once: later servers share the same objects', async () => {
    const tools = selectTools([...TOOLSET_NAMES], false);
    const first = await toolListEntries(tools);
    const again = await toolListEntries(tools);
    expect(again).not.toBe(first);
    again.forEach((entry, i) => expect(entry).toBe(first[i]));
    // A subset is served from the same entries.
    const subset = await toolListEntries(tools.slice(2, 5));
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
    expect(await ask(createMcpServer(deps, tools), 'tools/call', params)).toBe(await ask(plainServer(tools), 'tools/call', params));
  });
});
