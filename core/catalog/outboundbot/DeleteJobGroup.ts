import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { instanceId, jobGroupId } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.DeleteJobGroup',
  title: 'Delete a job group',
  description:
    'Deletes a job group (campaign). Irreversible. To stop dialling but keep the campaign and its results, use outboundbot.SuspendJobs or outboundbot.CancelJobs with JobGroupId instead; export or read results (outboundbot.DescribeJobGroup, ListJobsByGroup) before deleting.',
  access: 'write',
  resource: 'jobGroup',
  check: ['JobGroupId'],
  destructive: true,
  input: () => z.strictObject({
    InstanceId: instanceId(),
    JobGroupId: jobGroupId(),
  }),
  output: () => outboundbotResponse({}),
  examples: [
    {
      input: { InstanceId: '8fa1953f-4a84-46d8-b80c-8ce9cf684fb3', JobGroupId: 'fc1fb484-4fe8-4031-b662-5b87ea88590b' },
      wire: { InstanceId: '8fa1953f-4a84-46d8-b80c-8ce9cf684fb3', JobGroupId: 'fc1fb484-4fe8-4031-b662-5b87ea88590b' },
    },
  ],
});
