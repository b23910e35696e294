import { z } from 'zod';
import { int, unixTimeMs } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceId } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.RecordFailure',
  title: 'Report a failed call attempt (telephony integration)',
  description:
    'Integration hook for a call-centre / telephony platform that places the outbound bot\'s calls itself: reports that a call attempt failed (empty number, busy, no answer) so the bot can reschedule or close the job. An agent normally should NOT call this: it overwrites the platform\'s own record of a call. TaskId and CallId come from the telephony side of that integration.',
  access: 'write',
  resource: 'telephony',
  check: ['TaskId', 'CallId', 'CalledNumber'],
  input: () => z.strictObject({
    InstanceId: instanceId(),
    TaskId: z.string().min(1).describe('Outbound task (call attempt) ID.'),
    CallId: z.string().min(1).describe('Call ID of the failed attempt.'),
    CalledNumber: z.string().min(1).describe('The number that was called, as the telephony platform reports it.'),
    CallingNumber: z.string().min(1).describe('The caller number used, as the telephony platform reports it.'),
    ActualTime: unixTimeMs(int(0)).describe('When the attempt started, Unix ms.'),
    DispositionCode: z
      .enum(['NotExists', 'Busy', 'NotAnswered'])
      .describe('Why it failed: NotExists (empty/invalid number), Busy, NotAnswered.'),
  }),
  output: () => outboundbotResponse({}),
  examples: [
    {
      input: {
        InstanceId: '9ab43460-c0b9-40e2-8447-48d82c97fc67',
        TaskId: 'd2295c0e-3bc3-48a5-9f56-b185db2be909',
        CallId: '4f21446e-324e-46f2-bf62-7f341fb004ea',
        CalledNumber: '13800000000',
        CallingNumber: '10086',
        ActualTime: 1579055782000,
        DispositionCode: 'NotAnswered',
      },
      wire: {
        InstanceId: '9ab43460-c0b9-40e2-8447-48d82c97fc67',
        TaskId: 'd2295c0e-3bc3-48a5-9f56-b185db2be909',
        CallId: '4f21446e-324e-46f2-bf62-7f341fb004ea',
        CalledNumber: '13800000000',
        CallingNumber: '10086',
        ActualTime: '1579055782000',
        DispositionCode: 'NotAnswered',
      },
    },
  ],
});
