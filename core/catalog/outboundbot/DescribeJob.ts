import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { jobOut, outboundbotResponse } from '../shared/outboundbot-answers.js';
import { instanceId, jobId } from '../shared/outboundbot-jobs.js';

export default defineOperation({
  id: 'outboundbot.DescribeJob',
  title: 'Get one job with its calls and transcript',
  description:
    'Returns one job\'s full result: status, failure reason, next execution time, tag hits (DsReport), and each call attempt (Tasks) with planned/actual/end times (PlanedTime keeps the vendor\'s spelling), duration, end reason, hang-up side and the transcript (Conversation: Speaker Robot/Contact, Script, Timestamp). Get JobId from outboundbot.AssignJobs, ListJobsByGroup or QueryJobs; fetch a call\'s audio with outboundbot.DownloadRecording and a Task\'s TaskId. Contains personal data (numbers, names, what was said).',
  access: 'read',
  resource: 'job',
  input: () => z.strictObject({
    InstanceId: instanceId(),
    JobId: jobId(),
  }),
  output: () => outboundbotResponse({
    Job: jobOut().optional().describe('The job with its call attempts.'),
  }),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', JobId: 'b72425bd-7871-4050-838e-033d80d754b7' },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', JobId: 'b72425bd-7871-4050-838e-033d80d754b7' },
    },
  ],
});
