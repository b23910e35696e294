import { z } from 'zod';
import { alibabaResponse, bool, num, resourceId } from '../../fields.js';
import { defineOperation } from '../../operation.js';

export default defineOperation({
  id: 'outboundbot.DeleteGlobalQuestion',
  title: 'Delete a global question',
  description:
    "Permanently deletes one global question from a script's draft. Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and GlobalQuestionId (outboundbot.ListGlobalQuestions). Published versions are unaffected until the script is published again.",
  access: 'write',
  destructive: true,
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    ScriptId: resourceId().describe('Script ID, from outboundbot.ListScripts.'),
    GlobalQuestionId: resourceId().describe('ID of the global question to delete, from outboundbot.ListGlobalQuestions.'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
  }),
  examples: [
    {
      input: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', ScriptId: 'aa279896-64a6-4182-864c-4f2b04ec8d17', GlobalQuestionId: '35f1361e-4377-494c-9f10-4274bda0317f' },
      wire: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', ScriptId: 'aa279896-64a6-4182-864c-4f2b04ec8d17', GlobalQuestionId: '35f1361e-4377-494c-9f10-4274bda0317f' },
    },
  ],
});
