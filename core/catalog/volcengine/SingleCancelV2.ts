import { z } from 'zod';
import { volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { singleOpenId } from '../shared/volcengine.js';

export default defineOperation({
  id: 'volcengine.SingleCancelV2',
  title: 'Cancel a one-off call not yet placed',
  description:
    'Cancels a call queued with volcengine.SingleBatchAppend (for example one with a later TriggerTime) before it is dialled. A call already placed is not affected; check with volcengine.QuerySingleInfo. Answers with no result fields on success. Successor of the legacy volcengine.SingleCancel; the curated tools use this one.',
  access: 'write',
  resource: 'singleCall',
  idempotent: true,
  // Generated Go SDK (service/vms/api_single_cancel_v2.go): POST, JSON body {SingleOpenId}.
  docUrl: 'https://github.com/volcengine/volcengine-go-sdk/blob/master/service/vms/api_single_cancel_v2.go',
  input: () => z.strictObject({ SingleOpenId: singleOpenId() }),
  output: () => volcengineResponse(z.looseObject({})),
  examples: [{ input: { SingleOpenId: '842faaecd' }, wire: { SingleOpenId: '842faaecd' } }],
});
