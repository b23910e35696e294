import { z } from 'zod';
import { bool, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, pagedBy, pageNumberParam, pageOf, pageSizeParam, scriptResponse } from '../shared/outboundbot-config.js';

const script = () => z.looseObject({
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
  resource: 'script',
  pagination: pagedBy('Scripts'),
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    PageNumber: pageNumberParam(),
    PageSize: pageSizeParam(),
  }),
  output: () => scriptResponse({
    Scripts: pageOf(script(), 'scripts'),
  }),
  examples: [
    {
      input: { InstanceId: 'bdd49242-114c-4045-b1d1-25ccc1756c75', PageNumber: 1, PageSize: 10 },
      wire: { InstanceId: 'bdd49242-114c-4045-b1d1-25ccc1756c75', PageNumber: '1', PageSize: '10' },
    },
  ],
});
