import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { callingNumbers, instanceId, jobGroupId, legacyScenarioId, scenarioFromScript, strategyEffects, strategyJson, submittedWord } from '../shared/outboundbot-jobs.js';
import { jobGroupOut, outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.ModifyBatchJobs',
  title: 'Change a roster-file campaign (draft or submit)',
  description:
    'Changes a job group created with outboundbot.CreateBatchJobs (name, roster file, strategy, caller numbers, script) and either keeps it as a DRAFT (Submitted "draft": nothing is dialled) or SUBMITS it (Submitted "submit": the roster is dialled, billed). TRAP: the vendor\'s boolean Submitted is inverted (false means submit) and its example sends Submitted=false; here Submitted takes the words "submit" or "draft" (a boolean is refused) and the inverted vendor value is sent for you. Other traps: the name parameter is BatchJobName (its table and the official SDKs), not the example\'s Name; the vendor marks ScenarioId required although it is legacy: give ScenarioId or ScriptId, and without ScenarioId the ScriptId value is sent in its place. Current vendor docs mark this operation deprecated; prefer outboundbot.ModifyJobGroup for new work.',
  access: 'call',
  resource: 'jobGroup',
  check: ['JobGroupId', 'BatchJobName'],
  effects: { rosters: ['JobFilePath'], dials: 'start', when: (input) => input.Submitted === 'submit', task: ['JobGroupId'], ...strategyEffects },
  destructive: true,
  input: () => z
    .strictObject({
      InstanceId: instanceId(),
      JobGroupId: jobGroupId(),
      BatchJobName: z.string().min(1).describe('Campaign name (the vendor example calls it Name; the documented name is BatchJobName).'),
      Description: z.string().min(1).optional().describe('Campaign description.'),
      Submitted: submittedWord().describe(
        'Required. "submit" = submit now: the roster will be dialled (billed). "draft" = keep as a draft: nothing is dialled. The vendor\'s boolean is inverted (Submitted=false means submit), so words are taken here and sent as the vendor\'s value: submit -> false, draft -> true. A boolean is refused.',
      ),
      ScriptId: z.string().min(1).optional().describe('Script ID from outboundbot.ListScripts.'),
      ScenarioId: legacyScenarioId(),
      StrategyJson: strategyJson().optional(),
      CallingNumber: callingNumbers().optional(),
      JobFilePath: z.string().min(1).optional().describe('Key of the uploaded Excel roster in the vendor\'s storage.'),
    })
    .refine((i) => i.ScenarioId !== undefined || i.ScriptId !== undefined, {
      message: 'give ScriptId (or the legacy ScenarioId): the vendor requires a ScenarioId and the ScriptId value stands in for it',
      path: ['ScriptId'],
    })
    .transform(scenarioFromScript),
  wire: {
    wireValues: { Submitted: { submit: 'false', draft: 'true' } },
  },
  output: () => outboundbotResponse({
    JobGroup: jobGroupOut().optional().describe('The job group (as the vendor table documents it).'),
    BatchJob: jobGroupOut()
      .extend({ BatchJobId: z.string().optional(), BatchJobName: z.string().optional() })
      .optional()
      .describe('The job group (as the vendor examples return it).'),
  }),
  examples: [
    {
      title: 'Rename and keep as a draft',
      input: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        JobGroupId: '5a7e8b09-baf9-4cab-b540-c971f47a7146',
        BatchJobName: 'January renewals v2',
        Submitted: 'draft',
        ScriptId: '7d820242-f4f0-4d2e-ae35-b424c41cbc5b',
      },
      wire: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        JobGroupId: '5a7e8b09-baf9-4cab-b540-c971f47a7146',
        BatchJobName: 'January renewals v2',
        ScriptId: '7d820242-f4f0-4d2e-ae35-b424c41cbc5b',
        ScenarioId: '7d820242-f4f0-4d2e-ae35-b424c41cbc5b',
        Submitted: 'true',
      },
    },
  ],
});
