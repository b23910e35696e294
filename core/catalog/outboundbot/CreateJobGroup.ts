import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { callingNumbers, instanceId, jobGroupTuning, scenarioId, scriptId, strategyEffects, strategyJson } from '../shared/outboundbot-jobs.js';
import { jobGroupOut, outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.CreateJobGroup',
  title: 'Create a job group (campaign)',
  description:
    'Creates an outbound campaign ("job group") bound to a script, caller numbers and a calling strategy. It holds no callees yet and dials nothing. Prerequisites: InstanceId from outboundbot.ListInstances, ScriptId of a published script from outboundbot.ListScripts, caller numbers registered in the instance (outboundbot.ListOutboundCallNumbers). Returns JobGroup.JobGroupId; next call outboundbot.AssignJobs with it to add callees, which starts billed calls within the strategy\'s windows; follow progress with outboundbot.DescribeJobGroup. Traps: the vendor table marks ScriptId optional but its description says required (required here); the vendor example sends CallingNumbers=["..."], but the documented form is CallingNumber.N (a list here).',
  access: 'write',
  resource: 'jobGroup',
  check: ['JobGroupName'],
  effects: { ...strategyEffects },
  returns: { taskId: ['JobGroup.JobGroupId'] },
  input: () => z.strictObject({
    InstanceId: instanceId(),
    JobGroupName: z.string().min(1).describe('Campaign name.'),
    JobGroupDescription: z.string().min(1).optional().describe('Campaign description.'),
    ScriptId: scriptId(),
    ScenarioId: scenarioId().optional(),
    StrategyJson: strategyJson().optional(),
    CallingNumber: callingNumbers().optional(),
    ...jobGroupTuning(),
  }),
  output: () => outboundbotResponse({
    JobGroup: jobGroupOut().optional().describe('The new job group; JobGroupId is what AssignJobs needs.'),
  }),
  examples: [
    {
      input: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        JobGroupName: 'Renewal reminders',
        ScriptId: '63cc3b45-feb2-4676-a7d7-f717001fa1e1',
        CallingNumber: ['95187'],
        StrategyJson: {
          name: 'weekday mornings',
          maxAttemptsPerDay: 2,
          minAttemptInterval: 60,
          workingTime: [
            { beginTime: '09:00:00', endTime: '12:00:00' },
            { beginTime: '13:00:00', endTime: '18:30:00' },
          ],
        },
      },
      wire: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        JobGroupName: 'Renewal reminders',
        ScriptId: '63cc3b45-feb2-4676-a7d7-f717001fa1e1',
        'CallingNumber.1': '95187',
        StrategyJson:
          '{"name":"weekday mornings","maxAttemptsPerDay":2,"minAttemptInterval":60,"workingTime":[{"beginTime":"09:00:00","endTime":"12:00:00"},{"beginTime":"13:00:00","endTime":"18:30:00"}]}',
      },
    },
    {
      title: 'Urgent group with guaranteed lines, redial numbers and a redial filter',
      input: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        JobGroupName: 'Outage notice',
        ScriptId: '63cc3b45-feb2-4676-a7d7-f717001fa1e1',
        Priority: 'Urgent',
        MinConcurrency: '2',
        RingingDuration: 30,
        RecallCallingNumber: ['95188', '95189'],
        RecallStrategyJson: { emptyNumberIgnore: true, outOfServiceIgnore: true },
        FlashSmsExtras: { templateId: '104xx', configId: '8037f524-6f00' },
      },
      wire: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        JobGroupName: 'Outage notice',
        ScriptId: '63cc3b45-feb2-4676-a7d7-f717001fa1e1',
        Priority: 'Urgent',
        MinConcurrency: '2',
        RingingDuration: '30',
        'RecallCallingNumber.1': '95188',
        'RecallCallingNumber.2': '95189',
        RecallStrategyJson: '{"emptyNumberIgnore":true,"outOfServiceIgnore":true}',
        FlashSmsExtras: '{"templateId":"104xx","configId":"8037f524-6f00"}',
      },
    },
  ],
});
