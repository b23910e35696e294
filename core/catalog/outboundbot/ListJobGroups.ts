import { z } from 'zod';
import { int, num, str, unixTimeMs } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceId, pagedBy, pageNumber, pageSize } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse, pagedOut } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.ListJobGroups',
  title: 'List job groups',
  description:
    'Lists the job groups (campaigns) of an outbound-bot instance, one page at a time, with their progress (TotalJobs, TotalCompleted, TotalNotAnswered, Status), optionally only those created between StartTime and EndTime. Use a JobGroupId with outboundbot.DescribeJobGroup for full detail. The vendor examples return JobGroups as a bare array instead of {List, PageNumber, PageSize, TotalCount}; both are accepted and returned as JobGroups.List. Its table swaps the descriptions of Strategy.StartTime/EndTime.',
  access: 'read',
  resource: 'jobGroup',
  input: () => z
    .strictObject({
      InstanceId: instanceId(),
      PageNumber: pageNumber(),
      PageSize: pageSize(),
      StartTime: unixTimeMs(int(0)).optional().describe('Filter: only groups created at or after this time, Unix ms.'),
      EndTime: unixTimeMs(int(0)).optional().describe('Filter: only groups created at or before this time, Unix ms.'),
    })
    .refine((i) => i.StartTime === undefined || i.EndTime === undefined || i.EndTime >= i.StartTime, {
      message: 'EndTime must not be before StartTime',
      path: ['EndTime'],
    }),
  output: () => outboundbotResponse({
    JobGroups: pagedOut(
      z.looseObject({
        JobGroupId: str().optional(),
        JobGroupName: str().optional(),
        JobGroupDescription: str().optional(),
        CreationTime: num().optional().describe('Unix ms.'),
        ScriptId: str().optional(),
        ScriptName: str().optional(),
        Progress: z
          .looseObject({
            Status: str().optional(),
            StartTime: num().optional(),
            Duration: num().optional(),
            TotalJobs: num().optional(),
            TotalCompleted: num().optional(),
            TotalNotAnswered: num().optional(),
          })
          .optional(),
        Strategy: z.looseObject({ StartTime: num().optional(), EndTime: num().optional() }).optional(),
      }),
    )
      .optional()
      .describe('Page of job groups: List, PageNumber, PageSize, TotalCount.'),
  }),
  pagination: pagedBy('JobGroups'),
  examples: [
    {
      input: { InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd', PageNumber: 1, PageSize: 10, StartTime: 1578965079000 },
      wire: { InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd', PageNumber: '1', PageSize: '10', StartTime: '1578965079000' },
    },
  ],
});
