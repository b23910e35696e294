// Building blocks shared by the Volcengine Voice (vms 2022-01-01) operations: task IDs, callee
// lists, do-not-call windows, caller-number selection, and the lenient result shapes.
// Not an operation file (scripts/gen.ts reads only core/catalog/<product>/).
import { z } from 'zod';
import { dateTime, int, list, num, phoneNumber, str, stringList } from '../../fields.js';
import { listedBy } from '../../lookup.js';
import type { Effects } from '../../policy/types.js';
import { LOOKUPS } from './lookups.js';

// ---- inputs ----

export const taskOpenId = () =>
  z
    .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1))
    .describe('ID of the task (TaskOpenId), as returned by volcengine.CreateTask.');

export const singleOpenId = () =>
  z
    .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1))
    .describe('Your ID of the one-off call (SingleOpenId) given to volcengine.SingleBatchAppend.');

export const numberPoolNo = () =>
  listedBy(z.string().min(1), LOOKUPS.numberPool).describe('Number pool (caller numbers) to call from, e.g. NP160084061100694433; list them with volcengine.NumberPoolList.');

export const resourceKey = () =>
  listedBy(z.string().min(1), LOOKUPS.voiceResource).describe('Script resource: the voice-file ID, TTS-template ID or IVR-flow ID (must match Type); list approved ones with volcengine.QueryUsableResourceV2.');

export const taskType = () =>
  int(0, 3).describe('What is played: 0 = uploaded voice file, 1 = TTS template (with PhoneParam variables), 2 = IVR flow, 3 = free TTS text (TtsContent per callee).');

export const ringAgainTimes = () => int(0, 5).describe('Redials of an unanswered callee: 0-5 (default 0).');
export const ringAgainInterval = () => int(5, 1440).describe('Minutes between redials: 5-1440 (default 5).');

/** Caller numbers picked from the pool; flat strings (catalog defect 16: never a JSON array inside the array). */
export const callerNumberList = () =>
  stringList(listedBy(phoneNumber(), LOOKUPS.volcengineNumber), { min: 1 }).describe(
    'Caller numbers of the pool to call from, as a flat list such as ["13344445555","13255556666"] (a JSON-encoded array inside the list, as in the vendor example, is flattened).',
  );

export const hhmmRange = () =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, 'must be "HH:mm-HH:mm", e.g. "12:00-13:30"')
    .refine((s) => s.slice(0, 5) < s.slice(6), 'the window must end after it starts');

export const forbidTimeList = () =>
  z
    .array(
      z.strictObject({
        Times: stringList(hhmmRange(), { min: 1 }).describe(
          'Do-not-call windows of the day, a flat list such as ["09:00-10:00","15:00-16:00"] (a JSON-encoded array inside the list, as in the vendor example, is flattened).',
        ),
        Weekdays: z
          .array(int(1, 7))
          .optional()
          .describe('Days the windows apply to: 1 = Sunday, 2 = Monday ... 7 = Saturday; leave out for every day.'),
      }),
    )
    .describe('Times when the platform must not call, e.g. [{"Times":["12:00-13:30"],"Weekdays":[1,7]}].');

export const jsonObjectText = (max: number) =>
  z
    .string()
    .refine((s) => {
      try {
        const parsed: unknown = JSON.parse(s);
        return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
      } catch {
        return false;
      }
    }, 'must be a JSON object written as text, e.g. "{\\"code\\":\\"1234\\"}"')
    .refine((s) => s.length <= max, `must be at most ${max} characters`);

export const variables = (max: number) =>
  z
    .record(z.string(), z.union([z.string(), z.number()]))
    .refine((p) => JSON.stringify(p).length <= max, `variables must total at most ${max} characters as JSON`);

/** One callee of a task (CreateTask.PhoneList, BatchAppend.PhoneList). */
export const phoneItem = () =>
  z
    .strictObject({
      Phone: phoneNumber().describe('Number to call.'),
      PhoneParam: variables(2048)
        .optional()
        .describe('Template variables for this callee (Type 1 TTS template or 2 IVR), e.g. {"code":"1234"}; at most 2048 characters as JSON. Sent as an object.'),
      PhoneParamJson: jsonObjectText(2048)
        .optional()
        .describe('The same variables already written as JSON text, as in the vendor example; give PhoneParam or PhoneParamJson, not both.'),
      SmsParam: z
        .record(z.string(), z.string())
        .optional()
        .describe('Variables of the hang-up SMS (SmsConfig); on a name clash they win over PhoneParam.'),
      SmsParamJson: jsonObjectText(2048).optional().describe('The hang-up SMS variables as JSON text; give SmsParam or SmsParamJson, not both.'),
      TtsContent: z.string().min(1).max(250).optional().describe('Text read to this callee when Type is 3 (free TTS), at most 250 characters.'),
      TtsOptions: z.record(z.string(), z.string()).optional().describe('Per-callee TTS options (vendor map of strings; keys are not documented).'),
      Ext: z
        .string()
        .refine((s) => s.length <= 250, 'must be at most 250 characters')
        .optional()
        .describe('Your own data for this callee (at most 250 characters), echoed back in call records; use it to match results.'),
    })
    .refine((p) => !(p.PhoneParam && p.PhoneParamJson), { message: 'give PhoneParam or PhoneParamJson, not both', path: ['PhoneParamJson'] })
    .refine((p) => !(p.SmsParam && p.SmsParamJson), { message: 'give SmsParam or SmsParamJson, not both', path: ['SmsParamJson'] });

export const smsConfig = () =>
  z
    .array(
      z.strictObject({
        TemplateId: z.string().min(1).describe('Approved SMS template ID.'),
        Sign: z.string().min(1).describe('SMS signature, e.g. 【ABCD】.'),
        StatusSet: z.array(int()).min(1).describe('Call results (callResult codes, e.g. 1 = answered, 7 = no answer) after which the SMS is sent.'),
      }),
    )
    .describe('Hang-up SMS: which SMS template to send after which call results.');

/** A URL the platform pushes call records or recordings to: HTTPS, at most 512 characters (Go SDK max:"512"). */
export const postUrl = () =>
  z
    .url()
    .max(512)
    .refine((u) => u.startsWith('https://'), 'must be an https:// URL (the platform pushes only to HTTPS)');

export const startEnd = () => ({
  StartTime: dateTime().describe('When the task may start calling, "yyyy-MM-dd HH:mm:ss" (Beijing time).'),
  EndTime: dateTime().describe('When the task stops calling, "yyyy-MM-dd HH:mm:ss"; must be after StartTime.'),
});

/** EndTime after StartTime (the vendor example has a zero-length window). */
export function endAfterStart(v: { StartTime?: string; EndTime?: string }): boolean {
  return !v.StartTime || !v.EndTime || v.EndTime > v.StartTime;
}

export const limit = (max: number, byDefault: number) => int(1, max).optional().describe(`Items per page: 1-${max} (default ${byDefault}).`);
export const offset = () => int(0).optional().describe('Items to skip: 0 for the first page, then Limit, 2 x Limit, ... (default 0).');

export const resourceTypeFilter = () =>
  int(0, 2).describe('Resource kind: 0 = voice notification file, 1 = TTS template, 2 = IVR (voice interaction) file.');

// ---- outputs ----

export const failItem = () =>
  z.looseObject({
    Index: num().optional().describe('Position of the number in the PhoneList you sent (0-based).'),
    Phone: str().optional(),
    Type: str().optional().describe('Reason code, e.g. REDUPLICATED_ITEM.'),
    Desc: str().optional().describe('Reason text, e.g. 重复项目 (duplicate).'),
  });

export const taskResult = () =>
  z.looseObject({
    TaskOpenId: str().optional().describe('ID of the task.'),
    FailList: list(failItem()).optional().describe('Numbers that were not added, with the reason; the others were.'),
  });

export const resourceRecord = () =>
  z.looseObject({
    ResourceKey: str().optional().describe('Resource ID to use as Resource in tasks and one-off calls.'),
    Name: str().optional(),
    Suffix: str().optional().describe('File type, e.g. ".wav".'),
    Duration: num().optional().describe('Length in seconds.'),
    State: num().optional().describe('Review state: 0 = under review, 1 = approved, 2 = rejected.'),
    CreateTime: str().optional(),
    Type: num().optional().describe('0 = voice file, 1 = TTS template, 2 = IVR file.'),
    Remark: str().optional(),
    TtsTemplateContent: str().optional(),
  });

export const pageFields = () => ({
  Total: num().optional().describe('Items in all pages.'),
  Limit: num().optional(),
  Offset: num().optional(),
});

// ---- effects ----

/**
 * What a task's schedule makes the vendor do: redials and the dialling window (read by the call policy).
 * ForbidTimeList is not listed: it only takes hours out of the window, so it cannot widen it.
 */
export const taskScheduleEffects: Pick<Effects, 'attempts' | 'window'> = {
  attempts: [{ path: 'RingAgainTimes', counts: 'redials' }],
  window: [
    { path: 'StartTime', form: 'beijing-datetime', edge: 'start' },
    { path: 'EndTime', form: 'beijing-datetime', edge: 'end' },
  ],
};
