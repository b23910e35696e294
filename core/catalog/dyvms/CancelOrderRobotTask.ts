import { z } from 'zod';
import { alibabaResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { robotTaskId, okFlag } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.CancelOrderRobotTask',
  title: 'Cancel a robot task\'s scheduled start',
  description:
    'Withdraws the scheduled start of a robot task (one started with dyvms.StartRobotTask and a ScheduleTime) before it fires, so no calls are placed. ' +
    'Not to be confused with dyvms.StopRobotTask (pause a running task) or dyvms.CancelRobotTask (terminate a task for good).',
  access: 'write',
  resource: 'robotTask',
  check: ['TaskId'],
  idempotent: true,
  qps: 100,
  input: () => z.strictObject({
    TaskId: robotTaskId().describe('ID of the scheduled robot task.'),
  }),
  output: () => alibabaResponse({ Data: okFlag() }),
  examples: [{ input: { TaskId: 1045001 }, wire: { TaskId: '1045001' } }],
});
