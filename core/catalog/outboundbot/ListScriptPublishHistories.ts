import { z } from 'zod';
import { alibabaResponse, bool, int, list, num, resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

const history = z.looseObject({
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
  pagination: {
    pageParam: 'PageNumber',
    sizeParam: 'PageSize',
    maxPageSize: 100,
    itemsPath: 'ScriptPublishHistories.List',
    totalPath: 'ScriptPublishHistories.TotalCount',
  },
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    ScriptId: resourceId().describe('Script whose publish history to list, from outboundbot.ListScripts (absent from the docs\' table, present in their example).'),
    PageNumber: int(1).describe('Page number, starting at 1.'),
    PageSize: int(1, 100).describe('Items per page, 1-100 (the docs state no maximum; 100 is the largest page they show).'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
    ScriptPublishHistories: z
      .looseObject({
        List: list(history).describe('Published versions on this page.'),
        PageNumber: num().optional().describe('Page number returned.'),
        PageSize: num().optional().describe('Page size returned.'),
        TotalCount: num().optional().describe('Total number of items across all pages.'),
      })
      .optional()
      .describe('One page of published versions.'),
  }),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'b0f35dd1-0337-402e-9c4f-3a6c2426950a', PageNumber: 1, PageSize: 10 },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'b0f35dd1-0337-402e-9c4f-3a6c2426950a', PageNumber: '1', PageSize: '10' },
    },
  ],
});
