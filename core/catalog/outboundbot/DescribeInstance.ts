import { z } from 'zod';
import { resourceId } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceOut, instanceResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.DescribeInstance',
  title: 'Get an outbound-bot instance',
  description:
    "Returns one Outbound Bot instance's name, description, maximum concurrency and creation time. Use it to check an InstanceId from outboundbot.ListInstances before changing or deleting the instance.",
  access: 'read',
  resource: 'instance',
  input: () => z.strictObject({
    InstanceId: resourceId().describe('Instance ID, from outboundbot.ListInstances.'),
  }),
  output: () => instanceResponse({
    Instance: instanceOut('Instance ID.').optional().describe('The instance.'),
  }),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a' },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a' },
    },
  ],
});
