// Builds an McpServer with the selected tools. One server instance per stdio session, or per
// request in stateless HTTP mode; the dependencies (client, guardrails, ledger) are shared.
// Building one is cheap: each tool's zod objects and its tools/list entry (the JSON Schemas, the
// costly part) are made once per process and shared by every server instance.
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { objectFromShape } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import { ListToolsRequestSchema, type CallToolResult, type JSONRPCMessage, type ServerNotification, type ServerRequest, type Tool } from '@modelcontextprotocol/sdk/types.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { providerOperations } from '../../core/providers/index.js';
import { catalog } from '../../core/registry.js';
import type { ServerDeps, ToolContext } from './context.js';
import { selectTools, type ToolDef } from './tools.js';

export const SERVER_NAME = 'callbridge';
export const SERVER_VERSION = '0.1.0';

const INSTRUCTIONS =
  'callbridge places phone calls and runs robot call campaigns on Alibaba Cloud Voice (dyvms), Alibaba Outbound Bot, Volcengine and Yeastar-style PBXs. ' +
  'Calls are billed and guarded by the server (allowed numbers, calling hours, caps, confirmation); a refusal names the rule and how the operator can change it: do not retry a refused call. ' +
  'Flow: place_call -> wait_for_call_result; or list_robot_scripts -> create_call_task -> add_task_callees -> control_task start -> get_task_status / list_task_calls. ' +
  'Anything else: search_operations -> describe_operation -> invoke_operation.';

/** Every catalog operation the curated tools map to must exist. */
export function checkOperationMap(): void {
  const missing = providerOperations().filter((id) => !catalog.has(id));
  if (missing.length) throw new Error(`the curated tools map to operations missing from the catalog: ${missing.join(', ')}`);
}

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;
type ToolCallback = (args: Record<string, unknown>, extra: Extra) => Promise<CallToolResult>;

/** Per tool definition, made once: the zod objects the SDK would build from the shapes at every registration, and the tools/list entry. */
interface Prepared {
  input: ReturnType<typeof objectFromShape>;
  output: ReturnType<typeof objectFromShape>;
  listed?: Promise<Tool>;
}
const prepared = new WeakMap<ToolDef, Prepared>();

function preparedOf(tool: ToolDef): Prepared {
  let entry = prepared.get(tool);
  if (!entry) {
    entry = { input: objectFromShape(tool.input), output: objectFromShape(tool.output) };
    prepared.set(tool, entry);
  }
  return entry;
}

function registerTool(server: McpServer, tool: ToolDef, callback: ToolCallback): void {
  const { input, output } = preparedOf(tool);
  server.registerTool(tool.name, { title: tool.title, description: tool.description, inputSchema: input, outputSchema: output, annotations: tool.annotations }, callback as never);
}

const notCalled: ToolCallback = () => Promise.reject(new Error('a tools/list template is never called'));

/**
 * The SDK's own tools/list entries for these tools: a server registered exactly as createMcpServer
 * registers them answers one tools/list over an in-memory link (no serialisation in between).
 */
async function sdkListEntries(tools: readonly ToolDef[]): Promise<Map<string, Tool>> {
  const server = new McpServer({ name: SERVER_NAME, version: SERVER_VERSION }, { capabilities: { tools: {} } });
  for (const tool of tools) registerTool(server, tool, notCalled);
  const [ours, theirs] = InMemoryTransport.createLinkedPair();
  const answer = new Promise<JSONRPCMessage>((resolve) => (ours.onmessage = resolve));
  await server.connect(theirs);
  await ours.start();
  await ours.send({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
  const message = await answer;
  await server.close();
  const listed = 'result' in message ? (message.result as { tools?: Tool[] }).tools : undefined;
  if (!listed) throw new Error(`could not build the tools/list entries: ${JSON.stringify(message)}`);
  return new Map(listed.map((t) => [t.name, t]));
}

/**
 * The tools/list entries, byte for byte what the SDK answers, built once per tool and process
 * (the SDK converts every tool's zod schemas to JSON Schema again on each tools/list).
 */
export function toolListEntries(tools: readonly ToolDef[]): Promise<Tool[]> {
  const missing = tools.filter((t) => !preparedOf(t).listed);
  if (missing.length) {
    const built = sdkListEntries(missing);
    for (const tool of missing) {
      const entry = preparedOf(tool);
      const listed = built.then((byName) => {
        const found = byName.get(tool.name);
        if (!found) throw new Error(`tools/list has no entry for ${tool.name}`);
        return found;
      });
      entry.listed = listed;
      // A failed build is not kept: the next tools/list tries again.
      listed.catch(() => {
        if (entry.listed === listed) entry.listed = undefined;
      });
    }
  }
  return Promise.all(tools.map((t) => preparedOf(t).listed as Promise<Tool>));
}

export function createMcpServer(deps: ServerDeps, tools: ToolDef[] = selectTools(deps.config.toolsets, deps.config.readOnly)): McpServer {
  const server = new McpServer({ name: SERVER_NAME, version: SERVER_VERSION }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });

  const contextFor = (extra: Extra): ToolContext => {
    const progressToken = extra._meta?.progressToken;
    const canElicit = server.server.getClientCapabilities()?.elicitation !== undefined;
    return {
      ...deps,
      signal: extra.signal,
      progress: async (progress, total, message) => {
        if (progressToken === undefined) return;
        await extra.sendNotification({ method: 'notifications/progress', params: { progressToken, progress, total, message } });
      },
      elicitConfirmation: canElicit
        ? async (message) => {
            const answer = await server.server.elicitInput({
              message,
              requestedSchema: {
                type: 'object',
                properties: { confirm: { type: 'boolean', title: 'Place the call(s)', description: 'Yes to place the billed call(s) described.' } },
                required: ['confirm'],
              },
            });
            return answer.action === 'accept' && answer.content?.confirm === true;
          }
        : undefined,
    };
  };

  for (const tool of tools) registerTool(server, tool, (args, extra) => tool.handler(args, contextFor(extra)));
  // Replaces the SDK's tools/list handler (registered with the first tool) by the prepared entries.
  const listed = tools.slice();
  if (listed.length) server.server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: await toolListEntries(listed) }));
  return server;
}
