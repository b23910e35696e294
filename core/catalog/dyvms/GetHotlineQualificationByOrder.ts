import { z } from 'zod';
import { alibabaResponse, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { jsonData, numericId } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.GetHotlineQualificationByOrder',
  title: 'Get a 400 qualification by work order',
  description:
    'Resolves the work-order ID of a 400-number qualification application (console: apply for service > qualifications > 400) to its QualificationId and status. ' +
    'Call it first in the 400-hotline flow: QualificationId is needed by dyvms.SubmitHotlineTransferRegister, dyvms.ListHotlineTransferRegisterFile, dyvms.ListHotlineTransferNumber and dyvms.SetTransferCalleePoolConfig. ' +
    'Status NORMAL means usable (the doc\'s example truncates it to "NORMA"), OTHER means not.',
  access: 'read',
  resource: 'hotline',
  qps: 100,
  input: () => z.strictObject({
    OrderId: numericId().describe('Work-order ID of the 400 qualification application.'),
  }),
  output: () => alibabaResponse({
    Data: jsonData(
      z.looseObject({
        Status: str().optional().describe('NORMAL = usable, OTHER = not usable.'),
        QualificationId: str().optional().describe('Qualification ID for the hotline APIs.'),
        OrderId: str().optional().describe('The work-order ID.'),
      }),
    )
      .optional()
      .describe('The qualification.'),
  }),
  examples: [{ input: { OrderId: '224560000' }, wire: { OrderId: '224560000' } }],
});
