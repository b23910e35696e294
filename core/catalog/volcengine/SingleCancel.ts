import { z } from 'zod';
import { volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { singleOpenId } from '../shared/volcengine.js';

export default defineOperation({
  id: 'volcengine.SingleCancel',
  title: 'Cancel a one-off call not yet placed (legacy)',
  legacy: { replacedBy: 'volcengine.SingleCancelV2', reason: 'The current generated SDK has only SingleCancelV2 (POST JSON).' },
  description:
    'Cancels a call queued with volcengine.SingleBatchAppend (for example one with a later TriggerTime) before it is dialled. A call already placed is not affected; check with volcengine.QuerySingleInfo. Legacy GET form of volcengine.SingleCancelV2, which the curated tools use; prefer V2.',
  access: 'write',
  resource: 'singleCall',
  check: ['SingleOpenId'],
  idempotent: true,
  // Doc page 172954: GET, SingleOpenId in the query string; the Result echoes SingleOpenId.
  wire: {
    bodyType: 'query',
  },
  docUrl: 'https://www.volcengine.com/docs/6358/172954',
  input: () => z.strictObject({ SingleOpenId: singleOpenId() }),
  output: () => volcengineResponse(z.looseObject({ SingleOpenId: z.string().optional().describe('The cancelled call\'s SingleOpenId.') })),
  examples: [{ input: { SingleOpenId: '842faaecd' }, wire: { SingleOpenId: '842faaecd' } }],
});
