import { z } from 'zod';
import { PreviewCollector } from '../server/context.js';
import { providerFor } from '../server/providers.js';
import { defineTool } from './define.js';
import { DESTRUCTIVE_HINTS, dryRun, dryRunOf, providerOut, taskId, taskProvider } from './schemas.js';

export const control_task = defineTool({
  name: 'control_task',
  toolset: 'tasks',
  readOnly: false,
  // It can dial (control_task: start and resume dial the task's callees).
  scope: 'calls:place',
  title: 'Start, pause, resume or cancel a task',
  description: 'start (optionally at schedule_time) and resume dial the task callees (billed); pause stops dialling; cancel ends the task for good.',
  input: {
    provider: taskProvider(),
    task_id: taskId,
    action: z.enum(['start', 'pause', 'resume', 'cancel']),
    schedule_time: z.string().optional().describe('start only: ISO 8601 time (dyvms)'),
  },
  output: { provider: providerOut, task_id: z.string(), action: z.string(), operation: z.string(), dry_run: dryRun },
  hints: DESTRUCTIVE_HINTS,
  async run(args, ctx) {
    const previews = new PreviewCollector();
    const { provider, invoke, settings } = providerFor(ctx, args.provider, previews);
    const out = await provider.controlTask(invoke, settings, args.task_id, args.action, args.schedule_time);
    return { provider: args.provider, task_id: args.task_id, action: args.action, ...out, ...dryRunOf(previews) };
  },
});
