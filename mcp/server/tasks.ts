// Calls and campaigns as tasks (the MCP Tasks extension, io.modelcontextprotocol/tasks): following a
// call or a call task (campaign) to its end can outlast any client's request timeout, so a client that
// declares the extension gets a task handle instead of waiting; it polls tasks/get (or cancels with
// tasks/cancel) until the task completes with the same result the tool would have returned. Tasks live
// in the policy store: any replica sharing it answers, and an SQLite store keeps them over a restart.
// A task completes two ways: a tasks/get that finds it working asks the vendor, at most once per poll
// interval (--task-poll-seconds), so no process has to stay alive for it; and a receipt saying the
// followed call ended (POST /receipts/<vendor> on any replica sharing the store's events) makes the
// process that created the task ask the vendor at once, without waiting for the next poll. The vendor
// stays the source of the result: a forged receipt costs one query and ends nothing.
// Clients without the extension get the plain tool result, as before.
import { randomUUID } from 'node:crypto';
import { ProtocolError, ProtocolErrorCode, type CallToolResult, type McpServer, type ServerContext } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { fail, ok, type ServerDeps, type ToolContext } from './context.js';
import { describeFollow, followSchema, look, onFollowedEnd, type Follow } from './task-follows.js';

export const TASKS_EXTENSION = 'io.modelcontextprotocol/tasks';
/** How long a task is kept after it was created. */
const TASK_TTL_MS = 24 * 3600_000;

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
  /** Epoch ms of the last question to the vendor (tasks/get asks again once the poll interval passed). */
  lastPolledAt: z.number().optional(),
  /** Who created it (OAuth client id): only they may read or cancel it. */
  owner: z.string().optional(),
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

const pollIntervalMs = (deps: ServerDeps) => deps.config.taskPollSeconds * 1000;

function wire(deps: ServerDeps, task: StoredTask): Record<string, unknown> {
  const base = {
    taskId: task.taskId,
    status: task.status,
    statusMessage: task.statusMessage,
    createdAt: task.createdAt,
    lastUpdatedAt: task.lastUpdatedAt,
    ttlMs: TASK_TTL_MS,
    pollIntervalMs: pollIntervalMs(deps),
  };
  return task.status === 'completed' ? { ...base, result: task.result } : base;
}

async function save(deps: ServerDeps, task: StoredTask): Promise<void> {
  await deps.store.putTask(task.taskId, JSON.stringify(task), TASK_TTL_MS);
}

async function find(deps: ServerDeps, taskId: string): Promise<StoredTask | undefined> {
  const json = await deps.store.getTask(taskId);
  return json === undefined ? undefined : storedSchema.parse(JSON.parse(json));
}

/**
 * Starts following a call or campaign as a task; throws TaskStarted with the handle (the tool's answer).
 * `snapshot`: what the handle carries as the tool's structured output meanwhile (place_call's answer,
 * the campaign's current status). `seen`: what the tool's own look just saw (it counts as the first poll).
 */
export async function followAsTask(ctx: ToolContext, follow: Follow, timeoutSeconds: number, snapshot: Record<string, unknown>, seen?: string): Promise<never> {
  const now = ctx.runtime.now();
  const at = new Date(now).toISOString();
  const task: StoredTask = {
    taskId: randomUUID(),
    status: 'working',
    statusMessage: seen ?? describeFollow(follow),
    createdAt: at,
    lastUpdatedAt: at,
    follow,
    deadline: now + timeoutSeconds * 1000,
    startedAt: now,
    polls: seen === undefined ? 0 : 1,
    lastPolledAt: seen === undefined ? undefined : now,
    owner: ctx.caller,
  };
  await save(ctx, task);
  listenForReceipts(ctx, task);
  // The task handle (resultType "task"); the snapshot rides along as the tool's structured output.
  const handle: CallToolResult = { ...ok(ctx, snapshot), ...wire(ctx, task), resultType: 'task' };
  throw new TaskStarted(handle);
}

/**
 * Until the task ends (or its deadline), a receipt for the followed call (told to this process by
 * the store's call events, from any replica) makes this process ask the vendor at once.
 */
function listenForReceipts(deps: ServerDeps, created: StoredTask): void {
  let asking: Promise<void> | undefined;
  let askAgain = false;
  const stop = () => {
    stopListening();
    clearTimeout(timer);
  };
  const ask = async () => {
    const task = await find(deps, created.taskId);
    if (!task || task.status !== 'working') return stop();
    if ((await advance(deps, task, true)).status !== 'working') stop();
  };
  const wake = () => {
    // One question at a time; a receipt that arrives meanwhile asks once more afterwards.
    if (asking) {
      askAgain = true;
      return;
    }
    asking = ask()
      .catch(() => undefined) // tasks/get keeps polling
      .finally(() => {
        asking = undefined;
        if (askAgain) {
          askAgain = false;
          wake();
        }
      });
  };
  const stopListening = onFollowedEnd(toolContext(deps), created.follow, wake);
  const timer = setTimeout(stop, Math.max(0, created.deadline - deps.runtime.now()));
  timer.unref();
}

/** A context for asking the vendor outside any tool call (nothing of the request that created the task). */
function toolContext(deps: ServerDeps): ToolContext {
  const { client, config, pipeline, runtime, signer, store, inProcessSandbox } = deps;
  return { client, config, pipeline, runtime, signer, store, inProcessSandbox, signal: new AbortController().signal, progress: async () => undefined };
}

/**
 * Asks the vendor about a working task when its poll interval passed (or `now`: a receipt came), and
 * completes it when what it follows is final or the deadline passed.
 */
async function advance(deps: ServerDeps, task: StoredTask, now = false): Promise<StoredTask> {
  const clock = () => deps.runtime.now();
  const due = now || task.lastPolledAt === undefined || clock() - task.lastPolledAt >= pollIntervalMs(deps) || clock() >= task.deadline;
  if (task.status !== 'working' || !due) return task;
  const next: StoredTask = { ...task, polls: task.polls + 1, lastPolledAt: clock() };
  try {
    const seen = await look(toolContext(deps), next.follow);
    next.statusMessage = seen.message;
    if (seen.final || clock() >= next.deadline) {
      next.status = 'completed';
      next.result = ok(deps, seen.output(!seen.final, clock() - next.startedAt, next.polls));
    }
  } catch (error) {
    next.statusMessage = `retrying: ${error instanceof Error ? error.message : String(error)}`;
    if (clock() >= next.deadline) {
      next.status = 'completed';
      next.result = fail(deps, error);
    }
  }
  next.lastUpdatedAt = new Date(clock()).toISOString();
  // Cancelled (or completed elsewhere) while the vendor answered: that stands.
  const current = await find(deps, task.taskId);
  if (current && current.status !== 'working') return current;
  await save(deps, next);
  return next;
}

async function load(deps: ServerDeps, taskId: string, ctx: ServerContext): Promise<StoredTask> {
  const task = await find(deps, taskId);
  const caller = ctx.http?.authInfo?.clientId;
  if (!task || (task.owner !== undefined && task.owner !== caller)) {
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Failed to retrieve task: task ${taskId} not found (unknown to this server's policy store, expired after 24 hours, or created by another client)`);
  }
  return task;
}

const taskParams = z.object({ taskId: z.string() });

/** tasks/get and tasks/cancel on a server instance whose client speaks 2026-07-28. */
export function registerTaskMethods(server: McpServer, deps: ServerDeps): void {
  server.server.setRequestHandler('tasks/get', { params: taskParams }, async ({ taskId }, ctx) => ({ resultType: 'complete', ...wire(deps, await advance(deps, await load(deps, taskId, ctx))) }));
  server.server.setRequestHandler('tasks/cancel', { params: taskParams }, async ({ taskId }, ctx) => {
    const task = await load(deps, taskId, ctx);
    if (task.status === 'working') {
      // Following stops; the call or campaign itself goes on (stop it with control_task or the vendor's own operation).
      await save(deps, { ...task, status: 'cancelled', statusMessage: 'cancelled by the client: no longer followed (the call or campaign itself goes on)', lastUpdatedAt: new Date(deps.runtime.now()).toISOString() });
    }
    return { resultType: 'complete' };
  });
}
