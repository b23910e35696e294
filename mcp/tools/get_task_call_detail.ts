import { z } from 'zod';
import { taskCallDetail } from '../server/providers.js';
import { defineTool } from './define.js';
import { callRef, callResultOut, READ_HINTS, taskProvider, transcript, withRawObject } from './schemas.js';

export const get_task_call_detail = defineTool({
  name: 'get_task_call_detail',
  toolset: 'tasks',
  readOnly: true,
  scope: 'calls:read',
  title: 'Get one task call in detail',
  description: "Result of one callee's call in a task, with the robot dialogue transcript where the vendor keeps one.",
  input: { provider: taskProvider(), ...callRef },
  output: { result: z.object(callResultOut), transcript },
  hints: READ_HINTS,
  async run(args, ctx) {
    const r = await taskCallDetail(ctx, args);
    return { result: withRawObject(r.result), transcript: r.transcript };
  },
});
