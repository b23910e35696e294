import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { callingNumbers, instanceId, jobGroupId, jobGroupTuning, legacyScenarioId, scenarioFromScript, scriptId, strategyEffects, strategyJson } from '../shared/outboundbot-jobs.js';
import { jobGroupOut, outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.ModifyJobGroup',
  title: 'Change a job group',
  description:
    'Changes a job group\'s name, description, script, caller numbers or calling strategy. Dials nothing itself, but changes what and when a running campaign calls (e.g. widening workingTime makes it call sooner). Read the current values first with outboundbot.DescribeJobGroup. Traps: this operation takes Name/Description, not CreateJobGroup\'s JobGroupName/JobGroupDescription; the vendor marks ScenarioId required although it is a legacy field: when you leave it out, the ScriptId value is sent as ScenarioId (what the vendor recommends). The vendor\'s response example is CreateJobGroup\'s, so do not rely on the returned name.',
  access: 'write',
  resource: 'jobGroup',
  check: ['JobGroupId', 'Name'],
  effects: { task: ['JobGroupId'], ...strategyEffects },
  input: () => z
    .strictObject({
      InstanceId: instanceId(),
      JobGroupId: jobGroupId(),
      Name: z.string().min(1).describe('Campaign name (CreateJobGroup calls it JobGroupName).'),
      Description: z.string().min(1).optional().describe('Campaign description (CreateJobGroup calls it JobGroupDescription).'),
      ScriptId: scriptId(),
      ScenarioId: legacyScenarioId(),
      StrategyJson: strategyJson().optional(),
      CallingNumber: callingNumbers().optional(),
      ...jobGroupTuning(),
    })
    .transform(scenarioFromScript),
  output: () => outboundbotResponse({
    JobGroup: jobGroupOut().optional().describe('The job group (the vendor example shows stale values; re-read with DescribeJobGroup).'),
  }),
  examples: [
    {
      input: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        JobGroupId: '3edc0260-6f7c-4de4-8535-09372240618b',
        Name: 'Renewal reminders (afternoons)',
        ScriptId: '63cc3b45-feb2-4676-a7d7-f717001fa1e1',
        StrategyJson: { workingTime: [{ beginTime: '14:00:00', endTime: '17:00:00' }] },
      },
      wire: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        JobGroupId: '3edc0260-6f7c-4de4-8535-09372240618b',
        Name: 'Renewal reminders (afternoons)',
        ScriptId: '63cc3b45-feb2-4676-a7d7-f717001fa1e1',
        ScenarioId: '63cc3b45-feb2-4676-a7d7-f717001fa1e1',
        StrategyJson: '{"workingTime":[{"beginTime":"14:00:00","endTime":"17:00:00"}]}',
      },
    },
  ],
});
