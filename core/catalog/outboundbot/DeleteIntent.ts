import { z } from 'zod';
import { resourceId } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.DeleteIntent',
  title: 'Delete an intent',
  description:
    "Permanently deletes an intent from a script's draft. Dialogue-flow branches that use it stop matching: check them with outboundbot.ListDialogueFlows first. Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and IntentId (outboundbot.ListIntents).",
  access: 'write',
  resource: 'intent',
  destructive: true,
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    IntentId: resourceId().describe('ID of the intent to delete, from outboundbot.ListIntents.'),
  }),
  output: () => scriptResponse({
  }),
  examples: [
    {
      input: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', ScriptId: 'aa279896-64a6-4182-864c-4f2b04ec8d17', IntentId: 'c21fb0ec-fb5e-476f-a6bf-81a892739c8d' },
      wire: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', ScriptId: 'aa279896-64a6-4182-864c-4f2b04ec8d17', IntentId: 'c21fb0ec-fb5e-476f-a6bf-81a892739c8d' },
    },
  ],
});
