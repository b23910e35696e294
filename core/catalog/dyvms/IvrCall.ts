import { z } from 'zod';
import { alibabaResponse, int, outId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { isTtsCode, mainlandNumber, templateVars } from './shared/fields.js';
import { PROD_ID } from './shared/prod-ids.js';

const promptCode = () => z.string().trim().min(1);

const menuItem = () => z.strictObject({
  Key: z
    .string()
    .regex(/^[0-9*#]$/, 'must be one phone key: 0-9, * or #')
    .describe('The phone key the callee may press: 0-9, * or #.'),
  Code: promptCode().describe('Prompt played when that key is pressed: a voice file ID or a TTS template ID (TTS_...).'),
  TtsParams: templateVars()
    .optional()
    .describe('Variables of the Code TTS template as an object (JSON text accepted); required when that template has variables; only for TTS templates.'),
});

export default defineOperation({
  id: 'dyvms.IvrCall',
  title: 'Place an interactive (key-press) call',
  description:
    'Places one billed interactive voice call to a mainland China number: plays an opening prompt (StartCode), waits for a key press, plays the prompt mapped to that key (MenuKeyMap), and ends with ByeCode. ' +
    'Use it for order confirmations, surveys and satisfaction checks. Needs an approved enterprise qualification and a purchased caller number. ' +
    `Returns CallId; the pressed keys come back only in receipts (VoiceReport/VoiceCallReport dtmf, if receipts are enabled in the console); dyvms.QueryCallDetailByCallId with ProdId ${PROD_ID.ivr} gives the call record. ` +
    'Rules: StartCode and ByeCode must be the same kind (both voice files or both TTS templates); TTS params are only for TTS codes. A retry after a timeout may place a second call: check by OutId first.',
  access: 'call',
  resource: 'call',
  check: ['CalledNumber', 'OutId'],
  effects: { callees: ['CalledNumber'], dials: 'now' },
  returns: { callId: 'CallId' },
  tracking: { query: 'dyvms.QueryCallDetailByCallId', prodIds: [PROD_ID.ivr] },
  destructive: true,
  qps: 100,
  input: () => z
    .strictObject({
      CalledShowNumber: z
        .string()
        .regex(/^\+?\d{3,20}$/, 'must be one of your purchased numbers (digits)')
        .describe('Caller number: one number you purchased (console: voice numbers > real numbers); numbers have a concurrency cap, beyond which the request fails.'),
      CalledNumber: mainlandNumber().describe('The one number to call; mainland China numbers only.'),
      StartCode: promptCode().describe('Opening prompt: a voice file ID, or a TTS template ID (TTS_...).'),
      StartTtsParams: templateVars()
        .optional()
        .describe('Variables of the StartCode TTS template as an object, e.g. {"name": "Li"} (JSON text accepted); required when that template has variables; sent as a JSON string.'),
      PlayTimes: int(1, 3).optional().describe('How many times the opening prompt is repeated: 1-3.'),
      ByeCode: promptCode()
        .optional()
        .describe('Closing prompt: a voice file ID or TTS template ID, of the same kind as StartCode.'),
      ByeTtsParams: templateVars()
        .optional()
        .describe('Variables of the ByeCode TTS template as an object (JSON text accepted); required when that template has variables.'),
      Timeout: int(1)
        .optional()
        .describe('How long to wait for a key press, in milliseconds (e.g. 3000). (Split as "T imeout" in the PDF; the real name is Timeout.)'),
      OutId: outId().optional(),
      MenuKeyMap: z
        .array(menuItem())
        .min(1)
        .optional()
        .describe('Key menu: for each key the callee may press, the prompt to play. Sent as MenuKeyMap.N.Key / .Code / .TtsParams.'),
    })
    .superRefine((input, ctx) => {
      if (input.ByeCode !== undefined && isTtsCode(input.ByeCode) !== isTtsCode(input.StartCode)) {
        ctx.addIssue({
          code: 'custom',
          path: ['ByeCode'],
          message: `must be the same kind as StartCode (${isTtsCode(input.StartCode) ? 'a TTS template ID, TTS_...' : 'a voice file ID, not a TTS template'})`,
        });
      }
      if (input.StartTtsParams !== undefined && !isTtsCode(input.StartCode)) {
        ctx.addIssue({ code: 'custom', path: ['StartTtsParams'], message: 'only applies when StartCode is a TTS template (TTS_...)' });
      }
      if (input.ByeTtsParams !== undefined && (input.ByeCode === undefined || !isTtsCode(input.ByeCode))) {
        ctx.addIssue({ code: 'custom', path: ['ByeTtsParams'], message: 'only applies when ByeCode is a TTS template (TTS_...)' });
      }
      const seen = new Set<string>();
      (input.MenuKeyMap ?? []).forEach((item, i) => {
        if (seen.has(item.Key)) ctx.addIssue({ code: 'custom', path: ['MenuKeyMap', i, 'Key'], message: `key "${item.Key}" is mapped twice` });
        seen.add(item.Key);
        if (item.TtsParams !== undefined && !isTtsCode(item.Code)) {
          ctx.addIssue({ code: 'custom', path: ['MenuKeyMap', i, 'TtsParams'], message: 'only applies when Code is a TTS template (TTS_...)' });
        }
      });
    }),
  output: () => alibabaResponse({
    CallId: str().optional().describe('Unique ID of the call (<digits>^<digits>); use it with QueryCallDetailByCallId and to match receipts (which carry the pressed keys).'),
  }),
  examples: [
    {
      title: 'Order confirmation: press 1 to confirm, 2 to cancel',
      input: {
        CalledShowNumber: '057100005678',
        CalledNumber: '15900000000',
        StartCode: 'TTS_12340000',
        StartTtsParams: { name: 'Li', order: '8812' },
        PlayTimes: 2,
        ByeCode: 'TTS_12340001',
        Timeout: 3000,
        OutId: 'order-8812',
        MenuKeyMap: [
          { Key: '1', Code: 'TTS_12350000', TtsParams: { order: '8812' } },
          { Key: '2', Code: 'TTS_12350001' },
        ],
      },
      wire: {
        CalledShowNumber: '057100005678',
        CalledNumber: '15900000000',
        StartCode: 'TTS_12340000',
        StartTtsParams: '{"name":"Li","order":"8812"}',
        PlayTimes: '2',
        ByeCode: 'TTS_12340001',
        Timeout: '3000',
        OutId: 'order-8812',
        'MenuKeyMap.1.Key': '1',
        'MenuKeyMap.1.Code': 'TTS_12350000',
        'MenuKeyMap.1.TtsParams': '{"order":"8812"}',
        'MenuKeyMap.2.Key': '2',
        'MenuKeyMap.2.Code': 'TTS_12350001',
      },
    },
    {
      title: 'Voice files only',
      input: { CalledShowNumber: '057100005678', CalledNumber: '15900000000', StartCode: 'a1b2c3.wav', ByeCode: 'd4e5f6.wav', MenuKeyMap: [{ Key: '#', Code: 'g7h8.wav' }] },
      wire: {
        CalledShowNumber: '057100005678',
        CalledNumber: '15900000000',
        StartCode: 'a1b2c3.wav',
        ByeCode: 'd4e5f6.wav',
        'MenuKeyMap.1.Key': '#',
        'MenuKeyMap.1.Code': 'g7h8.wav',
      },
    },
  ],
});
