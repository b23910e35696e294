import { z } from 'zod';
import { coded, dateTime, int, list, str, volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import {
  callerNumberList,
  hhmmRange,
  jsonObjectText,
  numberPoolNo,
  phoneItem,
  postUrl,
  resourceKey,
  ringAgainInterval,
  ringAgainTimes,
  singleOpenId,
  smsConfig,
  taskType,
  variables,
} from '../shared/volcengine.js';

const callee = () => phoneItem().shape;

// The field types follow the generated Go SDK (volcengine-go-sdk service/vms, built from the gateway's API
// metadata): PhoneParam and SmsConfig are strings (JSON text), TriggerTime an int64, ForbidTimeList a list of
// strings. The doc page (Map, Date "2021-09-23 11:11:11") and the python example predate it.
const BEIJING_OFFSET_MS = 8 * 3600_000;

/** "yyyy-MM-dd HH:mm:ss" in Beijing time, or Unix ms; sent as Unix ms. */
const triggerTime = () =>
  z.union([
    dateTime().transform((s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10), +s.slice(11, 13), +s.slice(14, 16), +s.slice(17, 19)) - BEIJING_OFFSET_MS),
    int(1_000_000_000_000),
  ]);

const single = () => z
  .strictObject({
    SingleOpenId: singleOpenId().describe(
      'Your unique ID for this call (e.g. a UUID without dashes); the platform refuses a repeated one, so resending the same ID cannot call twice. Query it with volcengine.QuerySingleInfo, cancel with volcengine.SingleCancel.',
    ),
    Phone: callee().Phone,
    Type: taskType(),
    Resource: resourceKey(),
    NumberPoolNo: numberPoolNo(),
    NumberType: coded(int(0, 1), { 0: 'Any number of the pool', 1: 'Only the numbers in Number List' }).optional().describe('Caller-number choice: 0 = any number of the pool, 1 = only the numbers in NumberList.'),
    NumberList: callerNumberList()
      .optional()
      .describe('Caller numbers to use (flat list); the vendor recommends leaving it out so the pool\'s selection logic picks one.'),
    SelectNumberRule: int(5, 5).optional().describe('Caller-number rule; only 5 exists (callee\'s area first). Go SDK field, not on the doc page.'),
    RingAgainTimes: ringAgainTimes().optional(),
    RingAgainInterval: ringAgainInterval().optional(),
    PhoneParam: z
      .union([variables(2048), jsonObjectText(2048)])
      .transform((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
      .optional()
      .describe('Template variables (Type 1 TTS template or 2 IVR), e.g. {"code":"1234"}, at most 2048 characters as JSON; an object or JSON text, sent as JSON text (the SDK types it a string).'),
    TtsContent: callee().TtsContent,
    Ext: callee().Ext,
    TriggerTime: triggerTime()
      .optional()
      .describe('When to place the call: "yyyy-MM-dd HH:mm:ss" (Beijing time) or Unix milliseconds; sent as Unix milliseconds (the SDK types it an int64). Leave out to call now.'),
    ForbidTimeList: z
      .array(hhmmRange())
      .min(1)
      .optional()
      .describe('Do-not-call windows of the day, e.g. ["12:00-13:30"] (the SDK types it a list of strings; Go SDK field, not on the doc page).'),
    SmsConfig: smsConfig()
      .transform((v) => JSON.stringify(v))
      .optional()
      .describe('Hang-up SMS (as in volcengine.CreateTask); sent as JSON text, which the SDK types a string.'),
    CallRecordPostUrl: postUrl().optional().describe('HTTPS URL (at most 512 characters) to which this call\'s record is pushed.'),
    AudioPostUrl: postUrl().optional().describe('HTTPS URL (at most 512 characters) to which this call\'s recording is pushed.'),
  })
  .refine((v) => v.NumberType !== 1 || (v.NumberList?.length ?? 0) > 0, { message: 'NumberList is required when NumberType is 1', path: ['NumberList'] });

export default defineOperation({
  id: 'volcengine.SingleBatchAppend',
  title: 'Place one-off calls (no task)',
  description:
    'Places one or more independent Volcengine calls without a task: each item plays a voice file, TTS template, IVR flow or TTS text (Type) to one number, now or at TriggerTime. Real, billed calls. Each item carries your own SingleOpenId, which makes a resend of the same item harmless. Returns SuccessList and FailList (with a reason per number); follow up with volcengine.QuerySingleInfo or the call-record push. Integers may be given as numeric strings and are sent as numbers.',
  access: 'call',
  resource: 'singleCall',
  check: ['List[].SingleOpenId'],
  effects: {
    callees: ['List[].Phone'],
    dials: 'now',
    attempts: [{ path: 'List[].RingAgainTimes', counts: 'redials' }],
    window: [{ path: 'List[].TriggerTime', form: 'epoch-ms', edge: 'start' }],
  },
  tracking: { query: 'volcengine.QuerySingleInfo' },
  destructive: true,
  idempotent: false,
  wire: {
    bodyType: 'json',
  },
  docUrl: 'https://www.volcengine.com/docs/6358/1722083',
  input: () => z.strictObject({
    List: z
      .array(single())
      .min(1)
      .refine((items) => new Set(items.map((i) => i.SingleOpenId)).size === items.length, 'each SingleOpenId must be unique')
      .describe('The calls to place.'),
  }),
  output: () => volcengineResponse(
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
            PhoneParam: '{"code":"1234"}',
            Ext: '1234',
            TriggerTime: 1632368405000,
          },
        ],
      },
    },
    {
      title: 'Do-not-call windows, hang-up SMS and push URLs',
      input: {
        List: [
          {
            SingleOpenId: '842faaece',
            Phone: '13344445555',
            Type: 0,
            Resource: '1d44ffc8c45e415fb6e87a2e24a9b3cd',
            NumberPoolNo: 'NP123456',
            PhoneParam: '{"name":"Li"}',
            TriggerTime: 1632368405000,
            ForbidTimeList: ['12:00-13:30'],
            SmsConfig: [{ TemplateId: '1234', Sign: '【ABCD】', StatusSet: [7] }],
            CallRecordPostUrl: 'https://abc.com/cdr',
            AudioPostUrl: 'https://abc.com/audio',
          },
        ],
      },
      wire: {
        List: [
          {
            SingleOpenId: '842faaece',
            Phone: '13344445555',
            Type: 0,
            Resource: '1d44ffc8c45e415fb6e87a2e24a9b3cd',
            NumberPoolNo: 'NP123456',
            PhoneParam: '{"name":"Li"}',
            TriggerTime: 1632368405000,
            ForbidTimeList: ['12:00-13:30'],
            SmsConfig: '[{"TemplateId":"1234","Sign":"【ABCD】","StatusSet":[7]}]',
            CallRecordPostUrl: 'https://abc.com/cdr',
            AudioPostUrl: 'https://abc.com/audio',
          },
        ],
      },
    },
  ],
});
