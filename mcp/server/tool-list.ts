// The tools/list entries, built once per tool and process: the JSON the SDK's own tools/list
// handler would build (McpServer converts every tool's zod schemas to JSON Schema again on each
// tools/list, and stateless HTTP builds a server per request). test/mcp/tools-list-prepared.test.ts
// holds them byte for byte to the SDK's answer.
import type { Tool } from '@modelcontextprotocol/server';
import { isRecord } from './json.js';
import type { McpTool } from '../tools/define.js';

type ObjectJsonSchema = Tool['inputSchema'];

/** The checks MCP puts on a tool's input and output schema (an object schema); the object itself is kept, key order included. */
function isObjectJsonSchema(schema: Record<string, unknown>): schema is ObjectJsonSchema {
  return schema.type === 'object' && (schema.properties === undefined || isRecord(schema.properties)) && (schema.required === undefined || Array.isArray(schema.required));
}

function jsonSchema(tool: McpTool, io: 'input' | 'output'): ObjectJsonSchema {
  // What McpServer does for tools/list: the schema's own Standard JSON Schema conversion, draft 2020-12;
  // an input schema gets `type` as its first key.
  const converted = (io === 'input' ? tool.input : tool.output)['~standard'].jsonSchema[io]({ target: 'draft-2020-12' });
  const schema = io === 'input' ? { type: 'object', ...converted } : converted;
  if (!isObjectJsonSchema(schema)) throw new Error(`tool "${tool.name}": its ${io} schema is not an object schema`);
  return schema;
}

const entries = new WeakMap<McpTool, Tool>();

/** One tool's tools/list entry (same keys, in the same order, as McpServer's). */
function entryOf(tool: McpTool): Tool {
  let entry = entries.get(tool);
  if (!entry) {
    entry = {
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: jsonSchema(tool, 'input'),
      annotations: tool.annotations,
      outputSchema: jsonSchema(tool, 'output'),
    };
    entries.set(tool, entry);
  }
  return entry;
}

/** The tools/list entries of these tools, in their order. */
export function toolListEntries(tools: readonly McpTool[]): Tool[] {
  return tools.map(entryOf);
}
