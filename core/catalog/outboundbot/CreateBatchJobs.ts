import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { callingNumbers, instanceId, scenarioId, strategyEffects, strategyJson, submittedWord } from '../shared/outboundbot-jobs.js';
import { jobGroupOut, outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.CreateBatchJobs',
  title: 'Create a campaign from a roster file (draft or submit)',
  description:
    'Creates a job group from an Excel roster already uploaded to the vendor (JobFilePath; the upload itself is not documented in the API reference), either as a DRAFT (Submitted "draft": nothing is dialled; review it, then outboundbot.SubmitBatchJobs) or SUBMITTED (Submitted "submit": every number in the roster is called, billed, per the strategy). TRAP: the vendor\'s boolean Submitted is inverted (false means submit, true means draft) and its example sends Submitted=false, i.e. starts calls. Here Submitted takes the words "submit" or "draft" (a boolean is refused) and the inverted vendor value is sent for you. Prerequisites: InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts), caller numbers (outboundbot.ListOutboundCallNumbers). Returns BatchJob (BatchJobId is the job group ID). Try a one-number roster first.',
  access: 'call',
  resource: 'jobGroup',
  check: ['BatchJobName'],
  effects: { rosters: ['JobFilePath'], dials: 'start', when: (input) => input.Submitted === 'submit', ...strategyEffects },
  returns: { taskId: ['BatchJob.BatchJobId', 'BatchJob.JobGroupId'] },
  destructive: true,
  input: () => z.strictObject({
    InstanceId: instanceId(),
    BatchJobName: z.string().min(1).describe('Campaign name.'),
    BatchJobDescription: z.string().min(1).optional().describe('Campaign description.'),
    Submitted: submittedWord().describe(
      'Required. "submit" = submit now: the roster will be dialled (billed). "draft" = save as a draft: nothing is dialled until outboundbot.SubmitBatchJobs. The vendor\'s boolean is inverted (Submitted=false means submit), so words are taken here and sent as the vendor\'s value: submit -> false, draft -> true. A boolean is refused.',
    ),
    ScriptId: z.string().min(1).optional().describe('Script ID from outboundbot.ListScripts (should be published).'),
    ScenarioId: scenarioId().optional(),
    StrategyJson: strategyJson().optional(),
    CallingNumber: callingNumbers().optional(),
    JobFilePath: z
      .string()
      .min(1)
      .optional()
      .describe('Key of the uploaded Excel roster in the vendor\'s storage, e.g. "<instance>/<uuid>_<name>.xlsx".'),
  }),
  wire: {
    wireValues: { Submitted: { submit: 'false', draft: 'true' } },
  },
  output: () => outboundbotResponse({
    BatchJob: jobGroupOut()
      .extend({
        BatchJobId: z.string().optional().describe('ID of the created job group.'),
        BatchJobName: z.string().optional(),
      })
      .optional()
      .describe('The created campaign.'),
  }),
  examples: [
    {
      title: 'Save as a draft (nothing is dialled)',
      input: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        BatchJobName: 'January renewals',
        Submitted: 'draft',
        ScriptId: 'b9ff4e88-65f9-4eb3-987c-11ba51f3f24d',
        JobFilePath: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd/a9a3ddc7_roster.xlsx',
        CallingNumber: ['95187'],
      },
      wire: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        BatchJobName: 'January renewals',
        Submitted: 'true',
        ScriptId: 'b9ff4e88-65f9-4eb3-987c-11ba51f3f24d',
        JobFilePath: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd/a9a3ddc7_roster.xlsx',
        'CallingNumber.1': '95187',
      },
    },
    {
      title: 'Submit for execution (the roster is dialled)',
      input: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        BatchJobName: 'January renewals',
        Submitted: 'submit',
        JobFilePath: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd/a9a3ddc7_roster.xlsx',
      },
      wire: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        BatchJobName: 'January renewals',
        Submitted: 'false',
        JobFilePath: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd/a9a3ddc7_roster.xlsx',
      },
    },
  ],
});
