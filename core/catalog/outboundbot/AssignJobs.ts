import { z } from 'zod';
import { flag, list, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callingNumbers, instanceId, jobGroupId, jobSpec, strategyEffects, strategyJson } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.AssignJobs',
  title: 'Add callees to a campaign (starts calls)',
  description:
    'Adds callees ("jobs") to a job group. The platform then DIALS them, billed, as soon as the group\'s strategy allows (start time, daily working-time windows, attempts per day). This is the main way to launch robot calls. Prerequisites: InstanceId (outboundbot.ListInstances) and a JobGroupId from outboundbot.CreateJobGroup (script, caller numbers and strategy are set there). Give the callees as JobsJson, one job per callee: {extras: [{key, value}] script variables, contacts: [{phonenumber, name, referenceId, honorific}]}; each job is sent as its own JSON string (JobsJson.1, JobsJson.2, ...). Returns JobsId; follow progress with outboundbot.DescribeJobGroup or ListJobsByGroup, stop with outboundbot.SuspendJobs / CancelJobs. Traps: the vendor says a missing JobGroupId makes it create a new group, but its table marks it required; it is required here so callees never land in an unconfigured campaign. A StrategyJson given here overrides the group\'s. Try a one-callee job first.',
  access: 'call',
  resource: 'job',
  check: ['JobGroupId', 'JobsJson[].contacts[].referenceId'],
  effects: {
    callees: ['JobsJson[].contacts[].phonenumber'],
    rosters: ['JobDataParsingTaskId'],
    dials: 'start', // a job group dials assigned jobs at once (within its strategy's working time)
    task: ['JobGroupId'],
    ...strategyEffects,
  },
  returns: { taskId: ['JobGroupId'] },
  destructive: true,
  input: () => z
    .strictObject({
      InstanceId: instanceId(),
      JobGroupId: jobGroupId(),
      JobsJson: z
        .array(jobSpec())
        .min(1)
        .max(99)
        .optional()
        .describe('The callees: 1-99 jobs, one per callee (the SDK caps the list at 99); each is sent as its own JSON string JobsJson.N. Required unless JobDataParsingTaskId is given.'),
      StrategyJson: strategyJson().optional(),
      CallingNumber: callingNumbers().optional(),
      RosterType: z.string().min(1).optional().describe('Roster type; "json" (the default) for jobs sent through this API.'),
      JobDataParsingTaskId: z
        .string()
        .min(1)
        .optional()
        .describe('ID of a roster-file parsing task, for file-based rosters instead of JobsJson; not needed with JobsJson.'),
      IsAsynchrony: flag().optional().describe('Process asynchronously (default false).'),
    })
    .refine((i) => i.JobsJson !== undefined || i.JobDataParsingTaskId !== undefined, {
      message: 'give the callees as JobsJson (or a JobDataParsingTaskId for a file roster); without either nothing would be assigned',
      path: ['JobsJson'],
    }),
  wire: {
    encoding: { JobsJson: 'repeat-json' },
  },
  output: () => outboundbotResponse({
    JobGroupId: str().optional().describe('The job group the jobs were added to.'),
    JobsId: list(str()).optional().describe('IDs of the created jobs (documented; missing from the vendor examples).'),
  }),
  examples: [
    {
      input: {
        InstanceId: '12f3dd08-0c55-44ce-9b64-e69d35ed3a76',
        JobGroupId: 'd004cfd2-6a81-491c-83c6-cbe186620c95',
        JobsJson: [
          {
            extras: [{ key: 'dueDate', value: '2026-02-01' }],
            contacts: [{ phonenumber: '13800000000', name: 'Zhang San', referenceId: 'crm-1001', honorific: 'Mr Zhang' }],
          },
          { contacts: [{ phonenumber: '13900000000', referenceId: 'crm-1002' }] },
        ],
      },
      wire: {
        InstanceId: '12f3dd08-0c55-44ce-9b64-e69d35ed3a76',
        JobGroupId: 'd004cfd2-6a81-491c-83c6-cbe186620c95',
        'JobsJson.1':
          '{"extras":[{"key":"dueDate","value":"2026-02-01"}],"contacts":[{"phonenumber":"13800000000","name":"Zhang San","referenceId":"crm-1001","honorific":"Mr Zhang"}]}',
        'JobsJson.2': '{"extras":[],"contacts":[{"phonenumber":"13900000000","referenceId":"crm-1002"}]}',
      },
    },
  ],
});
