import { z } from 'zod';
import { int, num, phoneNumber, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceId } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.ModifyOutboundCallNumber',
  title: 'Change a caller number',
  description:
    'Changes a registered caller number and/or its rate limit (all fields are required: send the current values for what you keep; read them with outboundbot.ListOutboundCallNumbers). Note: the vendor\'s response table swaps the meanings of RateLimitCount and RateLimitPeriod; the request meanings below are the right ones.',
  access: 'write',
  resource: 'callerNumber',
  input: () => z.strictObject({
    InstanceId: instanceId(),
    OutboundCallNumberId: z.string().min(1).describe('ID of the caller number, from outboundbot.ListOutboundCallNumbers.'),
    Number: phoneNumber().describe('The (new) caller number.'),
    RateLimitCount: int(1).describe('Most calls this number may place within one rate-limit window.'),
    RateLimitPeriod: int(1).describe('Length of the rate-limit window in seconds.'),
  }),
  output: () => outboundbotResponse({
    OutboundCallNumber: z
      .looseObject({
        OutboundCallNumberId: str().optional(),
        Number: str().optional().describe('The number (sent by the vendor as a number; returned as text).'),
        RateLimitCount: num().optional().describe('Calls allowed per window.'),
        RateLimitPeriod: num().optional().describe('Window length in seconds.'),
      })
      .optional()
      .describe('The caller number after the change.'),
  }),
  examples: [
    {
      input: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        OutboundCallNumberId: 'fa0e21e9-caab-4629-9121-1e341243d599',
        Number: '10088',
        RateLimitCount: 10,
        RateLimitPeriod: 100,
      },
      wire: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        OutboundCallNumberId: 'fa0e21e9-caab-4629-9121-1e341243d599',
        Number: '10088',
        RateLimitCount: '10',
        RateLimitPeriod: '100',
      },
    },
  ],
});
