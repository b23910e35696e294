// Calls as tasks (the MCP Tasks extension, io.modelcontextprotocol/tasks): following a call to its
// final result can outlast any client's request timeout, so a client that declares the extension gets
// a task handle instead of waiting; it polls tasks/get (or cancels with tasks/cancel) until the task
// completes with the same result the tool would have returned. Tasks live in the policy store: any
// replica sharing it answers, and an SQLite store keeps them over a restart. Each tasks/get that finds
// the task working polls the vendor once (no process has to stay alive for a task to complete).
// Clients without the extension get the plain tool result, as before.
import { randomUUID } from 'node:crypto';
import { ProtocolError, ProtocolErrorCode, type CallToolResult, type McpServer, type ServerContext } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { CallResult } from '../../core/call-result.js';
import { PROVIDER_NAMES } from '../../core/providers/index.js';
import { withRawObject } from '../tools/schemas.js';
import { fail, ok, type ServerDeps, type ToolContext } from './context.js';
import { getCallResult } from './providers.js';

export const TASKS_EXTENSION = 'io.modelcontextprotocol/tasks';
/** How long a task is kept after it was created. */
const TASK_TTL_MS = 24 * 3600_000;
const POLL_INTERVAL_MS = 5_000;

const followSchema = z.object({ provider: z.enum(PROVIDER_NAMES), call_id: z.string(), call_date: z.string().optional() });
export type Follow = z.infer<typeof followSchema>;

const storedSchema = z.object({
  taskId: z.string(),
  status: z.enum(['working', 'completed', 'failed', 'cancelled']),
  statusMessage: z.string().optional(),
  createdAt: z.string(),
  lastUpdatedAt: z.string(),
  follow: followSchema,
  /** Epoch ms after which the task completes with the last result seen (timed_out). */
  deadline: z.number(),
  startedAt: z.number(),
  polls: z.number(),
  /** Who created it (OAuth client id): only they may read or cancel it. */
  owner: z.string().optional(),
  /** place_call's answer when the task follows the call it placed (its result is that answer plus the call's result). */
  placed: z.record(z.string(), z.unknown()).optional(),
  result: z.record(z.string(), z.unknown()).optional(),
});
type StoredTask = z.infer<typeof storedSchema>;

/** A tool call that returns a task handle instead of its result (caught by defineTool). */
export class TaskStarted extends Error {
  constructor(readonly result: CallToolResult) {
    super('the tool call continues as a task');
  }
}

/** Does the client of this request accept a task handle? */
export function acceptsTasks(server: McpServer): boolean {
  return server.server.getClientCapabilities()?.extensions?.[TASKS_EXTENSION] !== undefined;
}

/** What wait_for_call_result answers: the last result, whether it is final, how long and how often it polled. */
export function followOutput(result: CallResult | undefined, final: boolean, timedOut: boolean, elapsedMs: number, polls: number) {
  return { result: result && withRawObject(result), final, timed_out: timedOut, waited_seconds: Math.round(elapsedMs / 100) / 10, polls };
}

function wire(task: StoredTask): Record<string, unknown> {
  const base = { taskId: task.taskId, status: task.status, statusMessage: task.statusMessage, createdAt: task.createdAt, lastUpdatedAt: task.lastUpdatedAt, ttlMs: TASK_TTL_MS, pollIntervalMs: POLL_INTERVAL_MS };
  return task.status === 'completed' ? { ...base, result: task.result } : base;
}

async function save(deps: ServerDeps, task: StoredTask): Promise<void> {
  await deps.store.putTask(task.taskId, JSON.stringify(task), TASK_TTL_MS);
}

/** The tool's answer once the call's result is known: wait_for_call_result's, or place_call's with the result. */
function finalOutput(task: StoredTask, result: CallResult | undefined, final: boolean, timedOut: boolean, elapsedMs: number): Record<string, unknown> {
  if (task.placed) return { ...task.placed, result: result && withRawObject(result), final };
  return followOutput(result, final, timedOut, elapsedMs, task.polls);
}

/**
 * Starts following a call as a task; throws TaskStarted with the handle (the tool's answer). `placed`:
 * place_call's answer, which the handle carries and the final result extends.
 */
export async function followAsTask(ctx: ToolContext, follow: Follow, timeoutSeconds: number, placed?: Record<string, unknown>): Promise<never> {
  const now = ctx.runtime.now();
  const at = new Date(now).toISOString();
  const task: StoredTask = { taskId: randomUUID(), status: 'working', statusMessage: `following ${follow.provider} call ${follow.call_id}`, createdAt: at, lastUpdatedAt: at, follow, deadline: now + timeoutSeconds * 1000, startedAt: now, polls: 0, owner: ctx.caller, placed };
  await save(ctx, task);
  const snapshot = placed ?? followOutput(undefined, false, false, 0, 0);
  // The task handle (resultType "task"); the call's snapshot rides along as the tool's structured output.
  const handle: CallToolResult = { ...ok(ctx, snapshot), ...wire(task), resultType: 'task' };
  throw new TaskStarted(handle);
}

/** Polls the vendor once for a working task; completes it when the result is final or the deadline passed. */
async function advance(deps: ServerDeps, task: StoredTask): Promise<StoredTask> {
  if (task.status !== 'working') return task;
  const ctx: ToolContext = { ...deps, signal: new AbortController().signal, progress: async () => undefined };
  const now = () => deps.runtime.now();
  const next: StoredTask = { ...task, polls: task.polls + 1 };
  try {
    const result = await getCallResult(ctx, next.follow);
    next.statusMessage = `${result.status}${result.reason ? ` (${result.reason})` : ''}`;
    if (result.final || now() >= next.deadline) {
      next.status = 'completed';
      next.result = ok(deps, finalOutput(next, result, result.final, !result.final, now() - next.startedAt));
    }
  } catch (error) {
    next.statusMessage = `retrying: ${error instanceof Error ? error.message : String(error)}`;
    if (now() >= next.deadline) {
      next.status = 'completed';
      next.result = fail(deps, error);
    }
  }
  next.lastUpdatedAt = new Date(now()).toISOString();
  await save(deps, next);
  return next;
}

async function load(deps: ServerDeps, taskId: string, ctx: ServerContext): Promise<StoredTask> {
  const json = await deps.store.getTask(taskId);
  const task = json === undefined ? undefined : storedSchema.parse(JSON.parse(json));
  const caller = ctx.http?.authInfo?.clientId;
  if (!task || (task.owner !== undefined && task.owner !== caller)) {
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Failed to retrieve task: task ${taskId} not found (unknown to this server's policy store, expired after 24 hours, or created by another client)`);
  }
  return task;
}

const taskParams = z.object({ taskId: z.string() });

/** tasks/get and tasks/cancel on a server instance whose client speaks 2026-07-28. */
export function registerTaskMethods(server: McpServer, deps: ServerDeps): void {
  server.server.setRequestHandler('tasks/get', { params: taskParams }, async ({ taskId }, ctx) => ({ resultType: 'complete', ...wire(await advance(deps, await load(deps, taskId, ctx))) }));
  server.server.setRequestHandler('tasks/cancel', { params: taskParams }, async ({ taskId }, ctx) => {
    const task = await load(deps, taskId, ctx);
    if (task.status === 'working') {
      // Following stops; the call itself goes on (hang it up with the vendor's own operation if needed).
      await save(deps, { ...task, status: 'cancelled', statusMessage: 'cancelled by the client: the call is no longer followed', lastUpdatedAt: new Date(deps.runtime.now()).toISOString() });
    }
    return { resultType: 'complete' };
  });
}
