import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.PublishScriptForDebug',
  title: 'Publish the debug version of a script',
  description:
    "Publishes a script's current draft as its debug version, for test calls. It does NOT put the script into production (despite the docs' overview calling it 'publish'): production needs outboundbot.SubmitScriptReview and a passed review. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Check DebugStatus with outboundbot.DescribeScript.",
  access: 'write',
  resource: 'script',
  idempotent: true,
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
  }),
  output: () => scriptResponse({
  }),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: '0bfe34e5-a7fa-4aac-91d4-bd798518dffc' },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: '0bfe34e5-a7fa-4aac-91d4-bd798518dffc' },
    },
  ],
});
