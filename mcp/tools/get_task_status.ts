import { z } from 'zod';
import { TASK_STATES, TASK_STATUS_PROVIDERS } from '../../core/providers/index.js';
import { waitUntilFinal } from '../../core/wait.js';
import { campaignProgress, campaignStatus } from '../server/providers.js';
import { campaignOutput } from '../server/task-follows.js';
import { followAsTask } from '../server/tasks.js';
import { defineTool } from './define.js';
import { anyObject, providerOut, READ_HINTS, taskId } from './schemas.js';

export const get_task_status = defineTool({
  name: 'get_task_status',
  toolset: 'tasks',
  readOnly: true,
  scope: 'calls:read',
  title: 'Get task status',
  description: `Task state (${TASK_STATES.join(', ')}), vendor status and progress counts (dyvms, outboundbot). With wait_seconds, follows the task until it is completed or cancelled (progress notifications); clients with the MCP Tasks extension get a task to poll instead.`,
  input: {
    provider: z.enum(TASK_STATUS_PROVIDERS),
    task_id: taskId,
    wait_seconds: z.number().min(1).max(86_400).optional().describe('Follow the task until it is completed or cancelled, for up to this long'),
    interval_seconds: z.number().min(1).max(300).default(5).describe('With wait_seconds: first poll interval (grows to 15 s)'),
  },
  output: {
    provider: providerOut,
    task_id: z.string(),
    state: z.enum(TASK_STATES),
    vendor_status: z.string().optional(),
    total: z.number().optional(),
    completed: z.number().optional(),
    final: z.boolean().describe('completed or cancelled: the task will not dial any more by itself'),
    timed_out: z.boolean().optional().describe('with wait_seconds: the wait ended before the task did'),
    raw: anyObject(),
  },
  hints: READ_HINTS,
  async run(args, ctx) {
    const { provider, task_id: taskId, wait_seconds: waitSeconds } = args;
    const first = await campaignStatus(ctx, { provider, task_id: taskId });
    if (!waitSeconds || first.final) return campaignOutput(provider, taskId, first, waitSeconds ? false : undefined);
    if (ctx.acceptsTasks) await followAsTask(ctx, { kind: 'campaign', provider, task_id: taskId }, waitSeconds, campaignOutput(provider, taskId, first), campaignProgress(first));
    await ctx.progress(0, waitSeconds, campaignProgress(first));
    const outcome = await waitUntilFinal(() => campaignStatus(ctx, { provider, task_id: taskId }), {
      runtime: ctx.runtime,
      timeoutMs: waitSeconds * 1000,
      intervalMs: args.interval_seconds * 1000,
      signal: ctx.signal,
      onProgress: (p) => ctx.progress(p.elapsedMs / 1000, waitSeconds, p.result ? campaignProgress(p.result) : `retrying: ${p.error}`),
    });
    return campaignOutput(provider, taskId, outcome.result ?? first, !outcome.final);
  },
});
