import { z } from 'zod';
import { alibabaResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { robotTaskId, okFlag } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.StopRobotTask',
  title: 'Pause a robot task',
  description:
    'Pauses a running robot task: no further numbers are dialled until it is resumed with dyvms.StartRobotTask. Despite the name this is a pause, not an end; ' +
    'to end a task for good use dyvms.CancelRobotTask, to withdraw a scheduled start use dyvms.CancelOrderRobotTask.',
  access: 'write',
  resource: 'robotTask',
  check: ['TaskId'],
  idempotent: true,
  qps: 100,
  input: () => z.strictObject({
    TaskId: robotTaskId().describe('ID of the running robot task.'),
  }),
  output: () => alibabaResponse({ Data: okFlag() }),
  examples: [{ input: { TaskId: '1045001' }, wire: { TaskId: '1045001' } }],
});
