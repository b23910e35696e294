import { z } from 'zod';
import { dateTime, int, list, str, volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import {
  callerNumberList,
  forbidTimeList,
  numberPoolNo,
  phoneItem,
  resourceKey,
  ringAgainInterval,
  ringAgainTimes,
  singleOpenId,
  taskType,
} from '../shared/volcengine.js';

const callee = phoneItem().shape;

const single = z
  .strictObject({
    SingleOpenId: singleOpenId().describe(
      'Your unique ID for this call (e.g. a UUID without dashes); the platform refuses a repeated one, so resending the same ID cannot call twice. Query it with volcengine.QuerySingleInfo, cancel with volcengine.SingleCancel.',
    ),
    Phone: callee.Phone,
    Type: taskType(),
    Resource: resourceKey(),
    NumberPoolNo: numberPoolNo(),
    NumberType: int(0, 1).optional().describe('Caller-number choice: 0 = any number of the pool, 1 = only the numbers in NumberList.'),
    NumberList: callerNumberList()
      .optional()
      .describe('Caller numbers to use (flat list); the vendor recommends leaving it out so the pool\'s selection logic picks one.'),
    SelectNumberRule: int(5, 5).optional().describe('Caller-number rule; only 5 exists (callee\'s area first). Go SDK field, not on the doc page.'),
    RingAgainTimes: ringAgainTimes().optional(),
    RingAgainInterval: ringAgainInterval().optional(),
    PhoneParam: callee.PhoneParam,
    TtsContent: callee.TtsContent,
    Ext: callee.Ext,
    TriggerTime: dateTime().optional().describe('When to place the call, "yyyy-MM-dd HH:mm:ss" (Beijing time); leave out to call now.'),
    ForbidTimeList: forbidTimeList().optional().describe('Do-not-call windows (Go SDK field, not on the doc page).'),
  })
  .refine((v) => v.NumberType !== 1 || (v.NumberList?.length ?? 0) > 0, { message: 'NumberList is required when NumberType is 1', path: ['NumberList'] });

export default defineOperation({
  id: 'volcengine.SingleBatchAppend',
  title: 'Place one-off calls (no task)',
  description:
    'Places one or more independent Volcengine calls without a task: each item plays a voice file, TTS template, IVR flow or TTS text (Type) to one number, now or at TriggerTime. Real, billed calls. Each item carries your own SingleOpenId, which makes a resend of the same item harmless. Returns SuccessList and FailList (with a reason per number); follow up with volcengine.QuerySingleInfo or the call-record push. Integers may be given as numeric strings and are sent as numbers.',
  access: 'call',
  destructive: true,
  idempotent: false,
  wire: {
    bodyType: 'json',
  },
  docUrl: 'https://www.volcengine.com/docs/6358/1722083',
  input: z.strictObject({
    List: z
      .array(single)
      .min(1)
      .refine((items) => new Set(items.map((i) => i.SingleOpenId)).size === items.length, 'each SingleOpenId must be unique')
      .describe('The calls to place.'),
  }),
  output: volcengineResponse(
    z.looseObject({
      SuccessList: list(z.looseObject({ Phone: str().optional(), SingleOpenId: str().optional(), Ext: str().optional() }))
        .optional()
        .describe('Calls accepted.'),
      FailList: list(z.looseObject({ Phone: str().optional(), SingleOpenId: str().optional(), Type: str().optional().describe('Reason, e.g. 手机号格式错误 (bad number).') }))
        .optional()
        .describe('Calls refused, with the reason.'),
    }),
  ),
  examples: [
    {
      input: {
        List: [
          {
            SingleOpenId: '842faaecd',
            Phone: '13344445555',
            Type: 1,
            Resource: '1d44ffc8c45e415fb6e87a2e24a9b3cc',
            NumberPoolNo: 'NP123456',
            NumberType: '1',
            NumberList: ['0571123455'],
            RingAgainTimes: 1,
            RingAgainInterval: 5,
            PhoneParam: { code: '1234' },
            Ext: '1234',
            TriggerTime: '2021-09-23 11:40:05',
          },
        ],
      },
      wire: {
        List: [
          {
            SingleOpenId: '842faaecd',
            Phone: '13344445555',
            Type: 1,
            Resource: '1d44ffc8c45e415fb6e87a2e24a9b3cc',
            NumberPoolNo: 'NP123456',
            NumberType: 1,
            NumberList: ['0571123455'],
            RingAgainTimes: 1,
            RingAgainInterval: 5,
            PhoneParam: { code: '1234' },
            Ext: '1234',
            TriggerTime: '2021-09-23 11:40:05',
          },
        ],
      },
    },
  ],
});
