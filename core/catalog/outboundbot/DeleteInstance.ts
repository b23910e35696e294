import { z } from 'zod';
import { bool, resourceId } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.DeleteInstance',
  title: 'Delete an outbound-bot instance',
  description:
    'Permanently deletes an Outbound Bot instance and with it everything it contains (scripts, caller numbers, job groups and their results). Irreversible: confirm the InstanceId with outboundbot.DescribeInstance first, and export scripts you want to keep (outboundbot.ExportScript).',
  access: 'write',
  resource: 'instance',
  destructive: true,
  input: () => z.strictObject({
    InstanceId: resourceId().describe('ID of the instance to delete, from outboundbot.ListInstances.'),
  }),
  output: () => instanceResponse({
    Success: bool().optional().describe('Whether the instance was deleted.'),
  }),
  examples: [
    {
      input: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399' },
      wire: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399' },
    },
  ],
});
