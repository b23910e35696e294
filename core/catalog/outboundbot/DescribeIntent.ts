import { z } from 'zod';
import { alibabaResponse, bool, list, num, resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

const intent = z.looseObject({
  IntentId: str().optional().describe('Intent ID.'),
  IntentName: str().optional().describe('Intent name.'),
  IntentDescription: str().optional().describe('Intent description.'),
  Utterances: list(str()).optional().describe('Example user utterances, as an array.'),
  Keywords: list(str()).optional().describe('Keywords, as an array.'),
  ScriptId: str().optional().describe('Script ID.'),
  CreateTime: num().optional().describe('Creation time, Unix epoch milliseconds.'),
  UpdateTime: num().optional().describe('Last update time, Unix epoch milliseconds.'),
});

export default defineOperation({
  id: 'outboundbot.DescribeIntent',
  title: 'Get an intent',
  description:
    'Returns one intent of a script with its Utterances and Keywords as arrays of strings (whether the vendor sends arrays or JSON text). Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and IntentId (outboundbot.ListIntents). Use it before outboundbot.ModifyIntent, which replaces the utterance list.',
  access: 'read',
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    ScriptId: resourceId().describe('Script ID, from outboundbot.ListScripts.'),
    IntentId: resourceId().describe('Intent ID, from outboundbot.ListIntents.'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
    Intent: intent.optional().describe('The intent.'),
  }),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'b9ff4e88-65f9-4eb3-987c-11ba51f3f24d', IntentId: '0f8a0059-dc9c-4151-8378-4734bbadf3cc' },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'b9ff4e88-65f9-4eb3-987c-11ba51f3f24d', IntentId: '0f8a0059-dc9c-4151-8378-4734bbadf3cc' },
    },
  ],
});
