import { z } from 'zod';
import { flag, int, volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { endAfterStart, forbidTimeList, ringAgainInterval, ringAgainTimes, startEnd, taskOpenId, taskResult, taskScheduleEffects } from '../shared/volcengine.js';

export default defineOperation({
  id: 'volcengine.UpdateTask',
  title: 'Change a task\'s schedule and pace',
  description:
    'Changes a Volcengine call task\'s calling window (StartTime-EndTime, both required), concurrency, redial settings and do-not-call windows. It does not change the callees (volcengine.BatchAppend adds some) and does not start or stop the task. Integers may be given as numeric strings and are sent as numbers.',
  access: 'write',
  resource: 'task',
  check: ['TaskOpenId'],
  effects: { task: ['TaskOpenId'], ...taskScheduleEffects },
  idempotent: true,
  wire: {
    bodyType: 'json',
  },
  docUrl: 'https://www.volcengine.com/docs/6358/1722095',
  input: () => z
    .strictObject({
      TaskOpenId: taskOpenId(),
      ...startEnd(),
      Concurrency: int(1).describe('Most calls the task places at the same time.'),
      RingAgainTimes: ringAgainTimes().optional(),
      RingAgainInterval: ringAgainInterval().optional(),
      Recall: flag().optional().describe('Whether the redial settings (RingAgainTimes, RingAgainInterval) are updated too (default true).'),
      ForbidTimeList: forbidTimeList().optional(),
    })
    .refine(endAfterStart, { message: 'EndTime must be after StartTime', path: ['EndTime'] }),
  output: () => volcengineResponse(taskResult()),
  examples: [
    {
      input: {
        TaskOpenId: '123',
        StartTime: '2021-05-20 17:35:43',
        EndTime: '2021-05-21 17:35:44',
        Concurrency: '1',
        RingAgainTimes: 1,
        RingAgainInterval: 5,
        ForbidTimeList: [{ Weekdays: [1], Times: ['10:00-11:00'] }],
      },
      wire: {
        TaskOpenId: '123',
        StartTime: '2021-05-20 17:35:43',
        EndTime: '2021-05-21 17:35:44',
        Concurrency: 1,
        RingAgainTimes: 1,
        RingAgainInterval: 5,
        ForbidTimeList: [{ Weekdays: [1], Times: ['10:00-11:00'] }],
      },
    },
  ],
});
