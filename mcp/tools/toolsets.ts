// Which tools a server lists: the toolsets asked for, only the read-only tools in --read-only mode.
// Each tool names its own toolset and read-only status; a misfiled tool stops the server at start.
import { TOOLSET_NAMES, type ToolsetName } from '../guardrails/config.js';
import type { McpTool } from './define.js';
import { TOOLS } from './index.js';

/** Throws on a duplicate name, an unknown toolset, or a read-only status the annotations contradict. */
export function checkTools(tools: readonly McpTool[] = TOOLS): void {
  const names = new Set<string>();
  for (const tool of tools) {
    if (names.has(tool.name)) throw new Error(`two tools are named "${tool.name}"`);
    names.add(tool.name);
    if (!TOOLSET_NAMES.some((set) => set === tool.toolset)) throw new Error(`tool "${tool.name}" declares unknown toolset "${tool.toolset}" (known: ${TOOLSET_NAMES.join(', ')})`);
    if (tool.annotations.readOnlyHint !== tool.readOnly) {
      throw new Error(`tool "${tool.name}" is ${tool.readOnly ? '' : 'not '}read-only but its readOnlyHint is ${String(tool.annotations.readOnlyHint)}`);
    }
    if (tool.readOnly && tool.annotations.destructiveHint !== false) throw new Error(`tool "${tool.name}" is read-only but not marked destructiveHint: false`);
    if (tool.readOnly !== (tool.scope === 'calls:read')) throw new Error(`tool "${tool.name}": read-only tools, and only they, need the calls:read scope (it declares ${tool.scope})`);
  }
}

/** The tools to list for these toolsets (read-only tools only in read-only mode), in TOOLS order. */
export function selectTools(toolsets: readonly ToolsetName[], readOnly: boolean, tools: readonly McpTool[] = TOOLS): McpTool[] {
  checkTools(tools);
  return tools.filter((t) => toolsets.includes(t.toolset) && (t.readOnly || !readOnly));
}

/** The tools an OAuth token's scopes cover (no token scopes: every tool, e.g. the static bearer token). */
export function toolsForScopes(tools: readonly McpTool[], scopes: readonly string[] | undefined): readonly McpTool[] {
  return scopes ? tools.filter((t) => scopes.includes(t.scope)) : tools;
}
