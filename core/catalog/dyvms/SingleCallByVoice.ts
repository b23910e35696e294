import { z } from 'zod';
import { alibabaResponse, int, outId, phoneNumber, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { optionalShowNumber } from './shared/fields.js';
import { PROD_ID } from './shared/prod-ids.js';

export default defineOperation({
  id: 'dyvms.SingleCallByVoice',
  title: 'Place a voice-file call',
  description:
    'Places one billed phone call that plays an uploaded, approved voice file (voice notification) to one number. ' +
    'Use it for fixed recorded messages; for text with variables use dyvms.SingleCallByTts, for key presses dyvms.IvrCall. ' +
    `Returns CallId: wait for the VoiceReport receipt or poll dyvms.QueryCallDetailByCallId (ProdId ${PROD_ID.notification}, QueryDate = the call day in ms). ` +
    'Traps: the carrier limits each callee to 1 call/minute, 5/hour, 20/day; a retry after a timeout may place a second call, so check by OutId first.',
  access: 'call',
  resource: 'call',
  check: ['CalledNumber', 'OutId'],
  effects: { callees: ['CalledNumber'], dials: 'now' },
  returns: { callId: 'CallId' },
  tracking: { query: 'dyvms.QueryCallDetailByCallId', prodIds: [PROD_ID.notification] },
  destructive: true,
  qps: 1200,
  input: () => z.strictObject({
    CalledShowNumber: optionalShowNumber()
      .optional()
      .describe('Caller ID shown to the callee: one of your purchased numbers for dedicated-number voice files; leave empty or omit for public-mode ones.'),
    CalledNumber: phoneNumber().describe('The one number to call: mainland mobile or fixed line, or country code + number for international/HK/Macao/Taiwan.'),
    VoiceCode: z.string().min(1).describe('Voice ID of the uploaded, approved voice file (console: voice notification > voice files), e.g. 2d4c-4e78-8d2a-afbb06cf****.wav.'),
    PlayTimes: int(1, 3).optional().describe('How many times the file is played in the call: 1-3.'),
    Volume: int(0, 100).optional().describe('Playback volume 0-100 (default 100).'),
    Speed: int(-500, 500).optional().describe('Playback speed -500 to 500.'),
    OutId: outId().optional(),
  }),
  output: () => alibabaResponse({
    CallId: str().optional().describe('Unique ID of the call (<digits>^<digits>); use it to query the result and to match receipts.'),
  }),
  examples: [
    {
      input: { CalledShowNumber: '057100005678', CalledNumber: '15900000000', VoiceCode: '2d4c-4e78-8d2a-afbb06cf0000.wav', PlayTimes: 1, Volume: 100, OutId: 'notice-42' },
      wire: { CalledShowNumber: '057100005678', CalledNumber: '15900000000', VoiceCode: '2d4c-4e78-8d2a-afbb06cf0000.wav', PlayTimes: '1', Volume: '100', OutId: 'notice-42' },
    },
  ],
});
