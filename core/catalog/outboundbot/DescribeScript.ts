import { z } from 'zod';
import { alibabaResponse, bool, num, resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

const script = z.looseObject({
  ScriptId: str().optional().describe('Script ID.'),
  ScriptName: str().optional().describe('Script name.'),
  ScriptDescription: str().optional().describe('Script description.'),
  Industry: str().optional().describe('Industry, e.g. education or finance.'),
  Scene: str().optional().describe('Scenario, e.g. follow-up or telesales.'),
  Status: str().optional().describe('Status of the applied (production) version, e.g. DRAFTED, EXAMINE_IN_PROGRESS, PUBLISHED.'),
  DebugStatus: str().optional().describe('Status of the debug version, e.g. DRAFTED, PUBLISHED.'),
  IsDrafted: bool().optional().describe('Whether the production version has unpublished draft changes.'),
  IsDebugDrafted: bool().optional().describe('Whether the debug version has unpublished draft changes.'),
  UpdateTime: num().optional().describe('Last update time, Unix epoch milliseconds.'),
});

export default defineOperation({
  id: 'outboundbot.DescribeScript',
  title: 'Get a dialogue script',
  description:
    "Returns one script's metadata and status: Status (production version: DRAFTED, EXAMINE_IN_PROGRESS, PUBLISHED, ...), DebugStatus, whether draft changes are pending (IsDrafted, IsDebugDrafted) and UpdateTime. Use it to check whether a script is published before creating a job group with it. The dialogue content itself comes from outboundbot.ListDialogueFlows, outboundbot.ListIntents, outboundbot.ListGlobalQuestions and outboundbot.ListTags.",
  access: 'read',
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    ScriptId: resourceId().describe('Script ID, from outboundbot.ListScripts.'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
    Script: script.optional().describe('The script.'),
  }),
  examples: [
    {
      input: { InstanceId: '38d2e8ed-04e9-4dac-83b5-a8e57642ef13', ScriptId: 'bee7e5b1-5d9a-4389-aa7e-bbbee5353a16' },
      wire: { InstanceId: '38d2e8ed-04e9-4dac-83b5-a8e57642ef13', ScriptId: 'bee7e5b1-5d9a-4389-aa7e-bbbee5353a16' },
    },
  ],
});
