import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { instanceId } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.DeleteOutboundCallNumber',
  title: 'Remove a caller number',
  description:
    'Removes a registered caller number from an outbound-bot instance (irreversible; register it again with outboundbot.CreateOutboundCallNumber). Job groups that still list it as a CallingNumber may lose their caller ID: check outboundbot.ListJobGroups / DescribeJobGroup first. Get OutboundCallNumberId from outboundbot.ListOutboundCallNumbers.',
  access: 'write',
  resource: 'callerNumber',
  destructive: true,
  input: () => z.strictObject({
    InstanceId: instanceId(),
    OutboundCallNumberId: z.string().min(1).describe('ID of the caller number to remove, from outboundbot.ListOutboundCallNumbers.'),
  }),
  output: () => outboundbotResponse({}),
  examples: [
    {
      input: { InstanceId: '33014787-cc13-49d3-ab2f-a98aa8f15fbb', OutboundCallNumberId: 'ffa367e0-58f3-43b6-9615-c63db99c5add' },
      wire: { InstanceId: '33014787-cc13-49d3-ab2f-a98aa8f15fbb', OutboundCallNumberId: 'ffa367e0-58f3-43b6-9615-c63db99c5add' },
    },
  ],
});
