import { z } from 'zod';
import { int, phoneNumber, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceId } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.CreateOutboundCallNumber',
  title: 'Add a caller number',
  description:
    'Registers a caller (display) number in an outbound-bot instance, with a rate limit of RateLimitCount calls per RateLimitPeriod seconds. Registration only: the number itself must already be yours (rented elsewhere), nothing is dialled. Prerequisite: InstanceId from outboundbot.ListInstances. Returns OutboundCallNumberId; then use the number in CallingNumber of outboundbot.CreateJobGroup / AssignJobs. List numbers with outboundbot.ListOutboundCallNumbers.',
  access: 'write',
  resource: 'callerNumber',
  input: () => z.strictObject({
    InstanceId: instanceId(),
    Number: phoneNumber().describe('The caller number to register, e.g. 95187 or 0571xxxxxxxx.'),
    RateLimitCount: int(1).describe('Most calls this number may place within one rate-limit window (RateLimitPeriod).'),
    RateLimitPeriod: int(1).describe('Length of the rate-limit window in seconds.'),
  }),
  output: () => outboundbotResponse({
    OutboundCallNumberId: str().optional().describe('ID of the registered number; needed to modify or delete it.'),
  }),
  examples: [
    {
      input: { InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd', Number: '95187', RateLimitCount: 20, RateLimitPeriod: 120 },
      wire: { InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd', Number: '95187', RateLimitCount: '20', RateLimitPeriod: '120' },
    },
  ],
});
