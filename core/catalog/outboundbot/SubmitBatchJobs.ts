import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { instanceId, jobGroupId } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.SubmitBatchJobs',
  title: 'Submit a draft campaign (starts calls)',
  description:
    'Submits a draft job group for execution: its roster is then DIALLED, billed, per its strategy. Use it after outboundbot.CreateBatchJobs or ModifyBatchJobs with submitForExecution=false, once the draft has been checked with outboundbot.DescribeJobGroup. Stop it again with outboundbot.SuspendJobs / CancelJobs (JobGroupId filter).',
  access: 'call',
  resource: 'jobGroup',
  check: ['JobGroupId'],
  effects: { dials: 'start', task: ['JobGroupId'] },
  destructive: true,
  input: () => z.strictObject({
    InstanceId: instanceId(),
    JobGroupId: jobGroupId().describe('ID of the draft job group (BatchJobId from outboundbot.CreateBatchJobs, or from outboundbot.ListJobGroups).'),
  }),
  output: () => outboundbotResponse({}),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', JobGroupId: '6b3ea2a1-32b3-4041-842b-9bde5de9dda0' },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', JobGroupId: '6b3ea2a1-32b3-4041-842b-9bde5de9dda0' },
    },
  ],
});
