import { z } from 'zod';
import { alibabaResponse, aliased, bool, num, resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

// The docs' examples answer with lower-case keys (creationTime, requestId, success): accept both, expose the documented names.
const instance = aliased(
  {
    CreationTime: ['creationTime'],
    InstanceId: ['instanceId'],
    InstanceName: ['instanceName'],
    InstanceDescription: ['instanceDescription'],
    MaxConcurrentConversation: ['maxConcurrentConversation'],
  },
  z.looseObject({
    InstanceId: str().optional().describe('Instance ID.'),
    InstanceName: str().optional().describe('Instance name.'),
    InstanceDescription: str().optional().describe('Instance description.'),
    MaxConcurrentConversation: num().optional().describe('Maximum number of concurrent robot conversations.'),
    CreationTime: num().optional().describe('Creation time, Unix epoch milliseconds.'),
  }),
);

export default defineOperation({
  id: 'outboundbot.DescribeInstance',
  title: 'Get an outbound-bot instance',
  description:
    "Returns one Outbound Bot instance's name, description, maximum concurrency and creation time. Use it to check an InstanceId from outboundbot.ListInstances before changing or deleting the instance.",
  access: 'read',
  input: z.strictObject({
    InstanceId: resourceId().describe('Instance ID, from outboundbot.ListInstances.'),
  }),
  output: aliased(
    { RequestId: ['requestId'], Success: ['success'], HttpStatusCode: ['httpStatusCode'] },
    alibabaResponse({
      HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success).'),
      Success: bool().optional().describe('Whether the call succeeded.'),
      Instance: instance.optional().describe('The instance.'),
    }),
  ),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a' },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a' },
    },
  ],
});
