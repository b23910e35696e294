import { z } from 'zod';
import { volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { phoneItem, taskOpenId, taskResult } from '../shared/volcengine.js';

export default defineOperation({
  id: 'volcengine.BatchAppend',
  title: 'Add callees to a task (dials)',
  description:
    'Adds up to 10,000 numbers to an existing Volcengine call task. If the task is running, the platform calls them (real, billed calls) within its window. Returns FailList: numbers not added (e.g. REDUPLICATED_ITEM) with their index in your list; the others were added.',
  access: 'call',
  resource: 'task',
  check: ['TaskOpenId'],
  effects: { callees: ['PhoneList[].Phone'], dials: 'task', task: ['TaskOpenId'] },
  destructive: true,
  idempotent: false,
  wire: {
    bodyType: 'json',
  },
  docUrl: 'https://www.volcengine.com/docs/6358/1722090',
  input: () => z.strictObject({
    TaskOpenId: taskOpenId(),
    PhoneList: z.array(phoneItem()).min(1).max(10000, 'at most 10,000 numbers per request').describe('Callees to add, at most 10,000 per request.'),
  }),
  output: () => volcengineResponse(taskResult()),
  examples: [
    {
      input: { TaskOpenId: '123', PhoneList: [{ Phone: '13344445555', PhoneParam: { code: '1234' } }, { Phone: '13255556666', Ext: 'c-2' }] },
      wire: { TaskOpenId: '123', PhoneList: [{ Phone: '13344445555', PhoneParam: { code: '1234' } }, { Phone: '13255556666', Ext: 'c-2' }] },
    },
  ],
});
