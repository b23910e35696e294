import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptOut, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.CreateScript',
  title: 'Create a dialogue script',
  description:
    'Creates a new, empty draft dialogue script (话术) in an instance. Needs InstanceId from outboundbot.ListInstances (a real instance ID: the vendor docs wrongly show an uploaded .xlsx path there). Script names must be unique in the instance (InvalidScriptName.Duplicated). Returns Script.ScriptId. Next: build it with outboundbot.CreateDialogueFlow + outboundbot.ModifyDialogueFlow, outboundbot.CreateIntent, outboundbot.CreateGlobalQuestion, outboundbot.CreateTag, outboundbot.ModifyTTSConfig; test with outboundbot.PublishScriptForDebug; then outboundbot.SubmitScriptReview before job groups can use it. To start from an existing script use outboundbot.DuplicateScript or outboundbot.ImportScript instead.',
  access: 'write',
  resource: 'script',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptName: z.string().min(1).describe('Script name, unique within the instance.'),
    Industry: z.string().min(1).describe('Industry the script is for, free text as shown in the console, e.g. "教育" (education) or "金融" (finance).'),
    Scene: z.string().min(1).describe('Scenario, free text as shown in the console, e.g. "回访" (follow-up) or "电销" (telesales).'),
    ScriptDescription: z.string().optional().describe('Free-text description of the script.'),
  }),
  output: () => scriptResponse({
    Script: scriptOut().optional().describe('The new script (draft).'),
  }),
  examples: [
    {
      input: { InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd', ScriptName: '课程满意度回访', Industry: '教育', Scene: '回访', ScriptDescription: '课程回复话术' },
      wire: { InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd', ScriptName: '课程满意度回访', Industry: '教育', Scene: '回访', ScriptDescription: '课程回复话术' },
    },
  ],
});
