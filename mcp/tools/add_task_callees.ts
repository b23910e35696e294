import { z } from 'zod';
import { addCallees, screenCallees } from '../../core/actions/add-callees.js';
import { PolicyRefusal } from '../../core/policy/refusal.js';
import { PreviewCollector } from '../server/context.js';
import { providerFor } from '../server/providers.js';
import { defineTool } from './define.js';
import { DESTRUCTIVE_HINTS, dryRun, dryRunOf, providerOut, taskId, taskProvider, vars } from './schemas.js';

export const add_task_callees = defineTool({
  name: 'add_task_callees',
  toolset: 'tasks',
  readOnly: false,
  scope: 'tasks:write',
  title: 'Add callees to a task',
  description:
    'Adds any number of callees (sent in chunks the vendor accepts, paced to its rate, with progress notifications). Numbers refused by the number rules are skipped with a reason. outboundbot dials them right away (billed); volcengine does if the task runs.',
  input: {
    provider: taskProvider(),
    task_id: taskId,
    callees: z
      .array(
        z.object({
          number: z.string(),
          params: vars().optional().describe('Script variables'),
          ref: z.string().optional().describe('Your reference'),
          name: z.string().optional(),
        }),
      )
      .min(1)
      .max(300_000),
  },
  output: {
    provider: providerOut,
    task_id: z.string(),
    accepted: z.number(),
    rejected: z.number(),
    rejections: z.array(z.object({ number: z.string(), reason: z.string() })).describe('first 100'),
    requests: z.number().describe('requests sent'),
    incomplete: z.string().optional().describe('why the remaining callees were not added'),
    dry_run: dryRun,
  },
  hints: DESTRUCTIVE_HINTS,
  async run(args, ctx) {
    const numberRule = (number: string) => {
      const refusal = ctx.pipeline.numberRefusal(args.provider, number);
      return refusal && `${refusal.rule}: ${refusal.reason}`;
    };
    const { valid, rejections } = screenCallees(args.callees, numberRule);
    if (!valid.length) {
      const first = rejections[0];
      const refusal = ctx.pipeline.numberRefusal(args.provider, first.number);
      throw new PolicyRefusal(
        refusal?.rule ?? 'invalid-number',
        `none of the ${args.callees.length} callee(s) can be added; first: ${first.number}: ${first.reason}.`,
        refusal?.change ?? 'give valid phone numbers.',
        refusal?.setting,
      );
    }
    const previews = new PreviewCollector();
    const { provider, invoke, settings } = providerFor(ctx, args.provider, previews);
    ctx.confirmSummary = `add ${valid.length} callee(s) to ${args.provider} task ${args.task_id}; they will be dialled (real, billed calls).`;
    const out = await addCallees({
      provider,
      invoke,
      settings,
      taskId: args.task_id,
      callees: valid,
      signal: ctx.signal,
      onProgress: (n) => ctx.progress(n.requests, n.chunks, n.requests ? `${n.accepted} of ${n.total} added` : `adding ${n.total} callee(s) in ${n.chunks} request(s)`),
    });
    rejections.push(...out.rejections);
    return {
      provider: args.provider,
      task_id: args.task_id,
      accepted: out.accepted,
      rejected: rejections.length,
      rejections: rejections.slice(0, 100),
      requests: out.requests,
      ...(out.incomplete ? { incomplete: out.incomplete } : {}),
      ...dryRunOf(previews),
    };
  },
});
