import { z } from 'zod';
import { alibabaResponse, bool, int, list, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { jsonData, numericId } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.ListHotlineTransferRegisterFile',
  title: 'List 400-hotline forwarding filings',
  description:
    'Lists the forwarding filings submitted with dyvms.SubmitHotlineTransferRegister for one qualification and 400 number, 1-10 per page (PageNo/PageSize). ' +
    'Items are in Data.Values, the total in Data.Total. The records contain personal data (operator ID card, mobile, e-mail).',
  access: 'read',
  qps: 100,
  pagination: { pageParam: 'PageNo', sizeParam: 'PageSize', maxPageSize: 10, itemsPath: 'Data.Values', totalPath: 'Data.Total' },
  input: z.strictObject({
    QualificationId: numericId().describe('Qualification ID (from dyvms.GetHotlineQualificationByOrder).'),
    HotlineNumber: z.string().regex(/^\d{3,20}$/, 'must be a hotline number (digits)').describe('The 400 number.'),
    PageNo: int(1).default(1).describe('Page number, from 1 (default 1; required by the vendor, so always sent).'),
    PageSize: int(1, 10).default(10).describe('Filings per page, 1-10 (default 10; required by the vendor, so always sent).'),
  }),
  output: alibabaResponse({
    Data: jsonData(
      z.looseObject({
        PageNo: num().optional().describe('Page number.'),
        PageSize: num().optional().describe('Page size.'),
        Total: num().optional().describe('Total filings.'),
        Values: list(
          z.looseObject({
            HotlineNumber: str().optional().describe('The 400 number.'),
            QualificationId: str().optional().describe('Qualification ID.'),
            CorpName: str().optional().describe('Company name.'),
            MngOpName: str().optional().describe('Operator name.'),
            MngOpMail: str().optional().describe('Operator e-mail.'),
            MngOpMobile: str().optional().describe('Operator mobile.'),
            MngOpIdentityCard: str().optional().describe('Operator ID-card number (personal data).'),
            Agree: bool().optional().describe('Whether the commitment was confirmed.'),
            ResUniqueCode: str().optional().describe('Unique code of the filing.'),
          }),
        )
          .optional()
          .describe('Filings on this page.'),
      }),
    )
      .optional()
      .describe('The page.'),
  }),
  examples: [
    {
      input: { QualificationId: 10000000, HotlineNumber: '4000000000' },
      wire: { QualificationId: '10000000', HotlineNumber: '4000000000', PageNo: '1', PageSize: '10' },
    },
  ],
});
