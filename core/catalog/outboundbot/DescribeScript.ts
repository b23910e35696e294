import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptOut, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.DescribeScript',
  title: 'Get a dialogue script',
  description:
    "Returns one script's metadata and status: Status (production version: DRAFTED, EXAMINE_IN_PROGRESS, PUBLISHED, ...), DebugStatus, whether draft changes are pending (IsDrafted, IsDebugDrafted) and UpdateTime. Use it to check whether a script is published before creating a job group with it. The dialogue content itself comes from outboundbot.ListDialogueFlows, outboundbot.ListIntents, outboundbot.ListGlobalQuestions and outboundbot.ListTags.",
  access: 'read',
  resource: 'script',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
  }),
  output: () => scriptResponse({
    Script: scriptOut().optional().describe('The script.'),
  }),
  examples: [
    {
      input: { InstanceId: '38d2e8ed-04e9-4dac-83b5-a8e57642ef13', ScriptId: 'bee7e5b1-5d9a-4389-aa7e-bbbee5353a16' },
      wire: { InstanceId: '38d2e8ed-04e9-4dac-83b5-a8e57642ef13', ScriptId: 'bee7e5b1-5d9a-4389-aa7e-bbbee5353a16' },
    },
  ],
});
