import { defineOperation } from '../../operation.js';
import { jobSelection } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.SuspendJobs',
  title: 'Pause jobs',
  description:
    'Pauses scheduled or running jobs so no further calls are placed for them until outboundbot.ResumeJobs. Select them with All=false plus JobGroupId (a whole campaign), JobId or JobReferenceId lists, or ScenarioId. BLAST RADIUS: All=true pauses EVERY job of the whole instance, across all campaigns; it must be sent alone (with other filters it is refused here as ambiguous), and All=false without any filter is refused too. Check what is running first with outboundbot.ListJobGroups / DescribeJobGroup.',
  access: 'write',
  resource: 'job',
  check: ['JobGroupId'],
  input: () => jobSelection('pause'),
  output: () => outboundbotResponse({}),
  examples: [
    {
      title: 'Pause one campaign',
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', All: false, JobGroupId: 'de48407d-309e-451a-81ec-6fb11f8fdbf3' },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', All: 'false', JobGroupId: 'de48407d-309e-451a-81ec-6fb11f8fdbf3' },
    },
    {
      title: 'Pause two callees by your reference IDs',
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', All: false, JobReferenceId: ['crm-1001', 'crm-1002'] },
      wire: {
        InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a',
        All: 'false',
        'JobReferenceId.1': 'crm-1001',
        'JobReferenceId.2': 'crm-1002',
      },
    },
  ],
});
