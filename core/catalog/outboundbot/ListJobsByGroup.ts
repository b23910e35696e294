import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { instanceId, jobGroupId, pagedBy, pageNumber, pageSize } from '../shared/outboundbot-jobs.js';
import { jobOut, outboundbotResponse, pagedOut } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.ListJobsByGroup',
  title: 'List the callees of a campaign',
  description:
    'Lists the jobs (callees) of one job group, one page at a time, with status, failure reason, contacts, business variables and conversation summaries; filter by JobStatus or JobFailureReason (e.g. all NoAnswer jobs to call again). Get JobGroupId from outboundbot.CreateJobGroup or ListJobGroups. For one job\'s call attempts and transcript use outboundbot.DescribeJob; to search across groups by phone or name use outboundbot.QueryJobs. The vendor sends counters and flags as strings ("1", "true") and CallingNumbers as JSON text; all are returned typed and as a flat list.',
  access: 'read',
  resource: 'job',
  input: () => z.strictObject({
    InstanceId: instanceId(),
    JobGroupId: jobGroupId(),
    PageNumber: pageNumber(),
    PageSize: pageSize(),
    JobStatus: z
      .string()
      .min(1)
      .optional()
      .describe('Filter by job status, e.g. Scheduling, Executing, Succeeded, Paused, Failed, Cancelled, Drafted (the seed enumerates none; these come from examples and current vendor docs).'),
    JobFailureReason: z.string().min(1).optional().describe('Filter by failure reason, e.g. NoAnswer.'),
  }),
  output: () => outboundbotResponse({
    Jobs: pagedOut(jobOut()).optional().describe('Page of jobs: List, PageNumber, PageSize, TotalCount.'),
  }),
  pagination: pagedBy('Jobs'),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', JobGroupId: 'de48407d-309e-451a-81ec-6fb11f8fdbf3', JobFailureReason: 'NoAnswer' },
      wire: {
        InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a',
        JobGroupId: 'de48407d-309e-451a-81ec-6fb11f8fdbf3',
        PageNumber: '1',
        PageSize: '10',
        JobFailureReason: 'NoAnswer',
      },
    },
  ],
});
