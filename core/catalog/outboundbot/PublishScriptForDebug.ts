import { z } from 'zod';
import { alibabaResponse, bool, num, resourceId } from '../../fields.js';
import { defineOperation } from '../../operation.js';

export default defineOperation({
  id: 'outboundbot.PublishScriptForDebug',
  title: 'Publish the debug version of a script',
  description:
    "Publishes a script's current draft as its debug version, for test calls. It does NOT put the script into production (despite the docs' overview calling it 'publish'): production needs outboundbot.SubmitScriptReview and a passed review. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Check DebugStatus with outboundbot.DescribeScript.",
  access: 'write',
  idempotent: true,
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    ScriptId: resourceId().describe('Script ID, from outboundbot.ListScripts.'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
  }),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: '0bfe34e5-a7fa-4aac-91d4-bd798518dffc' },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: '0bfe34e5-a7fa-4aac-91d4-bd798518dffc' },
    },
  ],
});
