import { z } from 'zod';
import { TASK_STATES } from '../../core/providers/index.js';
import { providerFor } from '../server/providers.js';
import { defineTool } from './define.js';
import { anyObject, providerOut, READ_HINTS, taskId, withRawObject } from './schemas.js';

export const get_task_status = defineTool({
  name: 'get_task_status',
  toolset: 'tasks',
  readOnly: true,
  scope: 'calls:read',
  title: 'Get task status',
  description: `Task state (${TASK_STATES.join(', ')}), vendor status and progress counts (dyvms, outboundbot).`,
  input: { provider: z.enum(['dyvms', 'outboundbot']), task_id: taskId },
  output: {
    provider: providerOut,
    task_id: z.string(),
    state: z.enum(TASK_STATES),
    vendor_status: z.string().optional(),
    total: z.number().optional(),
    completed: z.number().optional(),
    raw: anyObject(),
  },
  hints: READ_HINTS,
  async run(args, ctx) {
    const { provider, invoke, settings } = providerFor(ctx, args.provider);
    return { provider: args.provider, task_id: args.task_id, ...withRawObject(await provider.taskStatus(invoke, settings, args.task_id)) };
  },
});
