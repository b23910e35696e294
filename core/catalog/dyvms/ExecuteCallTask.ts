import { z } from 'zod';
import { alibabaResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callTaskId, okFlag } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.ExecuteCallTask',
  title: 'Start, schedule, stop or cancel a batch task',
  description:
    'Changes the run state of a Task Center task created by dyvms.CreateCallTask: RUNNING starts dialling every callee now (billed), TIMING schedules the start at FireTime (billed then), STOP stops it, CANCEL cancels it for good. ' +
    'Check progress with dyvms.ListCallTask and per-callee results with dyvms.ListCallTaskDetail. Success is Code "200" with Data true. ' +
    'Trap: FireTime is documented as "yyyy.MM.dd HH:mm:ss" but the example uses "yyyy-MM-dd HH:mm:ss"; both are accepted and sent as given.',
  access: 'call',
  resource: 'batchTask',
  check: ['TaskId'],
  effects: {
    dials: 'start',
    when: (input) => input.Status === 'RUNNING' || input.Status === 'TIMING',
    task: ['TaskId'],
    window: [{ path: 'FireTime', form: 'beijing-datetime', edge: 'start' }],
  },
  destructive: true,
  qps: 100,
  input: () => z
    .strictObject({
      TaskId: callTaskId().describe('ID of the task from dyvms.CreateCallTask (its Data).'),
      Status: z
        .enum(['RUNNING', 'TIMING', 'STOP', 'CANCEL'])
        .describe('Target state: RUNNING = start now, TIMING = start at FireTime, STOP = stop, CANCEL = cancel (irreversible).'),
      FireTime: z
        .string()
        .regex(/^\d{4}([-.])\d{2}\1\d{2} \d{2}:\d{2}:\d{2}$/, 'must be "yyyy-MM-dd HH:mm:ss" (or "yyyy.MM.dd HH:mm:ss")')
        .optional()
        .describe('Scheduled start for Status TIMING, "yyyy-MM-dd HH:mm:ss" (the documented "yyyy.MM.dd HH:mm:ss" is accepted too).'),
    })
    .superRefine((input, ctx) => {
      if (input.Status === 'TIMING' && input.FireTime === undefined) {
        ctx.addIssue({ code: 'custom', path: ['FireTime'], message: 'is required when Status is TIMING' });
      }
      if (input.Status !== 'TIMING' && input.FireTime !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['FireTime'], message: 'only applies when Status is TIMING' });
      }
    }),
  output: () => alibabaResponse({
    Data: okFlag(),
  }),
  examples: [
    { input: { TaskId: 22560000, Status: 'RUNNING' }, wire: { TaskId: '22560000', Status: 'RUNNING' } },
    {
      title: 'Schedule',
      input: { TaskId: '22560000', Status: 'TIMING', FireTime: '2021-03-09 00:00:00' },
      wire: { TaskId: '22560000', Status: 'TIMING', FireTime: '2021-03-09 00:00:00' },
    },
  ],
});
