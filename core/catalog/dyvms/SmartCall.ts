import { z } from 'zod';
import { coded, alibabaResponse, flag, int, outId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { mainlandNumber, templateVars } from './shared/fields.js';
import { PROD_ID } from './shared/prod-ids.js';

const TTS_STYLES = [
  'xiaoyun', 'xiaogang', 'ruoxi', 'xiaomeng', 'xiaowei', 'amei', 'xiaoxue', 'siqi',
  'sijia', 'sicheng', 'siyue', 'xiaomei', 'sitong', 'ninger', 'xiaobei', 'yina',
] as const;

export default defineOperation({
  id: 'dyvms.SmartCall',
  title: 'Place a conversational (ASR/TTS) call',
  description:
    'Places one billed intelligent voice call to a mainland China number: plays VoiceCode, recognises what the callee says (ASR) and posts each utterance to YOUR HTTP callback server, whose answer decides the next action. ' +
    'Only use it when such a callback server is configured in the console (the callback contract is not part of this API); for scripted robot campaigns use dyvms.CreateRobotTask instead. ' +
    `Returns CallId; during the call dyvms.SmartCallOperate can bridge the callee to an agent; afterwards dyvms.QueryCallDetailByCallId (ProdId ${PROD_ID.robot}) or receipts give the result. ` +
    'Traps: network audio files and TTS in VoiceCode need a support ticket to enable; the characters @ = : " $ { } ^ * ￥ must not appear in callback content; Speed, BackgroundVolume and BackgroundSpeed are documented as not supported and are left out. A retry after a timeout may place a second call.',
  access: 'call',
  resource: 'call',
  check: ['CalledNumber', 'OutId'],
  effects: { callees: ['CalledNumber'], dials: 'now' },
  returns: { callId: 'CallId' },
  tracking: { query: 'dyvms.QueryCallDetailByCallId', prodIds: [PROD_ID.robot] },
  destructive: true,
  qps: 1000,
  wire: {
    encoding: { VoiceCode: 'comma' },
  },
  input: () => z
    .strictObject({
      CalledShowNumber: z
        .string()
        .regex(/^\+?\d{3,20}$/, 'must be one of your purchased numbers (digits)')
        .describe('Caller number: one number you purchased.'),
      CalledNumber: mainlandNumber().describe('The one number to call; mainland China numbers only.'),
      VoiceCode: z
        .array(z.string().min(1).refine((s) => !s.includes(','), 'must not contain a comma (items are joined with commas)'))
        .min(1)
        .describe('What to play, in order: voice file IDs, public URLs of audio files, or TTS variables like $name$ (filled from VoiceCodeParam). Sent comma-separated.'),
      VoiceCodeParam: templateVars()
        .optional()
        .describe('Values of the $variables$ used in VoiceCode, as an object such as {"name": "Li"} (JSON text accepted); sent as a JSON string.'),
      RecordFlag: flag().optional().describe('Record the call.'),
      Volume: int(-4, 4).optional().describe('Volume of the played audio, -4 to 4 (1 recommended).'),
      AsrModelId: z.string().min(1).optional().describe('ID of your custom ASR language model (console: ASR language models). Set this or AsrBaseId.'),
      AsrBaseId: z
        .enum(['customer_service_8k', 'dialect_customer_service_8k'])
        .optional()
        .describe('ASR base model: customer_service_8k (Mandarin, default) or dialect_customer_service_8k (accented Mandarin). If AsrModelId is set too, they must belong together.'),
      PauseTime: int(300, 1200).optional().describe('Silence in ms that ends a callee sentence, 300-1200 (the vendor silently uses 800 for out-of-range values; refused here). Only the first setting applies.'),
      MuteTime: int(1000, 20000).optional().describe('Silence in ms after which the call is ended, 1000-20000 (the vendor silently uses 10000 otherwise); the callback can change it during the call.'),
      ActionCodeBreak: flag().optional().describe('Whether the callee can interrupt the playing audio by speaking (default true).'),
      ActionCodeTimeBreak: int(0)
        .optional()
        .describe('When ActionCodeBreak is true: interrupt after the callee has talked this many ms; 0 or unset = off.'),
      OutId: outId().optional(),
      DynamicId: z.string().min(1).optional().describe('Your extension ID, passed back to your callback server.'),
      EarlyMediaAsr: flag().optional().describe('Recognise early media (records why an unanswered call failed); default false.'),
      SessionTimeout: int(1).optional().describe('Maximum call length in seconds; the call is hung up after it.'),
      TtsStyle: z.enum(TTS_STYLES).optional().describe('TTS voice (default xiaoyun). Applies only with TtsConf true.'),
      TtsVolume: int(0, 100).optional().describe('TTS volume 0-100. Applies only with TtsConf true. (Garbled as "TtsColume" in the doc.)'),
      TtsSpeed: int(-200, 200).optional().describe('TTS speed -200 to 200 (default 0). Applies only with TtsConf true. (Garbled as "TtsSpee d" in the doc.)'),
      TtsConf: flag().optional().describe('Whether TtsStyle, TtsVolume and TtsSpeed are applied.'),
      StreamAsr: coded(int(0, 1), { 0: 'Off', 1: 'On' }).optional().describe('Streaming ASR (semantic decision on the first words): 1 = on, 0 = off.'),
      BackgroundFileCode: z.string().min(1).optional().describe('Voice file ID of background audio played during the dialogue.'),
      EnableITN: flag().optional().describe('Inverse text normalisation: Chinese numerals in recognised text become digits (default false).'),
    })
    .superRefine((input, ctx) => {
      for (const key of ['TtsStyle', 'TtsVolume', 'TtsSpeed'] as const) {
        if (input[key] !== undefined && input.TtsConf !== true) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'only applies when TtsConf is true; set TtsConf: true as well' });
        }
      }
      if (input.ActionCodeTimeBreak !== undefined && input.ActionCodeBreak === false) {
        ctx.addIssue({ code: 'custom', path: ['ActionCodeTimeBreak'], message: 'only applies when ActionCodeBreak is true' });
      }
      const vars = new Set(input.VoiceCode.flatMap((item) => [...item.matchAll(/\$([^$]+)\$/g)].map((m) => m[1])));
      for (const name of Object.keys(input.VoiceCodeParam ?? {})) {
        if (!vars.has(name)) ctx.addIssue({ code: 'custom', path: ['VoiceCodeParam', name], message: `"${name}" is not used as $${name}$ in VoiceCode` });
      }
    }),
  output: () => alibabaResponse({
    CallId: str().optional().describe('Unique ID of the call (<digits>^<digits>); use it with SmartCallOperate during the call and QueryCallDetailByCallId afterwards.'),
  }),
  examples: [
    {
      input: {
        CalledShowNumber: '057100005678',
        CalledNumber: '15900000000',
        VoiceCode: ['2d4c-4e78-8d2a-afbb06cf0000.wav', '$name$'],
        VoiceCodeParam: { name: 'Hello Li' },
        RecordFlag: true,
        AsrBaseId: 'customer_service_8k',
        PauseTime: 800,
        MuteTime: '10000',
        OutId: 'smart-1',
        TtsConf: true,
        TtsStyle: 'xiaoyun',
        TtsVolume: 50,
      },
      wire: {
        CalledShowNumber: '057100005678',
        CalledNumber: '15900000000',
        VoiceCode: '2d4c-4e78-8d2a-afbb06cf0000.wav,$name$',
        VoiceCodeParam: '{"name":"Hello Li"}',
        RecordFlag: 'true',
        AsrBaseId: 'customer_service_8k',
        PauseTime: '800',
        MuteTime: '10000',
        OutId: 'smart-1',
        TtsConf: 'true',
        TtsStyle: 'xiaoyun',
        TtsVolume: '50',
      },
    },
  ],
});
