import { z } from 'zod';
import { alibabaResponse, int, outId, phoneNumber, templateParams } from '../../fields.js';
import { defineOperation } from '../../operation.js';

export default defineOperation({
  id: 'dyvms.SingleCallByTts',
  title: 'Place a TTS call',
  description:
    'Places one billed phone call that reads an approved text-to-speech template (voice verification code or notification with variables) to one number. Returns CallId; poll dyvms.QueryCallDetailByCallId or wait for the VoiceReport receipt for the result. The carrier limits each callee to 1 call/minute, 5/hour, 20/day.',
  access: 'call',
  destructive: true,
  qps: 1000,
  input: z.strictObject({
    CalledShowNumber: z
      .string()
      .optional()
      .describe('Caller ID shown to the callee: one of your purchased numbers for dedicated-number templates; leave empty for public-mode templates.'),
    CalledNumber: phoneNumber().describe('The one number to call: mainland mobile or fixed line, or country code + number.'),
    TtsCode: z.string().min(1).describe('ID of an approved TTS template of this account, e.g. TTS_100****.'),
    TtsParam: templateParams()
      .refine((p) => JSON.stringify(p).length < 1000, 'template variables must total under 1000 characters')
      .optional()
      .describe('Template variables as an object, e.g. {"code": "123456"}; sent as a JSON string.'),
    PlayTimes: int(1, 3).optional().describe('How many times the content is played in the call: 1-3 (default 3).'),
    Volume: int(0, 100).optional().describe('Playback volume 0-100 (default 100).'),
    Speed: int(-500, 500).optional().describe('Speech speed -500 to 500.'),
    OutId: outId().optional(),
  }),
  output: alibabaResponse({
    CallId: z.string().optional().describe('Unique ID of the call (<digits>^<digits>); use it to query the result and match receipts.'),
  }),
  examples: [
    {
      input: { CalledNumber: '13800000000', TtsCode: 'TTS_100001', TtsParam: { code: '123456' }, PlayTimes: 2, OutId: 'order-1' },
      wire: { CalledNumber: '13800000000', TtsCode: 'TTS_100001', TtsParam: '{"code":"123456"}', PlayTimes: '2', OutId: 'order-1' },
    },
  ],
});
