import { z } from 'zod';
import { str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.CreateDialogueFlow',
  title: 'Create a dialogue flow',
  description:
    "Creates an empty dialogue flow in a script: the MainFlow that a call starts in, or a SubFlow the main flow can jump to. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Returns DialogueFlowId; then define the flow's nodes and transitions with outboundbot.ModifyDialogueFlow. The name parameter is DialogueName, although the duplicate-name error calls it DialogueFlowName (InvalidDialogueFlowName.Duplicated). Changes reach calls only after outboundbot.PublishScriptForDebug / outboundbot.SubmitScriptReview.",
  access: 'write',
  resource: 'dialogueFlow',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    DialogueFlowType: z.enum(['MainFlow', 'SubFlow']).describe('MainFlow (where every call starts) or SubFlow (reached from the main flow).'),
    DialogueName: z.string().min(1).describe('Flow name, unique within the script, e.g. "主流程" (main flow).'),
  }),
  output: () => scriptResponse({
    DialogueFlowId: str().optional().describe('ID of the new flow; pass it to outboundbot.ModifyDialogueFlow.'),
  }),
  examples: [
    {
      input: { InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd', ScriptId: '63cc3b45-feb2-4676-a7d7-f717001fa1e1', DialogueFlowType: 'MainFlow', DialogueName: '主流程' },
      wire: { InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd', ScriptId: '63cc3b45-feb2-4676-a7d7-f717001fa1e1', DialogueFlowType: 'MainFlow', DialogueName: '主流程' },
    },
  ],
});
