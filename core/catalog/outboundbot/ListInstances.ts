import { z } from 'zod';
import { alibabaResponse, aliased, bool, list, num, str } from '../../fields.js';
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
    InstanceId: str().optional().describe('Instance ID; pass it as InstanceId to the other outboundbot operations.'),
    InstanceName: str().optional().describe('Instance name.'),
    InstanceDescription: str().optional().describe('Instance description.'),
    MaxConcurrentConversation: num().optional().describe('Maximum number of concurrent robot conversations.'),
    CreationTime: num().optional().describe('Creation time, Unix epoch milliseconds.'),
  }),
);

export default defineOperation({
  id: 'outboundbot.ListInstances',
  title: 'List outbound-bot instances',
  description:
    'Lists every Outbound Bot instance of the account (not paged) with its ID, name and maximum concurrency. Start here: almost every other outboundbot operation needs an InstanceId from this list. Next: outboundbot.ListScripts (scripts of an instance) or outboundbot.DescribeInstance.',
  access: 'read',
  input: z.strictObject({}),
  output: aliased(
    { RequestId: ['requestId'], Success: ['success'], HttpStatusCode: ['httpStatusCode'] },
    alibabaResponse({
      HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success).'),
      Success: bool().optional().describe('Whether the call succeeded.'),
      Instances: list(instance).optional().describe('All instances of the account.'),
    }),
  ),
  examples: [{ input: {}, wire: {} }],
});
