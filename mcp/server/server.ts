// Builds an McpServer with the selected tools. One server instance per stdio session, or per
// request in stateless HTTP mode; the dependencies (client, guardrails, ledger) are shared.
// Building one is cheap: each tool's zod objects and its tools/list entry (the JSON Schemas, the
// costly part) are made once per process and shared by every server instance.
import { McpServer, type ServerContext } from '@modelcontextprotocol/server';
import { providerOperations } from '../../core/providers/index.js';
import { catalog } from '../../core/registry.js';
import type { McpTool } from '../tools/define.js';
import { selectTools } from '../tools/toolsets.js';
import { confirmationFor } from './confirmation.js';
import { acceptsTasks, registerTaskMethods, TASKS_EXTENSION } from './tasks.js';
import type { ServerDeps, ToolContext } from './context.js';
import { toolListEntries } from './tool-list.js';

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

/** Where a server instance serves: which protocol era, over which transport. */
export interface Connection {
  era: 'legacy' | 'modern';
  transport: 'stdio' | 'http' | 'memory';
}

/** Why a billed request of this connection cannot be confirmed, or undefined when it can. */
function cannotConfirm(server: McpServer, connection: Connection): string | undefined {
  if (connection.era === 'legacy' && connection.transport === 'http') {
    return 'this client speaks a 2025 protocol over stateless HTTP, where the server cannot hold a question open (a 2026-07-28 client answers the question with a retry of the call)';
  }
  if (server.server.getClientCapabilities()?.elicitation === undefined) return 'this client cannot ask the person (it declares no elicitation support)';
  return undefined;
}

export function createMcpServer(
  deps: ServerDeps,
  tools: readonly McpTool[] = selectTools(deps.config.toolsets, deps.config.readOnly),
  connection: Connection = { era: 'legacy', transport: 'memory' },
): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, version: SERVER_VERSION },
    {
      // 2026-07-28 clients may get calls followed as tasks (the Tasks extension).
      capabilities: connection.era === 'modern' ? { tools: {}, extensions: { [TASKS_EXTENSION]: {} } } : { tools: {} },
      instructions: INSTRUCTIONS,
      requestState: { verify: (state, ctx) => deps.signer.verify(state, ctx) },
    },
  );
  if (connection.era === 'modern') registerTaskMethods(server, deps);

  const contextFor = (request: ServerContext, tool: string): ToolContext => {
    const progressToken = request.mcpReq._meta?.progressToken;
    const cannotAsk = cannotConfirm(server, connection);
    return {
      ...deps,
      signal: request.mcpReq.signal,
      progress: async (progress, total, message) => {
        if (progressToken === undefined) return;
        await request.mcpReq.notify({ method: 'notifications/progress', params: { progressToken, progress, total, message } });
      },
      confirmation: cannotAsk ? undefined : confirmationFor(request, tool, deps.signer, deps.store),
      cannotAsk,
      acceptsTasks: connection.era === 'modern' && acceptsTasks(server),
      caller: request.http?.authInfo?.clientId,
    };
  };

  for (const tool of tools) tool.register(server, contextFor);
  // Replaces the SDK's tools/list handler (registered with the first tool) by the prepared entries.
  const listed = toolListEntries(tools);
  if (listed.length) server.server.setRequestHandler('tools/list', () => ({ tools: listed }));
  return server;
}
