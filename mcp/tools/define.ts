// An MCP tool is defined like a catalog operation: one file, one `defineTool({...})` holding every
// fact about it (name, toolset, read-only status, texts, input and output schemas, hints) and a
// handler whose arguments and result are typed from those schemas.
import type { McpServer, ServerContext, ToolAnnotations } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { ToolsetName } from '../guardrails/config.js';
import { ConfirmationNeeded } from '../server/confirmation.js';
import { fail, ok, type ToolContext } from '../server/context.js';
import { TaskStarted } from '../server/tasks.js';
import { preparedSchema } from './prepared-schema.js';
import { unknownArgumentsMessage } from './unknown-arguments.js';

/** OAuth scopes, each covering some tools: reading, managing tasks, dialling. */
export const SCOPES = ['calls:read', 'tasks:write', 'calls:place'] as const;
export type Scope = (typeof SCOPES)[number];

/** The annotations besides readOnlyHint, which the tool's `readOnly` field sets. */
export interface ToolHints {
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

export interface ToolSpec<I extends z.ZodRawShape, O extends z.ZodRawShape> {
  name: string;
  toolset: ToolsetName;
  /** Only reads: the tool stays in --read-only mode, and its readOnlyHint says so. */
  readOnly: boolean;
  /** The OAuth scope a token needs to see and call the tool (HTTP with --oauth-issuer). */
  scope: Scope;
  title: string;
  description: string;
  input: I;
  output: O;
  hints: ToolHints;
  /** Does the work; a thrown error becomes an isError result. Runs operations only through execute() (mcp/server/context.ts). */
  run(args: z.output<z.ZodObject<I>>, ctx: ToolContext): Promise<z.output<z.ZodObject<O>>>;
}

/** A defined tool, as the server lists and registers it. */
export interface McpTool {
  readonly name: string;
  readonly toolset: ToolsetName;
  readonly readOnly: boolean;
  readonly scope: Scope;
  readonly title: string;
  readonly description: string;
  readonly annotations: ToolAnnotations;
  readonly input: z.ZodObject;
  readonly output: z.ZodObject;
  /** Registers the tools/call handler on `server`; `contextFor` makes each call's context. */
  register(server: McpServer, contextFor: (request: ServerContext, tool: string) => ToolContext): void;
}

export function defineTool<I extends z.ZodRawShape, O extends z.ZodRawShape>(spec: ToolSpec<I, O>): McpTool {
  // Strict: an argument the tool does not declare is an error naming the closest declared one.
  const input = z.strictObject(spec.input, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownArgumentsMessage(spec.name, issue.keys, Object.keys(spec.input)) : undefined),
  });
  const output = z.object(spec.output);
  const annotations: ToolAnnotations = { readOnlyHint: spec.readOnly, ...spec.hints };
  const preparedInput = preparedSchema(input);
  const preparedOutput = preparedSchema(output);
  return {
    name: spec.name,
    toolset: spec.toolset,
    readOnly: spec.readOnly,
    scope: spec.scope,
    title: spec.title,
    description: spec.description,
    annotations,
    input,
    output,
    register(server, contextFor) {
      const config = { title: spec.title, description: spec.description, inputSchema: preparedInput, outputSchema: preparedOutput, annotations };
      server.registerTool(spec.name, config, async (args, request) => {
        const ctx = contextFor(request, spec.name);
        try {
          return ok(ctx, await spec.run(args, ctx));
        } catch (error) {
          // A billed request needs a person's yes: ask (input_required), the client retries with the answer.
          if (error instanceof ConfirmationNeeded) return error.result;
          // The work goes on as a task: the client polls tasks/get.
          if (error instanceof TaskStarted) return error.result;
          return fail(ctx, error);
        }
      });
    },
  };
}
