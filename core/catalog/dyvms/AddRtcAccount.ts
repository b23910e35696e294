import { z } from 'zod';
import { alibabaResponse, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

export default defineOperation({
  id: 'dyvms.AddRtcAccount',
  title: 'Create an RTC (VoIP) account',
  description:
    'Creates a converged-communication (RTC/VoIP) account, optionally bound to a device ID (one account per device), and returns its ID in Module (not Data). ' +
    'Use the ID as UserId for dyvms.GetRtcToken and RtcId for dyvms.GetCallInfo. At most 5,000,000 accounts per Alibaba Cloud account; each call creates a new one.',
  access: 'write',
  resource: 'rtc',
  qps: 100,
  input: () => z.strictObject({
    DeviceId: z.string().trim().min(1).optional().describe('Device ID to bind the account to; one account per device ID.'),
  }),
  output: () => alibabaResponse({
    Module: str().optional().describe('ID of the new RTC account.'),
  }),
  examples: [{ input: { DeviceId: '22560000' }, wire: { DeviceId: '22560000' } }],
});
