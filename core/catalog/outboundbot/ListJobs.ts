import { z } from 'zod';
import { list } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceId } from '../shared/outboundbot-jobs.js';
import { jobOut, outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.ListJobs',
  title: 'Get several jobs by ID',
  description:
    'Returns the full details of specific jobs by ID: status, contacts, summaries and every call attempt (Tasks, with transcript, duration, hang-up side; PlanedTime keeps the vendor\'s spelling). Get job IDs from outboundbot.AssignJobs (JobsId), ListJobsByGroup or QueryJobs. For one job, outboundbot.DescribeJob returns the same data. The vendor\'s request and response examples are empty; the 99-ID limit comes from current vendor docs.',
  access: 'read',
  listItems: 'Jobs',
  resource: 'job',
  input: () => z.strictObject({
    InstanceId: instanceId(),
    JobId: z.array(z.string().min(1)).min(1).max(99).describe('IDs of the jobs, 1-99; sent as JobId.1, JobId.2, ...'),
  }),
  output: () => outboundbotResponse({
    Jobs: list(jobOut()).optional().describe('The jobs, each with its call attempts (Tasks).'),
  }),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', JobId: ['24fb9a8d-f20e-4ee2-a11c-094dda68c5cc', 'b72425bd-7871-4050-838e-033d80d754b7'] },
      wire: {
        InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a',
        'JobId.1': '24fb9a8d-f20e-4ee2-a11c-094dda68c5cc',
        'JobId.2': 'b72425bd-7871-4050-838e-033d80d754b7',
      },
    },
  ],
});
