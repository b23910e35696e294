import { defineOperation } from '../../operation.js';
import { jobSelection } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.CancelJobs',
  title: 'Cancel jobs',
  description:
    'Cancels scheduled or executing jobs for good: they will not be called again (calls already in progress are not cut off). Irreversible; to stop temporarily use outboundbot.SuspendJobs. Select them with All=false plus JobGroupId (a whole campaign), JobId or JobReferenceId lists, or ScenarioId. BLAST RADIUS: All=true cancels EVERY job of the whole instance, across all campaigns; it must be sent alone (with other filters it is refused here as ambiguous), and All=false without any filter is refused too. The vendor example omits the required All; here it is always required.',
  access: 'write',
  resource: 'job',
  check: ['JobGroupId'],
  destructive: true,
  input: () => jobSelection('cancel'),
  output: () => outboundbotResponse({}),
  examples: [
    {
      title: 'Cancel two jobs',
      input: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        All: false,
        JobId: ['b72425bd-7871-4050-838e-033d80d754b7', 'c8a2b7f2-ad1a-4865-b872-d0080d9802d9'],
      },
      wire: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        All: 'false',
        'JobId.1': 'b72425bd-7871-4050-838e-033d80d754b7',
        'JobId.2': 'c8a2b7f2-ad1a-4865-b872-d0080d9802d9',
      },
    },
  ],
});
