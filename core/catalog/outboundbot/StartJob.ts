import { z } from 'zod';
import { list } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callingNumbers, instanceId, jobGroupId, jobSpec, legacyScenarioId, scenarioFromScript, scriptId } from '../shared/outboundbot-jobs.js';
import { keyValue, outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.StartJob',
  title: 'Call one callee now (bypasses the scheduler)',
  description:
    'Places a billed robot call to one job RIGHT NOW, bypassing the outbound scheduler: no working-time windows, start time, attempt limits or other strategy apply, so it can ring someone at night. Only for accounts the vendor has whitelisted. The vendor overview calls it "create a job", which understates that it dials immediately. For normal campaigns use outboundbot.AssignJobs instead. Prerequisites: InstanceId (outboundbot.ListInstances), ScriptId of a published script (outboundbot.ListScripts); optionally a JobGroupId (outboundbot.CreateJobGroup). Returns TaskIds/CallIds: pairs {Key: your contact referenceId, Value: task or call ID}; read the result with outboundbot.DescribeJob / QueryJobs. Traps: the vendor marks ScenarioId required although it is legacy: when you leave it out, the ScriptId value is sent in its place; ScriptId is marked optional but described as required (required here).',
  access: 'call',
  resource: 'job',
  check: ['JobJson.contacts[].referenceId', 'JobGroupId'],
  effects: { callees: ['JobJson.contacts[].phonenumber'], dials: 'now', task: ['JobGroupId'] },
  tracking: { query: 'outboundbot.QueryJobs' },
  destructive: true,
  input: () => z
    .strictObject({
      InstanceId: instanceId(),
      JobJson: jobSpec().describe('The job to call: {extras: [{key, value}], contacts: [{phonenumber, name, referenceId, honorific}]}; sent as a JSON string.'),
      ScriptId: scriptId(),
      ScenarioId: legacyScenarioId(),
      JobGroupId: jobGroupId().optional().describe('Job group to file the job under.'),
      CallingNumber: callingNumbers().optional(),
    })
    .transform(scenarioFromScript),
  output: () => outboundbotResponse({
    TaskIds: list(keyValue())
      .optional()
      .describe('Pairs {Key: contact referenceId, Value: outbound task ID} (the vendor example sends lower-case key/value; normalised).'),
    CallIds: list(keyValue()).optional().describe('Pairs {Key: contact referenceId, Value: call ID} (documented; missing from the vendor examples).'),
  }),
  examples: [
    {
      input: {
        InstanceId: 'da37319b-6c83-4268-9f19-814aed62e401',
        ScriptId: 'b9ff4e88-65f9-4eb3-987c-11ba51f3f24d',
        JobJson: {
          extras: [{ key: 'orderDate', value: '2026-01-05' }],
          contacts: [{ phonenumber: '13800000000', name: 'Zhang San', referenceId: 'crm-1001' }],
        },
        CallingNumber: ['10086'],
      },
      wire: {
        InstanceId: 'da37319b-6c83-4268-9f19-814aed62e401',
        ScriptId: 'b9ff4e88-65f9-4eb3-987c-11ba51f3f24d',
        ScenarioId: 'b9ff4e88-65f9-4eb3-987c-11ba51f3f24d',
        JobJson: '{"extras":[{"key":"orderDate","value":"2026-01-05"}],"contacts":[{"phonenumber":"13800000000","name":"Zhang San","referenceId":"crm-1001"}]}',
        'CallingNumber.1': '10086',
      },
    },
  ],
});
