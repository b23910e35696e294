import { z } from 'zod';
import { aliased, jsonValue, list, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

// The docs' table names the item fields DialogueFlowId/DialogueFlowName/DialogueFlowType/DialogueFlowDefinition,
// their examples Id/Name/FlowType/FlowDefinition: accept both, expose the table's names.
const flow = () => aliased(
  { DialogueFlowId: ['Id'], DialogueFlowName: ['Name'], DialogueFlowType: ['FlowType'], DialogueFlowDefinition: ['FlowDefinition'] },
  z.looseObject({
    DialogueFlowId: str().optional().describe('Flow ID; pass it to outboundbot.ModifyDialogueFlow / DeleteDialogueFlow.'),
    DialogueFlowName: str().optional().describe('Flow name.'),
    DialogueFlowType: str().optional().describe('MainFlow or SubFlow.'),
    DialogueFlowDefinition: jsonValue(z.union([z.looseObject({}), z.string()]))
      .optional()
      .describe('The flow graph {nodes, transitions}, parsed from the JSON text the vendor sends; edit it and send it whole to outboundbot.ModifyDialogueFlow.'),
    ScriptId: str().optional().describe('Script ID.'),
    ScriptVersion: str().optional().describe('Script version (ms-timestamp string) the flow belongs to.'),
  }),
);

export default defineOperation({
  id: 'outboundbot.ListDialogueFlows',
  title: 'List the dialogue flows of a script',
  description:
    "Returns every dialogue flow of a script (not paged) with its full definition graph, parsed into an object. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Use it before outboundbot.ModifyDialogueFlow, which replaces a whole graph. The vendor may name the item fields Id/Name/FlowType/FlowDefinition (as in its examples): they are returned here as DialogueFlowId/DialogueFlowName/DialogueFlowType/DialogueFlowDefinition. Definitions can be large.",
  access: 'read',
  listItems: 'DialogueFlows',
  resource: 'dialogueFlow',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
  }),
  output: () => scriptResponse({
    DialogueFlows: list(flow()).optional().describe('All flows of the script.'),
  }),
  examples: [
    {
      input: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', ScriptId: 'd7c28efb-47f7-4a85-a522-5038e30a0b98' },
      wire: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', ScriptId: 'd7c28efb-47f7-4a85-a522-5038e30a0b98' },
    },
  ],
});
