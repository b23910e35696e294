import { z } from 'zod';
import { resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.DuplicateScript',
  title: 'Copy a dialogue script',
  description:
    'Copies an existing script (flows, intents, global questions, tags, voice settings) into a new draft script named Name in the same instance. Needs InstanceId (outboundbot.ListInstances) and the source ScriptId (outboundbot.ListScripts). The parameter table says the answer carries the new ScriptId, but the docs\' examples return only SourceScriptId (the ID you sent): if ScriptId is missing, find the copy by its Name with outboundbot.ListScripts. The copy must be reviewed and published like any new script.',
  access: 'write',
  resource: 'script',
  check: ['Name'],
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    SourceScriptId: resourceId().describe('ID of the script to copy, from outboundbot.ListScripts.'),
    Name: z.string().min(1).describe('Name of the new script, unique within the instance.'),
  }),
  output: () => scriptResponse({
    ScriptId: str().optional().describe('ID of the new script (may be missing: see the description).'),
    SourceScriptId: str().optional().describe('ID of the script that was copied (not the new one).'),
  }),
  examples: [
    {
      input: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', SourceScriptId: '6114e7e8-4140-48d9-b46d-65ea29f13fe8', Name: '复制的催收话术' },
      wire: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', SourceScriptId: '6114e7e8-4140-48d9-b46d-65ea29f13fe8', Name: '复制的催收话术' },
    },
  ],
});
