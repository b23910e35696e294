import { z } from 'zod';
import { alibabaResponse, bool, int, list, num, resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

const script = z.looseObject({
  ScriptId: str().optional().describe('Script ID; use it as ScriptId in the other script operations and in job groups.'),
  ScriptName: str().optional().describe('Script name.'),
  ScriptDescription: str().optional().describe('Script description.'),
  Industry: str().optional().describe('Industry.'),
  Scene: str().optional().describe('Scenario.'),
  Status: str().optional().describe('Status of the production version, e.g. DRAFTED, EXAMINE_IN_PROGRESS, PUBLISHED.'),
  DebugStatus: str().optional().describe('Status of the debug version.'),
  IsDrafted: bool().optional().describe('Whether the production version has unpublished draft changes.'),
  IsDebugDrafted: bool().optional().describe('Whether the debug version has unpublished draft changes.'),
  RejectReason: str().optional().describe('Why the last review was rejected, if it was.'),
  UpdateTime: num().optional().describe('Last update time, Unix epoch milliseconds.'),
});

export default defineOperation({
  id: 'outboundbot.ListScripts',
  title: 'List dialogue scripts',
  description:
    'Lists the dialogue scripts (话术) of an instance, one page at a time, with status and review-rejection reason. Needs InstanceId from outboundbot.ListInstances. A job group needs a ScriptId from here whose Status is PUBLISHED; to list only published scripts use outboundbot.QueryScriptsByStatus. Totals are in Scripts.TotalCount.',
  access: 'read',
  pagination: { pageParam: 'PageNumber', sizeParam: 'PageSize', maxPageSize: 100, itemsPath: 'Scripts.List', totalPath: 'Scripts.TotalCount' },
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    PageNumber: int(1).describe('Page number, starting at 1.'),
    PageSize: int(1, 100).describe('Items per page, 1-100 (the docs state no maximum; 100 is the largest page they show).'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
    Scripts: z
      .looseObject({
        List: list(script).describe('Scripts on this page.'),
        PageNumber: num().optional().describe('Page number returned.'),
        PageSize: num().optional().describe('Page size returned.'),
        TotalCount: num().optional().describe('Total number of items across all pages.'),
      })
      .optional()
      .describe('One page of scripts.'),
  }),
  examples: [
    {
      input: { InstanceId: 'bdd49242-114c-4045-b1d1-25ccc1756c75', PageNumber: 1, PageSize: 10 },
      wire: { InstanceId: 'bdd49242-114c-4045-b1d1-25ccc1756c75', PageNumber: '1', PageSize: '10' },
    },
  ],
});
