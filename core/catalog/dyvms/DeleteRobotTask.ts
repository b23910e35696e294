import { z } from 'zod';
import { alibabaResponse, bool, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { robotTaskId } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.DeleteRobotTask',
  title: 'Delete a robot task',
  description:
    'Deletes a robot task that has not started, has finished, or was terminated (dyvms.CancelRobotTask). Irreversible: the task and its results are no longer listed. ' +
    'Pause or terminate a running task first.',
  access: 'write',
  resource: 'robotTask',
  check: ['TaskId'],
  destructive: true,
  idempotent: true,
  qps: 100,
  input: () => z.strictObject({
    TaskId: robotTaskId().describe('ID of the robot task to delete.'),
  }),
  output: () => alibabaResponse({
    Data: z
      .union([bool(), str()])
      .optional()
      .describe('true when deleted (the XML example returns the task ID instead, which is passed through as text).'),
  }),
  examples: [{ input: { TaskId: 4001112222 }, wire: { TaskId: '4001112222' } }],
});
