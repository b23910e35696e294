import { z } from 'zod';
import { alibabaResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { hotlineNumber, qualificationId } from './shared/hotline.js';
import { okFlag } from './shared/fields.js';

const number = () => z.string().regex(/^\+?\d{3,20}$/, 'must be a phone number (digits)');

export default defineOperation({
  id: 'dyvms.SetTransferCalleePoolConfig',
  title: 'Set the forwarding targets of a 400 number',
  description:
    'Sets the pool of numbers that inbound calls to a 400 number are forwarded to, and how a target is chosen (roundRobin or random). Replaces the live configuration; no call is placed. ' +
    'Targets must be filed first (dyvms.SubmitHotlineTransferRegister, check with dyvms.ListHotlineTransferNumber). Read the current setting with dyvms.QueryCallInPoolTransferConfig. ' +
    'Details is sent as Details.N.Caller / Details.N.Called.',
  access: 'write',
  resource: 'hotline',
  idempotent: true,
  qps: 100,
  input: () => z.strictObject({
    PhoneNumber: hotlineNumber(),
    QualificationId: qualificationId(),
    CalledRouteMode: z.enum(['roundRobin', 'random']).describe('How a target is chosen: roundRobin (in turn) or random.'),
    Details: z
      .array(
        z.strictObject({
          Caller: number().optional().describe('Caller number used for this target (optional).'),
          Called: number().describe('Target number calls are forwarded to.'),
        }),
      )
      .min(1)
      .describe('The forwarding targets.'),
  }),
  output: () => alibabaResponse({
    Data: okFlag().describe('Whether the configuration was set (the vendor sends "true" as text).'),
  }),
  examples: [
    {
      input: {
        PhoneNumber: '4000000000',
        QualificationId: '190000',
        CalledRouteMode: 'roundRobin',
        Details: [{ Caller: '15000000000', Called: '15100000000' }, { Called: '15100000001' }],
      },
      wire: {
        PhoneNumber: '4000000000',
        QualificationId: '190000',
        CalledRouteMode: 'roundRobin',
        'Details.1.Caller': '15000000000',
        'Details.1.Called': '15100000000',
        'Details.2.Called': '15100000001',
      },
    },
  ],
});
