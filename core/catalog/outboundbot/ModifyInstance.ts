import { z } from 'zod';
import { int, resourceId } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceOut, instanceResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.ModifyInstance',
  title: 'Modify an outbound-bot instance',
  description:
    "Changes an Outbound Bot instance's maximum concurrency (required on every call, even when only renaming: read the current value with outboundbot.DescribeInstance and send it back), and optionally its name and description. Concurrency is the billed dimension; above your quota the call fails with LimitExceeded.ConcurrentConversation. Names must be unique (InvalidInstanceName.Duplicated).",
  access: 'write',
  resource: 'instance',
  idempotent: true,
  input: () => z.strictObject({
    InstanceId: resourceId().describe('Instance ID, from outboundbot.ListInstances.'),
    MaxConcurrentConversation: int(1).describe('New maximum number of concurrent robot conversations (required; send the current value to keep it).'),
    InstanceName: z.string().min(1).optional().describe('New instance name, unique within the account; omit to keep the current one.'),
    InstanceDescription: z.string().optional().describe('New description; omit to keep the current one.'),
  }),
  output: () => instanceResponse({
    Instance: instanceOut('Instance ID.').optional().describe('The instance after the change.'),
  }),
  examples: [
    {
      input: { InstanceId: '90515b5-6115-4ccf-83e2-52d5bfaf2ddf', MaxConcurrentConversation: 5 },
      wire: { InstanceId: '90515b5-6115-4ccf-83e2-52d5bfaf2ddf', MaxConcurrentConversation: '5' },
    },
    {
      title: 'Rename, keeping concurrency',
      input: { InstanceId: '90515b5-6115-4ccf-83e2-52d5bfaf2ddf', MaxConcurrentConversation: '5', InstanceName: 'New instance' },
      wire: { InstanceId: '90515b5-6115-4ccf-83e2-52d5bfaf2ddf', MaxConcurrentConversation: '5', InstanceName: 'New instance' },
    },
  ],
});
