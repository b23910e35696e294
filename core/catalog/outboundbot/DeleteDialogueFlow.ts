import { z } from 'zod';
import { resourceId } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.DeleteDialogueFlow',
  title: 'Delete a dialogue flow',
  description:
    "Permanently deletes one dialogue flow (its whole node graph) from a script's draft. Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and DialogueFlowId (outboundbot.ListDialogueFlows). Nodes of other flows that jump to it are left dangling: fix them with outboundbot.ModifyDialogueFlow. Published versions are unaffected until the script is published again.",
  access: 'write',
  resource: 'dialogueFlow',
  destructive: true,
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    DialogueFlowId: resourceId().describe('ID of the flow to delete, from outboundbot.ListDialogueFlows.'),
  }),
  output: () => scriptResponse({
  }),
  examples: [
    {
      input: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', ScriptId: 'd7c28efb-47f7-4a85-a522-5038e30a0b98', DialogueFlowId: '40a1457a-d2f3-43cf-ac81-c9e14cf07d88' },
      wire: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', ScriptId: 'd7c28efb-47f7-4a85-a522-5038e30a0b98', DialogueFlowId: '40a1457a-d2f3-43cf-ac81-c9e14cf07d88' },
    },
  ],
});
