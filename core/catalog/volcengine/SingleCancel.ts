import { z } from 'zod';
import { volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { singleOpenId } from '../shared/volcengine.js';

export default defineOperation({
  id: 'volcengine.SingleCancel',
  title: 'Cancel a one-off call not yet placed',
  description:
    'Cancels a call queued with volcengine.SingleBatchAppend (for example one with a later TriggerTime) before it is dialled. A call already placed is not affected; check with volcengine.QuerySingleInfo. Answers with no result fields on success.',
  access: 'write',
  idempotent: true,
  // Only the Go/Java SDKs document the wire form (GET, SingleOpenId in the query string); the doc page's
  // content was not found.
  wire: {
    bodyType: 'query',
  },
  docUrl: 'https://github.com/volcengine/volc-sdk-golang/blob/main/service/vms/config.go',
  input: z.strictObject({ SingleOpenId: singleOpenId() }),
  output: volcengineResponse(z.looseObject({})),
  examples: [{ input: { SingleOpenId: '842faaecd' }, wire: { SingleOpenId: '842faaecd' } }],
});
