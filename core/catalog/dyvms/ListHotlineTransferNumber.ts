import { z } from 'zod';
import { alibabaResponse, int, list, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { jsonData, numericId } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.ListHotlineTransferNumber',
  title: 'List the filed forwarding numbers of a 400 hotline',
  description:
    'Lists the numbers filed (with dyvms.SubmitHotlineTransferRegister) as forwarding targets of one 400 number, 1-10 per page (PageNo/PageSize). ' +
    'Only filed numbers can be used as targets in dyvms.SetTransferCalleePoolConfig. Items are in Data.Values, the total in Data.Total. Contains personal data (ID-card numbers).',
  access: 'read',
  qps: 100,
  pagination: { pageParam: 'PageNo', sizeParam: 'PageSize', maxPageSize: 10, itemsPath: 'Data.Values', totalPath: 'Data.Total' },
  input: z.strictObject({
    QualificationId: numericId().describe('Qualification ID (from dyvms.GetHotlineQualificationByOrder).'),
    HotlineNumber: z.string().regex(/^\d{3,20}$/, 'must be a hotline number (digits)').describe('The 400 number.'),
    PageNo: int(1).default(1).describe('Page number, from 1 (default 1; required by the vendor, so always sent).'),
    PageSize: int(1, 10).default(10).describe('Numbers per page, 1-10 (default 10; required by the vendor, so always sent).'),
  }),
  output: alibabaResponse({
    Data: jsonData(
      z.looseObject({
        PageNo: num().optional().describe('Page number.'),
        PageSize: num().optional().describe('Page size.'),
        Total: num().optional().describe('Total numbers.'),
        Values: list(
          z.looseObject({
            PhoneNumber: str().optional().describe('The filed forwarding number.'),
            NumberOwnerName: str().optional().describe('Owner name.'),
            IdentityCard: str().optional().describe('Owner ID-card number (personal data).'),
            HotlineNumber: str().optional().describe('The 400 number.'),
            QualificationId: str().optional().describe('Qualification ID.'),
            ResUniqueCode: str().optional().describe('Unique code of the record.'),
          }),
        )
          .optional()
          .describe('Numbers on this page.'),
      }),
    )
      .optional()
      .describe('The page.'),
  }),
  examples: [
    {
      input: { QualificationId: '100000', HotlineNumber: '4000000000', PageNo: 2, PageSize: '5' },
      wire: { QualificationId: '100000', HotlineNumber: '4000000000', PageNo: '2', PageSize: '5' },
    },
  ],
});
