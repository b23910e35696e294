import { z } from 'zod';
import { int } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceOut, instanceResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.CreateInstance',
  title: 'Create an outbound-bot instance',
  description:
    'Creates an Outbound Bot instance: the container for scripts, caller numbers and job groups, with a maximum number of concurrent robot conversations (concurrency is what the product bills; check pricing first). Returns Instance.InstanceId, which every other outboundbot operation needs. Instance names must be unique (InvalidInstanceName.Duplicated); a concurrency above your quota fails with LimitExceeded.ConcurrentConversation. Usually an instance already exists: call outboundbot.ListInstances before creating one. Next: outboundbot.CreateScript or outboundbot.ListScripts.',
  access: 'write',
  resource: 'instance',
  input: () => z.strictObject({
    InstanceName: z.string().min(1).describe('Instance name, unique within the account.'),
    MaxConcurrentConversation: int(1).describe('Maximum number of concurrent robot conversations for this instance (at least 1; bounded by your purchased quota).'),
    InstanceDescription: z.string().optional().describe('Free-text description of the instance.'),
  }),
  output: () => instanceResponse({
    Instance: instanceOut('ID of the new instance; pass it as InstanceId to every other outboundbot operation.').optional().describe('The created instance.'),
  }),
  examples: [
    {
      input: { InstanceName: 'First instance', MaxConcurrentConversation: 4, InstanceDescription: 'Collections campaigns' },
      wire: { InstanceName: 'First instance', MaxConcurrentConversation: '4', InstanceDescription: 'Collections campaigns' },
    },
  ],
});
