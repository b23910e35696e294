import { z } from 'zod';
import { alibabaResponse, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

const BIZ_TYPES = ['VMS_VOICE_TTS', 'VMS_VOICE_CODE', 'VMS_TTS'] as const;
const callee = () => z.string().regex(/^\+?\d{3,20}$/, 'must be a phone number (digits)');

const jsonCallees = () => z.strictObject({
  paramNames: z.array(z.string().min(1)).describe('Names of the template variables, in order, e.g. ["name", "code"].'),
  calleeList: z
    .array(
      z.strictObject({
        callee: callee().describe('Number to call.'),
        params: z.array(z.union([z.string(), z.number()])).describe('Values for paramNames, same order and count.'),
      }),
    )
    .min(1)
    .max(1000)
    .describe('Callees with their variable values: 1-1000 per CreateCallTask call.'),
});

export default defineOperation({
  id: 'dyvms.CreateCallTask',
  title: 'Create a batch voice task (Task Center)',
  description:
    'Creates a Task Center batch task that will call up to 1000 numbers per request with one voice template (TTS notification, voice-file notification or verification code). ' +
    'Creating places no call: start it with dyvms.ExecuteCallTask (Status RUNNING, or TIMING with FireTime) using the returned task ID (Data); follow progress with dyvms.ListCallTask and per-callee results with dyvms.ListCallTaskDetail. ' +
    'Data is either a list of numbers (DataType LIST) or, for templates with variables, {paramNames, calleeList: [{callee, params}]} (DataType JSON). Success is Code "200". ' +
    'The doc marks every parameter optional (not true in practice) and lists FireTime/StopTime/ScheduleType as not available, so those are left out.',
  access: 'write',
  resource: 'batchTask',
  check: ['TaskName'],
  effects: { callees: ['Data', 'Data.calleeList[].callee'], dials: 'task' },
  returns: { taskId: ['Data'] },
  qps: 100,
  wire: {
    encoding: { Data: 'comma' },
  },
  input: () => z
    .strictObject({
      TaskName: z.string().min(1).optional().describe('Task name, shown in dyvms.ListCallTask.'),
      BizType: z
        .enum(BIZ_TYPES)
        .describe('Template type: VMS_VOICE_TTS = TTS notification template, VMS_VOICE_CODE = voice-file notification, VMS_TTS = verification-code template.'),
      TemplateCode: z.string().min(1).describe('ID of the approved template, e.g. TTS_2122****.'),
      TemplateName: z.string().min(1).optional().describe('Template name.'),
      ResourceType: z.enum(['LIST']).optional().describe('Caller-number type; the only value is LIST.'),
      Resource: z
        .string()
        .regex(/^\d{3,20}$/, 'must be a virtual number (digits)')
        .optional()
        .describe('Caller number; currently only virtual numbers (see dyvms.QueryVirtualNumber).'),
      DataType: z.enum(['LIST', 'JSON']).describe('Format of Data: LIST = plain list of numbers, JSON = numbers with template variables.'),
      Data: z
        .union([z.array(callee()).min(1).max(1000), jsonCallees()])
        .describe('Callees: an array of numbers (DataType LIST, sent comma-separated) or {paramNames, calleeList} (DataType JSON, sent as JSON text). At most 1000 per call.'),
    })
    .superRefine((input, ctx) => {
      const isList = Array.isArray(input.Data);
      if (input.DataType === 'LIST' && !isList) {
        ctx.addIssue({ code: 'custom', path: ['Data'], message: 'must be an array of numbers when DataType is LIST' });
      }
      if (input.DataType === 'JSON' && isList) {
        ctx.addIssue({ code: 'custom', path: ['Data'], message: 'must be {paramNames, calleeList} when DataType is JSON' });
      }
      if (!isList && input.Data && typeof input.Data === 'object' && 'calleeList' in input.Data) {
        const { paramNames, calleeList } = input.Data;
        calleeList.forEach((c, i) => {
          if (c.params.length !== paramNames.length) {
            ctx.addIssue({
              code: 'custom',
              path: ['Data', 'calleeList', i, 'params'],
              message: `must have ${paramNames.length} value(s), one per paramNames entry (got ${c.params.length})`,
            });
          }
        });
      }
    }),
  output: () => alibabaResponse({
    Data: str().optional().describe('ID of the new task; pass it as TaskId to ExecuteCallTask, ListCallTask and ListCallTaskDetail.'),
  }),
  examples: [
    {
      title: 'Numbers with template variables',
      input: {
        TaskName: 'reminder-0309',
        BizType: 'VMS_VOICE_TTS',
        TemplateCode: 'TTS_21220000',
        ResourceType: 'LIST',
        Resource: '055162140000',
        DataType: 'JSON',
        Data: { paramNames: ['name', 'day'], calleeList: [{ callee: '13122220000', params: ['Zhang', 'Monday'] }] },
      },
      wire: {
        TaskName: 'reminder-0309',
        BizType: 'VMS_VOICE_TTS',
        TemplateCode: 'TTS_21220000',
        ResourceType: 'LIST',
        Resource: '055162140000',
        DataType: 'JSON',
        Data: '{"paramNames":["name","day"],"calleeList":[{"callee":"13122220000","params":["Zhang","Monday"]}]}',
      },
    },
    {
      title: 'Plain list of numbers',
      input: { BizType: 'VMS_VOICE_CODE', TemplateCode: 'a1b2c3.wav', DataType: 'LIST', Data: ['13122220000', '13122220001'] },
      wire: { BizType: 'VMS_VOICE_CODE', TemplateCode: 'a1b2c3.wav', DataType: 'LIST', Data: '13122220000,13122220001' },
    },
  ],
});
