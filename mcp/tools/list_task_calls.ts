import { z } from 'zod';
import { taskCallsPage } from '../../core/actions/task-calls.js';
import { providerFor } from '../server/providers.js';
import { defineTool } from './define.js';
import { callResultOut, providerOut, READ_HINTS, taskId, withRawObject } from './schemas.js';

export const list_task_calls = defineTool({
  name: 'list_task_calls',
  toolset: 'tasks',
  readOnly: true,
  scope: 'calls:read',
  title: 'List the calls of a task',
  description: 'One page of per-callee call results of a task (dyvms, outboundbot).',
  input: {
    provider: z.enum(['dyvms', 'outboundbot']),
    task_id: taskId,
    page: z.number().int().min(1).default(1),
    page_size: z.number().int().min(1).max(100).default(20),
  },
  output: {
    provider: providerOut,
    task_id: z.string(),
    page: z.number(),
    page_size: z.number(),
    total: z.number().optional(),
    has_more: z.boolean(),
    calls: z.array(z.object(callResultOut)),
  },
  hints: READ_HINTS,
  async run(args, ctx) {
    const { provider, invoke, settings } = providerFor(ctx, args.provider);
    const r = await taskCallsPage(provider, invoke, settings, args.task_id, args.page, args.page_size);
    return { provider: args.provider, task_id: args.task_id, ...r, calls: r.calls.map(withRawObject) };
  },
});
