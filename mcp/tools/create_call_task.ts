import { z } from 'zod';
import { PreviewCollector } from '../server/context.js';
import { providerFor } from '../server/providers.js';
import { defineTool } from './define.js';
import { dryRun, dryRunOf, providerOut, taskProvider } from './schemas.js';

export const create_call_task = defineTool({
  name: 'create_call_task',
  toolset: 'tasks',
  readOnly: false,
  scope: 'tasks:write',
  title: 'Create a call task',
  description:
    'Creates a robot/batch call task (dyvms robot task, outboundbot job group, volcengine task) without dialling; the calling window follows the server calling hours where the vendor allows. Then add_task_callees and control_task start.',
  input: {
    provider: taskProvider(),
    name: z.string().min(1).max(30),
    script_id: z.string().describe('From list_robot_scripts'),
    caller_id: z.string().optional().describe('Caller number (dyvms: required); volcengine: number pool NP... or a pool number'),
    retry: z.object({ times: z.number().int().min(0).max(5), interval_minutes: z.number().int().min(1).optional() }).optional().describe('Redial unanswered numbers'),
    concurrency: z.number().int().min(1).optional().describe('volcengine: simultaneous calls (capped by the server limit)'),
  },
  output: { provider: providerOut, task_id: z.string().optional().describe('absent in dry-run'), operation: z.string(), dry_run: dryRun },
  hints: { destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async run(args, ctx) {
    const previews = new PreviewCollector();
    const { provider, invoke, settings } = providerFor(ctx, args.provider, previews);
    const out = await provider.createTask(invoke, settings, args);
    return { provider: args.provider, ...out, ...dryRunOf(previews) };
  },
});
