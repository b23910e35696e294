import { z } from 'zod';
import { alibabaResponse, aliased, bool, int, num, resourceId, str } from '../../fields.js';
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
  id: 'outboundbot.ModifyInstance',
  title: 'Modify an outbound-bot instance',
  description:
    "Changes an Outbound Bot instance's maximum concurrency (required on every call, even when only renaming: read the current value with outboundbot.DescribeInstance and send it back), and optionally its name and description. Concurrency is the billed dimension; above your quota the call fails with LimitExceeded.ConcurrentConversation. Names must be unique (InvalidInstanceName.Duplicated).",
  access: 'write',
  idempotent: true,
  input: z.strictObject({
    InstanceId: resourceId().describe('Instance ID, from outboundbot.ListInstances.'),
    MaxConcurrentConversation: int(1).describe('New maximum number of concurrent robot conversations (required; send the current value to keep it).'),
    InstanceName: z.string().min(1).optional().describe('New instance name, unique within the account; omit to keep the current one.'),
    InstanceDescription: z.string().optional().describe('New description; omit to keep the current one.'),
  }),
  output: aliased(
    { RequestId: ['requestId'], Success: ['success'], HttpStatusCode: ['httpStatusCode'] },
    alibabaResponse({
      HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success).'),
      Success: bool().optional().describe('Whether the call succeeded.'),
      Instance: instance.optional().describe('The instance after the change.'),
    }),
  ),
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
