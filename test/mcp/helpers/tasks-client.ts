// A client that declares the MCP Tasks extension (io.modelcontextprotocol/tasks) on protocol 2026-07-28.
// The SDK v2 client (2.4.0) declares the extension but rejects a tools/call answered with a task
// handle (UNSUPPORTED_RESULT_TYPE) and has no tasks/get; so these requests are plain JSON-RPC over
// HTTP with the per-request _meta envelope a 2026-07-28 client sends.

export const MODERN = '2026-07-28';
let nextId = 1;

/** One request to the MCP endpoint at `url`; its result, or an Error with the JSON-RPC error's message. */
export async function tasksRequest(url: string, method: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const meta = {
    'io.modelcontextprotocol/protocolVersion': MODERN,
    'io.modelcontextprotocol/clientInfo': { name: 'tasks-client', version: '1' },
    'io.modelcontextprotocol/clientCapabilities': { extensions: { 'io.modelcontextprotocol/tasks': {} } },
  };
  const name = typeof params.name === 'string' ? params.name : typeof params.taskId === 'string' ? params.taskId : undefined;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': MODERN, 'mcp-method': method, ...(name ? { 'mcp-name': name } : {}) },
    body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params: { ...params, _meta: meta } }),
  });
  const text = await res.text();
  const data = /^data: (.+)$/m.exec(text);
  const message = JSON.parse(data ? data[1] : text) as { result?: Record<string, unknown>; error?: { message: string } };
  if (!message.result) throw new Error(`${method}: ${message.error?.message ?? text}`);
  return message.result;
}

/** tools/call; the answer is a task handle when the tool continues as a task. */
export function callToolAsTask(url: string, name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  return tasksRequest(url, 'tools/call', { name, arguments: args });
}

/** tasks/get */
export function getTask(url: string, taskId: unknown): Promise<Record<string, unknown>> {
  return tasksRequest(url, 'tasks/get', { taskId: String(taskId) });
}
