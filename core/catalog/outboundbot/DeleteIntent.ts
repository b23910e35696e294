import { z } from 'zod';
import { alibabaResponse, bool, num, resourceId } from '../../fields.js';
import { defineOperation } from '../../operation.js';

export default defineOperation({
  id: 'outboundbot.DeleteIntent',
  title: 'Delete an intent',
  description:
    "Permanently deletes an intent from a script's draft. Dialogue-flow branches that use it stop matching: check them with outboundbot.ListDialogueFlows first. Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and IntentId (outboundbot.ListIntents).",
  access: 'write',
  destructive: true,
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    ScriptId: resourceId().describe('Script ID, from outboundbot.ListScripts.'),
    IntentId: resourceId().describe('ID of the intent to delete, from outboundbot.ListIntents.'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
  }),
  examples: [
    {
      input: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', ScriptId: 'aa279896-64a6-4182-864c-4f2b04ec8d17', IntentId: 'c21fb0ec-fb5e-476f-a6bf-81a892739c8d' },
      wire: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', ScriptId: 'aa279896-64a6-4182-864c-4f2b04ec8d17', IntentId: 'c21fb0ec-fb5e-476f-a6bf-81a892739c8d' },
    },
  ],
});
