import { z } from 'zod';
import { resourceId } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.DeleteGlobalQuestion',
  title: 'Delete a global question',
  description:
    "Permanently deletes one global question from a script's draft. Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and GlobalQuestionId (outboundbot.ListGlobalQuestions). Published versions are unaffected until the script is published again.",
  access: 'write',
  resource: 'globalQuestion',
  destructive: true,
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    GlobalQuestionId: resourceId().describe('ID of the global question to delete, from outboundbot.ListGlobalQuestions.'),
  }),
  output: () => scriptResponse({
  }),
  examples: [
    {
      input: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', ScriptId: 'aa279896-64a6-4182-864c-4f2b04ec8d17', GlobalQuestionId: '35f1361e-4377-494c-9f10-4274bda0317f' },
      wire: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', ScriptId: 'aa279896-64a6-4182-864c-4f2b04ec8d17', GlobalQuestionId: '35f1361e-4377-494c-9f10-4274bda0317f' },
    },
  ],
});
