import { z } from 'zod';
import { jsonValue, resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

/** The flow graph. Node and transition fields are the console's own (see ListDialogueFlows for a real one); unknown keys are kept. */
const definition = () => z.looseObject({
  nodes: z
    .array(
      z.looseObject({
        id: z.string().min(1).describe('Node ID, referenced by transitions.'),
        type: z.string().min(1).describe('Node type, e.g. "start", "Switch", "transfer".'),
      }),
    )
    .describe('All nodes of the flow: {id, index, nodeIndex, type, shape, name, script, questions[], similarScripts[], interruptible, collectedNumberEnabled, labels[], content{branches[], action, actionParams, unrecognizingConfig, silenceTimeoutConfig}, coordinates{x,y}, size, x, y}.'),
  transitions: z
    .array(
      z.looseObject({
        source: z.string().min(1).describe('ID of the node the transition leaves.'),
        target: z.string().min(1).describe('ID of the node it enters.'),
      }),
    )
    .describe('All transitions: {id, index, source, sourceAnchor, sourceBranchNode, target, targetAnchor}.'),
});

/** Checked against the graph shape, but sent exactly as given (keys keep the caller's order). */
const definitionInput = () => z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const result = definition().safeParse(value);
  if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});

/** The stored definition: parsed when it is JSON text, else returned as sent. */
const storedDefinition = () => jsonValue(z.union([z.looseObject({}), z.string()]));

export default defineOperation({
  id: 'outboundbot.ModifyDialogueFlow',
  title: "Replace a dialogue flow's definition",
  description:
    "Replaces the WHOLE node/transition graph of one dialogue flow with DialogueFlowDefinition: whatever is not in it is removed. Read the current graph first with outboundbot.ListDialogueFlows (DialogueFlowDefinition), edit it, and send all of it back. Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and DialogueFlowId (outboundbot.CreateDialogueFlow / ListDialogueFlows). Give the definition as an object (a JSON string is accepted too); it travels as one JSON string in a POST form body, because a real flow is far too large for the GET query the docs show. Changes reach calls only after outboundbot.PublishScriptForDebug / outboundbot.SubmitScriptReview.",
  access: 'write',
  resource: 'dialogueFlow',
  destructive: true,
  idempotent: true,
  wire: {
    method: 'POST',
    encoding: { DialogueFlowDefinition: 'json' },
  },
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    DialogueFlowId: resourceId().describe('ID of the flow to replace, from outboundbot.ListDialogueFlows or outboundbot.CreateDialogueFlow.'),
    DialogueFlowDefinition: jsonValue(definitionInput()).describe(
      'The complete flow graph {nodes: [...], transitions: [...]}, as an object (or its JSON text); replaces the stored graph entirely and is sent as one JSON string.',
    ),
  }),
  output: () => scriptResponse({
    DialogueFlowId: str().optional().describe('Flow ID (the docs\' example returns a different ID from the one sent; trust your own).'),
    DialogueFlowDefinition: storedDefinition().optional().describe('The stored definition, parsed (listed in the docs\' table; their examples omit it).'),
  }),
  examples: [
    {
      input: {
        InstanceId: 'da37319b-6c83-4268-9f19-814aed62e401',
        ScriptId: 'b0f35dd1-0337-402e-9c4f-3a6c2426950a',
        DialogueFlowId: '8a621aa1-d2e7-43f3-b54d-8830af73c468',
        DialogueFlowDefinition: {
          transitions: [{ id: 'a91c4023', index: 1, source: 'cc31e02b', sourceAnchor: 0, target: '946045be', targetAnchor: 0 }],
          nodes: [
            { id: 'cc31e02b', index: 0, nodeIndex: 0, type: 'start', shape: 'start-html', content: { branches: [{ branchId: 'f5450420', branchName: '发起对话' }] } },
            { id: '946045be', index: 2, nodeIndex: 1, type: 'transfer', name: '功能节点', script: '好的，稍后联系您', content: { action: 'Hangup', actionParams: '' } },
          ],
        },
      },
      wire: {
        InstanceId: 'da37319b-6c83-4268-9f19-814aed62e401',
        ScriptId: 'b0f35dd1-0337-402e-9c4f-3a6c2426950a',
        DialogueFlowId: '8a621aa1-d2e7-43f3-b54d-8830af73c468',
        DialogueFlowDefinition:
          '{"transitions":[{"id":"a91c4023","index":1,"source":"cc31e02b","sourceAnchor":0,"target":"946045be","targetAnchor":0}],"nodes":[{"id":"cc31e02b","index":0,"nodeIndex":0,"type":"start","shape":"start-html","content":{"branches":[{"branchId":"f5450420","branchName":"发起对话"}]}},{"id":"946045be","index":2,"nodeIndex":1,"type":"transfer","name":"功能节点","script":"好的，稍后联系您","content":{"action":"Hangup","actionParams":""}}]}',
      },
    },
    {
      title: 'Definition given as JSON text',
      input: {
        InstanceId: 'da37319b-6c83-4268-9f19-814aed62e401',
        ScriptId: 'b0f35dd1-0337-402e-9c4f-3a6c2426950a',
        DialogueFlowId: '8a621aa1-d2e7-43f3-b54d-8830af73c468',
        DialogueFlowDefinition: '{"nodes":[{"id":"n1","type":"start"}],"transitions":[]}',
      },
      wire: {
        InstanceId: 'da37319b-6c83-4268-9f19-814aed62e401',
        ScriptId: 'b0f35dd1-0337-402e-9c4f-3a6c2426950a',
        DialogueFlowId: '8a621aa1-d2e7-43f3-b54d-8830af73c468',
        DialogueFlowDefinition: '{"nodes":[{"id":"n1","type":"start"}],"transitions":[]}',
      },
    },
  ],
});
