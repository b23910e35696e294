// The smallest useful MCP server on the same SDK as callbridge: one tool with a zod input, over stdio.
// bench/mcp.ts starts it as it starts callbridge's, for the RSS-after-start target (≤ 1.1× this).
import { McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { z } from 'zod';

serveStdio(() => {
  const server = new McpServer({ name: 'minimal', version: '0.0.0' }, { capabilities: { tools: {} } });
  server.registerTool('echo', { description: 'Echoes its text.', inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({ content: [{ type: 'text', text }] }));
  return server;
});
