// The baseline of the MCP HTTP benchmark: the smallest SDK v2 server over stateless Streamable HTTP
// (createMcpHandler behind node:http), answering tools/list with the same entries callbridge lists
// (read from the file argv[2]) and one tool, search_operations, with a fixed small answer.
//   node minimal-mcp-server.mjs tools.json   -> prints "listening on http://127.0.0.1:PORT/mcp" on stderr
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, McpServer, type Tool } from '@modelcontextprotocol/server';
import { z } from 'zod';

const tools = (JSON.parse(readFileSync(process.argv[2], 'utf8')) as { tools: Tool[] }).tools;

const handler = toNodeHandler(
  createMcpHandler(() => {
    const server = new McpServer({ name: 'minimal', version: '1' }, { capabilities: { tools: {} } });
    server.registerTool('search_operations', { inputSchema: z.object({ query: z.string(), limit: z.number().optional() }) }, async () => ({
      content: [{ type: 'text', text: '{"total":1,"operations":[{"id":"dyvms.SingleCallByTts","title":"Call with a TTS template","access":"call"}]}' }],
    }));
    server.server.setRequestHandler('tools/list', () => ({ tools }));
    return server;
  }),
);

const http = createServer((req, res) => void handler(req, res));
http.keepAliveTimeout = 65_000;
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  if (address && typeof address !== 'string') process.stderr.write(`listening on http://127.0.0.1:${address.port}/mcp\n`);
});
