import { z } from 'zod';
import { bool, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, pagedBy, pageNumberParam, pageOf, pageSizeParam, scriptResponse } from '../shared/outboundbot-config.js';

/** Script statuses (listed in the vendor's current reference; seed 003 shows only PUBLISHED). */
const SCRIPT_STATUSES = [
  'DRAFTED',
  'INITIALIZE_IN_PROGRESS',
  'PUBLISHED',
  'PUBLISH_IN_PROGRESS',
  'ROLLBACK_IN_PROGRESS',
  'EXAMINE_IN_PROGRESS',
  'PUBLISHED_AND_EXAMINE_IN_PROGRESS',
  'PUBLISH_FAILED',
  'ROLLBACK_FAILED',
  'IMPORT_IN_PROGRESS',
  'IMPORT_FAILED',
] as const;

const script = () => z.looseObject({
  ScriptId: str().optional().describe('Script ID; use it as ScriptId in job groups.'),
  ScriptName: str().optional().describe('Script name.'),
  ScriptDescription: str().optional().describe('Script description.'),
  Industry: str().optional().describe('Industry.'),
  Scene: str().optional().describe('Scenario.'),
  Status: str().optional().describe('Status of the production version.'),
  DebugStatus: str().optional().describe('Status of the debug version.'),
  AppliedVersion: str().optional().describe('Version (ms timestamp string) in production.'),
  DebugVersion: str().optional().describe('Version (ms timestamp string) published for debugging.'),
  IsDrafted: bool().optional().describe('Whether the production version has unpublished draft changes.'),
  IsDebugDrafted: bool().optional().describe('Whether the debug version has unpublished draft changes.'),
  UpdateTime: num().optional().describe('Last update time, Unix epoch milliseconds.'),
});

export default defineOperation({
  id: 'outboundbot.QueryScriptsByStatus',
  title: 'List scripts by status',
  description:
    'Lists the scripts of an instance whose status is one of StatusList (e.g. ["PUBLISHED"] to find scripts a job group can use), one page at a time. Needs InstanceId from outboundbot.ListInstances. StatusList goes on the wire as StatusList.1=PUBLISHED&StatusList.2=..., as the parameter table says; the docs\' request example sends "Status=PUBLISHED" instead, which is not what the table defines. Totals are in Scripts.TotalCount.',
  access: 'read',
  resource: 'script',
  pagination: pagedBy('Scripts'),
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    StatusList: z
      .array(z.enum(SCRIPT_STATUSES))
      .min(1)
      .describe('Statuses to include, e.g. ["PUBLISHED"]; sent as StatusList.1, StatusList.2, ...'),
    PageNumber: pageNumberParam(),
    PageSize: pageSizeParam(),
  }),
  output: () => scriptResponse({
    Scripts: pageOf(script(), 'scripts'),
  }),
  examples: [
    {
      input: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', StatusList: ['PUBLISHED'], PageNumber: 1, PageSize: 10 },
      wire: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', 'StatusList.1': 'PUBLISHED', PageNumber: '1', PageSize: '10' },
    },
    {
      title: 'Two statuses',
      input: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', StatusList: ['PUBLISHED', 'PUBLISHED_AND_EXAMINE_IN_PROGRESS'], PageNumber: 2, PageSize: 50 },
      wire: {
        InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399',
        'StatusList.1': 'PUBLISHED',
        'StatusList.2': 'PUBLISHED_AND_EXAMINE_IN_PROGRESS',
        PageNumber: '2',
        PageSize: '50',
      },
    },
  ],
});
