import { defineOperation } from '../../operation.js';
import { jobSelection } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.ResumeJobs',
  title: 'Resume paused jobs (restarts calls)',
  description:
    'Resumes jobs paused with outboundbot.SuspendJobs; they are then DIALLED again, billed, per their campaign\'s strategy. Select them with All=false plus JobGroupId, JobId or JobReferenceId lists, or ScenarioId. BLAST RADIUS: All=true resumes EVERY paused job of the whole instance, across all campaigns, including ones paused on purpose (the vendor\'s own example does exactly that); it must be sent alone (with other filters it is refused here as ambiguous), and All=false without any filter is refused too. See what is paused first with outboundbot.ListJobsByGroup (JobStatus=Paused).',
  access: 'call',
  resource: 'job',
  check: ['JobGroupId'],
  effects: { dials: 'start', task: ['JobGroupId'], allTasks: (input) => input.All === true },
  destructive: true,
  input: () => jobSelection('resume'),
  output: () => outboundbotResponse({}),
  examples: [
    {
      title: 'Resume one campaign',
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', All: false, JobGroupId: 'de48407d-309e-451a-81ec-6fb11f8fdbf3' },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', All: 'false', JobGroupId: 'de48407d-309e-451a-81ec-6fb11f8fdbf3' },
    },
  ],
});
