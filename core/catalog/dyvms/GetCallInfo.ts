import { z } from 'zod';
import { alibabaResponse, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { jsonData } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.GetCallInfo',
  title: 'Get the call state of an RTC account',
  description:
    'Returns the current call state of an RTC account created with dyvms.AddRtcAccount: Idle, Calling, Talking or Terminating, with the ID of the current call (ChannelId).',
  access: 'read',
  resource: 'hotline',
  qps: 100,
  input: () => z.strictObject({
    RtcId: z.string().trim().min(1).describe('RTC account ID (Module of dyvms.AddRtcAccount).'),
  }),
  output: () => alibabaResponse({
    Data: jsonData(
      z.looseObject({
        ChannelId: str().optional().describe('ID of the current call.'),
        Status: str().optional().describe('Idle, Calling, Talking or Terminating.'),
      }),
    )
      .optional()
      .describe('The call state.'),
  }),
  examples: [{ input: { RtcId: '22350000' }, wire: { RtcId: '22350000' } }],
});
