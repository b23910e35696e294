import { z } from 'zod';
import { num, resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, pagedBy, pageNumberParam, pageOf, pageSizeParam, scriptResponse } from '../shared/outboundbot-config.js';

const history = () => z.looseObject({
  ScriptVersion: str().optional().describe('Published version (a ms-timestamp string); pass it as RollbackVersion to outboundbot.RollbackScript.'),
  PublishTime: num().optional().describe('Publish time, Unix epoch milliseconds.'),
  Description: str().optional().describe('Note given when the version was submitted.'),
  ScriptId: str().optional().describe('Script ID.'),
  InstanceId: str().optional().describe('Instance ID.'),
});

export default defineOperation({
  id: 'outboundbot.ListScriptPublishHistories',
  title: "List a script's published versions",
  description:
    "Lists the published versions of one script, one page at a time, newest first as the service returns them; each ScriptVersion can be passed to outboundbot.RollbackScript. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). ScriptId is missing from the docs' parameter table but sent in their request example and needed to say which script: it is required here. Totals are in ScriptPublishHistories.TotalCount.",
  access: 'read',
  resource: 'script',
  pagination: pagedBy('ScriptPublishHistories'),
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: resourceId().describe('Script whose publish history to list, from outboundbot.ListScripts (absent from the docs\' table, present in their example).'),
    PageNumber: pageNumberParam(),
    PageSize: pageSizeParam(),
  }),
  output: () => scriptResponse({
    ScriptPublishHistories: pageOf(history(), 'published versions'),
  }),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'b0f35dd1-0337-402e-9c4f-3a6c2426950a', PageNumber: 1, PageSize: 10 },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'b0f35dd1-0337-402e-9c4f-3a6c2426950a', PageNumber: '1', PageSize: '10' },
    },
  ],
});
