import { z } from 'zod';
import { int, unixTimeMs } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceId, pagedBy, pageNumber, pageSize } from '../shared/outboundbot-jobs.js';
import { jobOut, outboundbotResponse, pagedOut } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.QueryJobs',
  title: 'Search jobs',
  description:
    'Searches the jobs of an instance, one page at a time, by job group, scenario, time window, contact name or phone number, and returns each with its call attempts (Tasks: status, PlanedTime (vendor spelling), ActualTime, duration, transcript, hang-up side). Use it to answer "what happened with the call to 138...?". TimeAlignment says which time StartTime/EndTime filter on. For one known job use outboundbot.DescribeJob; for a whole campaign outboundbot.ListJobsByGroup. The vendor table swaps the HttpStatusCode and Code descriptions; the fields mean what their names say.',
  access: 'read',
  resource: 'job',
  input: () => z
    .strictObject({
      InstanceId: instanceId(),
      JobGroupId: z.string().min(1).optional().describe('Filter: only jobs of this job group.'),
      ScenarioId: z.string().min(1).optional().describe('Filter: only jobs of this legacy scenario.'),
      ContactName: z.string().min(1).optional().describe('Filter: contact name.'),
      PhoneNumber: z.string().min(1).optional().describe('Filter: the callee\'s phone number.'),
      StartTime: unixTimeMs(int(0)).optional().describe('Filter: window start, Unix ms.'),
      EndTime: unixTimeMs(int(0)).optional().describe('Filter: window end, Unix ms.'),
      TimeAlignment: z
        .enum(['start', 'end', 'job_create'])
        .optional()
        .describe('Which time the StartTime/EndTime window applies to: start (call start), end (call end) or job_create (job creation).'),
      PageNumber: pageNumber(),
      PageSize: pageSize(),
    })
    .refine((i) => i.StartTime === undefined || i.EndTime === undefined || i.EndTime >= i.StartTime, {
      message: 'EndTime must not be before StartTime',
      path: ['EndTime'],
    }),
  output: () => outboundbotResponse({
    Jobs: pagedOut(jobOut()).optional().describe('Page of jobs: List, PageNumber, PageSize, TotalCount.'),
  }),
  pagination: pagedBy('Jobs'),
  examples: [
    {
      input: {
        InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a',
        PhoneNumber: '13800000000',
        StartTime: 1579068424883,
        EndTime: 1579077794665,
        TimeAlignment: 'start',
        PageSize: 20,
      },
      wire: {
        InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a',
        PhoneNumber: '13800000000',
        StartTime: '1579068424883',
        EndTime: '1579077794665',
        TimeAlignment: 'start',
        PageNumber: '1',
        PageSize: '20',
      },
    },
  ],
});
