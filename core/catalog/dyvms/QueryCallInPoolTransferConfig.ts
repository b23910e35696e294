import { z } from 'zod';
import { alibabaResponse, list, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { hotlineNumber } from './shared/hotline.js';
import { jsonData } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.QueryCallInPoolTransferConfig',
  title: 'Get the forwarding configuration of a 400 number',
  description:
    'Returns how inbound calls to a 400 number are forwarded: route mode (roundRobin or random), timeout and the target numbers. ' +
    'Change it with dyvms.SetTransferCalleePoolConfig; forwarded calls are listed by dyvms.QueryCallInTransferRecord. TransferTimeout\'s unit is not documented (seconds, probably).',
  access: 'read',
  resource: 'hotline',
  qps: 100,
  input: () => z.strictObject({
    PhoneNumber: hotlineNumber(),
  }),
  output: () => alibabaResponse({
    Data: jsonData(
      z.looseObject({
        GmtCreate: num().optional().describe('When the configuration was created, Unix ms.'),
        CalledRouteMode: str().optional().describe('roundRobin (in turn) or random.'),
        TransferTimeout: str().optional().describe('Forwarding timeout (unit not documented).'),
        Details: list(z.looseObject({ Called: str().optional().describe('A target number.') }))
          .optional()
          .describe('Target numbers.'),
      }),
    )
      .optional()
      .describe('The configuration.'),
  }),
  examples: [{ input: { PhoneNumber: '4000000000' }, wire: { PhoneNumber: '4000000000' } }],
});
