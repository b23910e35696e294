import { z } from 'zod';
import { resourceId } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, intentOut, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.DescribeIntent',
  title: 'Get an intent',
  description:
    'Returns one intent of a script with its Utterances and Keywords as arrays of strings (whether the vendor sends arrays or JSON text). Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and IntentId (outboundbot.ListIntents). Use it before outboundbot.ModifyIntent, which replaces the utterance list.',
  access: 'read',
  resource: 'intent',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    IntentId: resourceId().describe('Intent ID, from outboundbot.ListIntents.'),
  }),
  output: () => scriptResponse({
    Intent: intentOut().optional().describe('The intent.'),
  }),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'b9ff4e88-65f9-4eb3-987c-11ba51f3f24d', IntentId: '0f8a0059-dc9c-4151-8378-4734bbadf3cc' },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'b9ff4e88-65f9-4eb3-987c-11ba51f3f24d', IntentId: '0f8a0059-dc9c-4151-8378-4734bbadf3cc' },
    },
  ],
});
