import { z } from 'zod';
import { alibabaResponse, dateTime } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { robotTaskId, okFlag } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.StartRobotTask',
  title: 'Start or schedule a robot task',
  description:
    'Starts a robot task now, or at ScheduleTime, and so dials every number uploaded with dyvms.UploadRobotTaskCalledFile (billed). Also resumes a task paused with dyvms.StopRobotTask. ' +
    'Before calling, check the task and its callee files with dyvms.QueryRobotTaskDetail. Watch progress with dyvms.QueryRobotTaskList and results with dyvms.QueryRobotTaskCallList. ' +
    'A scheduled start can be withdrawn with dyvms.CancelOrderRobotTask before it fires.',
  access: 'call',
  resource: 'robotTask',
  check: ['TaskId'],
  effects: { dials: 'start', task: ['TaskId'], window: [{ path: 'ScheduleTime', form: 'beijing-datetime', edge: 'start' }] },
  destructive: true,
  qps: 100,
  input: () => z.strictObject({
    TaskId: robotTaskId().describe('ID of the robot task (Data of dyvms.CreateRobotTask).'),
    ScheduleTime: dateTime()
      .optional()
      .describe('Start at this time instead of now, "yyyy-MM-dd HH:mm:ss" (vendor local time, presumably Beijing time). (Split as "ScheduleT ime" in the PDF.)'),
  }),
  output: () => alibabaResponse({ Data: okFlag() }),
  examples: [
    { input: { TaskId: 1045001 }, wire: { TaskId: '1045001' } },
    { title: 'Scheduled', input: { TaskId: '1045001', ScheduleTime: '2019-06-14 14:55:23' }, wire: { TaskId: '1045001', ScheduleTime: '2019-06-14 14:55:23' } },
  ],
});
