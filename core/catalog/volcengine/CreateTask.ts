import { z } from 'zod';
import { coded, flag, int, volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callerNumberList, endAfterStart, forbidTimeList, numberPoolNo, phoneItem, postUrl, resourceKey, ringAgainInterval, ringAgainTimes, smsConfig, startEnd, taskResult, taskScheduleEffects, taskType } from '../shared/volcengine.js';


/** A plain task: every value already has its wire type, so the body is exactly the input. */
const reminderTask = {
  Name: 'Payment reminder',
  Type: 1,
  Resource: 'e6eaa926a2ed41df8f52d63c046b7d78',
  NumberPoolNo: 'NP160084061100694433',
  PhoneList: [{ Phone: '13344445555', PhoneParam: { name: 'Li', amount: 120 }, Ext: 'order-1' }],
  Start: false,
  StartTime: '2026-05-18 09:00:00',
  EndTime: '2026-05-18 18:00:00',
  Concurrency: 10,
  SelectNumberRule: 5,
  ForbidTimeList: [{ Times: ['12:00-13:30'], Weekdays: [1, 7] }],
};

export default defineOperation({
  id: 'volcengine.CreateTask',
  title: 'Create a voice notification task',
  description:
    'Creates a Volcengine batch call task: plays a voice file, TTS template, IVR flow or free TTS text (Type) to every number in PhoneList, with caller numbers from a number pool, a calling window (StartTime-EndTime), concurrency, redials, do-not-call windows and an optional hang-up SMS. With Start=true the platform starts dialling every listed number (real, billed calls) as soon as the window opens; with Start=false the task is only created (callbridge requires you to choose). Returns TaskOpenId (use it with volcengine.BatchAppend, PauseTask, ResumeTask, StopTask, UpdateTask) and FailList (numbers not added, e.g. duplicates). Results arrive as call-record pushes to CallRecordPostUrl or via volcengine.QueryCallRecordMsg. Integers may be given as numeric strings and are sent as numbers; number lists are sent as flat string arrays.',
  access: 'call',
  resource: 'task',
  check: ['Name'],
  effects: { callees: ['PhoneList[].Phone'], dials: 'start', when: (input) => input.Start === true, ...taskScheduleEffects },
  returns: { taskId: ['Result.TaskOpenId'] },
  destructive: true,
  idempotent: false,
  input: () => z
    .strictObject({
      Name: z.string().min(1).describe('Task name, shown in the console.'),
      Type: taskType(),
      Resource: resourceKey(),
      NumberPoolNo: numberPoolNo(),
      PhoneList: z
        .array(phoneItem())
        .min(1)
        .max(10000)
        .optional()
        .describe('Callees (up to 10,000 here; add more later with volcengine.BatchAppend).'),
      Start: flag().describe('true: start dialling automatically when StartTime comes (billed calls); false: only create the task.'),
      ...startEnd(),
      Concurrency: int(1).describe('Most calls the task places at the same time (bounded by the account quota).'),
      MaxRingDuration: int(1).optional().describe('Longest ringing time of a call, in seconds (unit not stated by the vendor; seconds in its examples, e.g. 20).'),
      RingAgainTimes: ringAgainTimes().optional(),
      RingAgainInterval: ringAgainInterval().optional(),
      SelectNumberRule: int(5, 5)
        .optional()
        .describe('Caller-number rule; only 5 exists (recommended): a number from the callee\'s area, else the provincial capital, else Beijing/Shanghai/Guangzhou, else any in the pool. Leave out when selecting by SelectNumberType.'),
      SelectNumberType: coded(int(0, 1), { 0: 'Any number of the pool', 1: 'Only the numbers in Number List' })
        .optional()
        .describe('Select caller numbers by number instead of by rule: 0 = any number of the pool, 1 = only the numbers in NumberList.'),
      NumberList: callerNumberList().optional(),
      FinishWhenListEnd: flag().optional().describe('End the task when every number has been called (default false: the task stays open for BatchAppend).'),
      Unique: flag().optional().describe('Drop duplicate numbers (default false).'),
      ForbidTimeList: forbidTimeList().optional(),
      SmsConfig: smsConfig().optional(),
      CallRecordPostUrl: postUrl()
        .optional()
        .describe('HTTPS URL (at most 512 characters) to which this task\'s call records are pushed (only when call-record callbacks are switched on in the console).'),
      AudioPostUrl: postUrl().optional().describe('HTTPS URL (at most 512 characters) to which this task\'s call recordings are pushed.'),
    })
    .refine(endAfterStart, { message: 'EndTime must be after StartTime', path: ['EndTime'] })
    .refine((v) => v.SelectNumberType !== 1 || (v.NumberList?.length ?? 0) > 0, {
      message: 'NumberList is required when SelectNumberType is 1',
      path: ['NumberList'],
    }),
  output: () => volcengineResponse(taskResult()),
  examples: [
    {
      title: 'Create without starting',
      input: reminderTask,
      wire: reminderTask,
    },
    {
      title: 'The vendor example (catalog defect 16): numeric strings become integers, double-encoded lists become flat',
      input: {
        Name: '通知任务',
        Type: 0,
        Resource: 'abcdef',
        NumberPoolNo: 'NP123456',
        PhoneList: [{ Phone: '13344445555', PhoneParamJson: '{"key1":"value1","key2":"value2"}', TtsContent: '4YrHU', Ext: '123456' }],
        SmsConfig: [{ TemplateId: '1234', Sign: '【ABCD】', StatusSet: ['1'] }],
        ForbidTimeList: [{ Weekdays: ['3'], Times: ['["09:00-10:00","15:00-16:00"]'] }],
        NumberList: ['["13344445555","13255556666"]'],
        SelectNumberType: 1,
        Start: 'false',
        StartTime: '2021-05-18 20:11:42',
        EndTime: '2021-05-19 20:11:42',
        MaxRingDuration: '20',
        RingAgainTimes: '0',
        RingAgainInterval: 5,
        Concurrency: '100',
        FinishWhenListEnd: true,
        Unique: true,
        CallRecordPostUrl: 'https://abc.com/cdr',
        AudioPostUrl: 'https://abc.com/audio',
      },
      wire: {
        Name: '通知任务',
        Type: 0,
        Resource: 'abcdef',
        NumberPoolNo: 'NP123456',
        PhoneList: [{ Phone: '13344445555', PhoneParamJson: '{"key1":"value1","key2":"value2"}', TtsContent: '4YrHU', Ext: '123456' }],
        SmsConfig: [{ TemplateId: '1234', Sign: '【ABCD】', StatusSet: [1] }],
        ForbidTimeList: [{ Weekdays: [3], Times: ['09:00-10:00', '15:00-16:00'] }],
        NumberList: ['13344445555', '13255556666'],
        SelectNumberType: 1,
        Start: false,
        StartTime: '2021-05-18 20:11:42',
        EndTime: '2021-05-19 20:11:42',
        MaxRingDuration: 20,
        RingAgainTimes: 0,
        RingAgainInterval: 5,
        Concurrency: 100,
        FinishWhenListEnd: true,
        Unique: true,
        CallRecordPostUrl: 'https://abc.com/cdr',
        AudioPostUrl: 'https://abc.com/audio',
      },
    },
  ],
});
