import { z } from 'zod';
import { alibabaResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { robotTaskId, okFlag } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.CancelRobotTask',
  title: 'Terminate a robot task',
  description:
    'Terminates an in-progress robot task permanently: remaining numbers are never dialled and the task cannot be restarted. Irreversible. ' +
    'To pause instead use dyvms.StopRobotTask; to withdraw a scheduled start use dyvms.CancelOrderRobotTask. A terminated task can then be removed with dyvms.DeleteRobotTask. ' +
    '(The doc marks TaskId optional; it is required here because the operation cannot work without it.)',
  access: 'write',
  resource: 'robotTask',
  check: ['TaskId'],
  destructive: true,
  idempotent: true,
  qps: 100,
  input: () => z.strictObject({
    TaskId: robotTaskId().describe('ID of the robot task to terminate.'),
  }),
  output: () => alibabaResponse({ Data: okFlag() }),
  examples: [{ input: { TaskId: 1045001 }, wire: { TaskId: '1045001' } }],
});
