import { z } from 'zod';
import { alibabaResponse, coded, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callId, epochMs, jsonData } from './shared/fields.js';

const PRODUCTS = {
  '11000000300006': 'Voice notification',
  '11010000138001': 'Voice verification code',
  '11000000300005': 'IVR',
  '11000000300004': 'Double call',
  '11000000300009': 'SIP',
  '11030000180001': 'Intelligent outbound (SmartCall, robot tasks)',
} as const;
const PROD_IDS = Object.keys(PRODUCTS) as [keyof typeof PRODUCTS, ...(keyof typeof PRODUCTS)[]];

export default defineOperation({
  id: 'dyvms.QueryCallDetailByCallId',
  title: 'Get one call\'s record by CallId',
  description:
    'Returns the detail record of one call (who, when, how long, carrier status) by its CallId, for every dyvms call type: voice notification, verification code, IVR, double call, SIP, SmartCall and robot calls. ' +
    'Use it after SingleCallByTts/SingleCallByVoice/IvrCall/SmartCall when no receipt arrived. You must pass the matching ProdId and QueryDate = a time (ms) at or shortly before the call: the 24 hours after it are searched (not the calendar day), so a later time, a time more than a day earlier, or a wrong product finds nothing. ' +
    'state is the carrier status code (e.g. 200000 answered); duration 0 means not answered. The record may take a while to appear after the call ends.',
  access: 'read',
  resource: 'call',
  qps: 100,
  input: () => z.strictObject({
    CallId: callId().describe('The CallId returned when the call was placed.'),
    ProdId: coded(z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.enum(PROD_IDS)), PRODUCTS)
      .describe(
        'Product of the call: 11000000300006 voice notification (SingleCallByTts/ByVoice notifications), 11010000138001 voice verification code, 11000000300005 IVR (IvrCall), 11000000300004 double call, 11000000300009 SIP, 11030000180001 intelligent outbound (SmartCall, robot tasks).',
      ),
    QueryDate: epochMs().describe('A Unix time in milliseconds at or before the call (e.g. 1553774465000); the records of the 24 hours after it are searched (SDK: 20:00:01 on one day finds calls until 20:00:01 the next). Seconds are refused.'),
  }),
  output: () => alibabaResponse({
    Data: jsonData(
      z.looseObject({
        caller: str().optional().describe('Caller number.'),
        callerShowNumber: str().optional().describe('Number shown as the caller.'),
        callee: str().optional().describe('Callee number.'),
        calleeShowNumber: str().optional().describe('Number shown to the callee.'),
        startDate: str().optional().describe('Talk start time (empty if not answered).'),
        endDate: str().optional().describe('Call end time.'),
        duration: num().optional().describe('Talk time in seconds; 0 = not answered.'),
        state: str().optional().describe('Carrier status code of the call (e.g. 200000 = answered).'),
        stateDesc: str().optional().describe('Description of state.'),
        gmtCreate: str().optional().describe('When the call request was received.'),
        aRingTime: str().optional().describe('A-leg ringing start, yyyy-MM-dd HH:mm:ss.'),
        aEndTime: str().optional().describe('A-leg ringing end.'),
        bRingTime: str().optional().describe('B-leg ringing start.'),
        bEndTime: str().optional().describe('B-leg ringing end.'),
      }),
    )
      .optional()
      .describe('The call record (the vendor sends it as JSON text; returned parsed).'),
  }),
  examples: [
    {
      input: { CallId: '116014888060^102816310000', ProdId: 11000000300006, QueryDate: 1553774465000 },
      wire: { CallId: '116014888060^102816310000', ProdId: '11000000300006', QueryDate: '1553774465000' },
    },
  ],
});
