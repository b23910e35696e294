import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptOut, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.ModifyScript',
  title: "Modify a script's name and metadata",
  description:
    "Changes a script's name, industry, scene and description (not its dialogue content: use outboundbot.ModifyDialogueFlow, outboundbot.ModifyIntent etc. for that). ScriptName, Industry and Scene are all required on every call: read the current values with outboundbot.DescribeScript and send back the ones you keep. Names must stay unique in the instance (InvalidScriptName.Duplicated).",
  access: 'write',
  resource: 'script',
  idempotent: true,
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    ScriptName: z.string().min(1).describe('Script name (required; send the current name to keep it), unique within the instance.'),
    Industry: z.string().min(1).describe('Industry, free text, e.g. "政务" (government); required, send the current value to keep it.'),
    Scene: z.string().min(1).describe('Scenario, free text, e.g. "回访" (follow-up); required, send the current value to keep it.'),
    ScriptDescription: z.string().optional().describe('New description; omit to keep the current one.'),
  }),
  output: () => scriptResponse({
    Script: scriptOut().optional().describe('The script after the change.'),
  }),
  examples: [
    {
      input: { InstanceId: 'c6320d3c-fa45-4011-b3b1-acdfabe3a8c6', ScriptId: 'c153d0d8-ba04-41c0-8632-453944c9dd0b', ScriptName: '返工回访', Industry: '政务', Scene: '回访' },
      wire: { InstanceId: 'c6320d3c-fa45-4011-b3b1-acdfabe3a8c6', ScriptId: 'c153d0d8-ba04-41c0-8632-453944c9dd0b', ScriptName: '返工回访', Industry: '政务', Scene: '回访' },
    },
  ],
});
