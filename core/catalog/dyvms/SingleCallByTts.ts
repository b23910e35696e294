import { z } from 'zod';
import { alibabaResponse, int, outId, phoneNumber, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { optionalShowNumber, templateVars } from './shared/fields.js';
import { PROD_ID } from './shared/prod-ids.js';

export default defineOperation({
  id: 'dyvms.SingleCallByTts',
  title: 'Place a TTS call',
  description:
    'Places one billed phone call that reads an approved text-to-speech template (voice verification code, or a notification with variables) to one number. ' +
    'Use it for codes and short notices; for a recorded audio file use dyvms.SingleCallByVoice, to collect a key press use dyvms.IvrCall. ' +
    `Returns CallId: wait for the VoiceReport receipt, or poll dyvms.QueryCallDetailByCallId (ProdId ${PROD_ID.verification} for verification codes, ${PROD_ID.notification} for notifications, QueryDate = a time in ms shortly before the call; the 24 hours after it are searched). ` +
    'Traps: the carrier limits each callee to 1 call/minute, 5/hour, 20/day; verification-code templates accept only letters and digits in variables; a retry after a timeout may place a second call, so check by OutId first.',
  access: 'call',
  resource: 'call',
  check: ['CalledNumber', 'OutId'],
  effects: { callees: ['CalledNumber'], dials: 'now' },
  returns: { callId: 'CallId' },
  tracking: { query: 'dyvms.QueryCallDetailByCallId', prodIds: [PROD_ID.notification, PROD_ID.verification] },
  destructive: true,
  qps: 1000,
  input: () => z.strictObject({
    CalledShowNumber: optionalShowNumber()
      .optional()
      .describe('Caller ID shown to the callee: one of your purchased numbers for dedicated-number templates; leave empty or omit for public-mode templates.'),
    CalledNumber: phoneNumber().describe('The one number to call: mainland mobile or fixed line, or country code + number for international/HK/Macao/Taiwan.'),
    TtsCode: z.string().min(1).describe('ID of an approved TTS template of this account, e.g. TTS_100****.'),
    TtsParam: templateVars()
      .refine((p) => JSON.stringify(p).length < 250, 'template variables must total under 250 characters (as JSON text)')
      .optional()
      .describe('Template variables as an object, e.g. {"code": "123456"} (a JSON string is accepted too); sent as a JSON string. Under 250 characters as JSON text (the SDK\'s limit), no links.'),
    PlayTimes: int(1, 3).optional().describe('How many times the content is played in the call: 1-3 (default 3).'),
    Volume: int(0, 100).optional().describe('Playback volume 0-100 (default 100).'),
    Speed: int(-500, 500).optional().describe('Speech speed -500 to 500.'),
    OutId: outId().optional(),
  }),
  output: () => alibabaResponse({
    CallId: str().optional().describe('Unique ID of the call (<digits>^<digits>); use it to query the result and to match receipts.'),
  }),
  examples: [
    {
      input: { CalledNumber: '13800000000', TtsCode: 'TTS_100001', TtsParam: { code: '123456' }, PlayTimes: 2, OutId: 'order-1' },
      wire: { CalledNumber: '13800000000', TtsCode: 'TTS_100001', TtsParam: '{"code":"123456"}', PlayTimes: '2', OutId: 'order-1' },
    },
    {
      title: 'Dedicated caller ID, variables given as JSON text, numeric strings',
      input: { CalledShowNumber: '057100005678', CalledNumber: '+85200000000', TtsCode: 'TTS_100002', TtsParam: '{"name":"Li"}', Volume: '80', Speed: '-100' },
      wire: { CalledShowNumber: '057100005678', CalledNumber: '+85200000000', TtsCode: 'TTS_100002', TtsParam: '{"name":"Li"}', Volume: '80', Speed: '-100' },
    },
  ],
});
