import { z } from 'zod';
import { alibabaResponse, bool, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { hotlineNumber, hotlinePage, hotlinePageNo, hotlinePageSize, hotlinePagination, qualificationId } from './shared/hotline.js';

export default defineOperation({
  id: 'dyvms.ListHotlineTransferRegisterFile',
  title: 'List 400-hotline forwarding filings',
  description:
    'Lists the forwarding filings submitted with dyvms.SubmitHotlineTransferRegister for one qualification and 400 number, 1-10 per page (PageNo/PageSize). ' +
    'Items are in Data.Values, the total in Data.Total. The records contain personal data (operator ID card, mobile, e-mail).',
  access: 'read',
  resource: 'hotline',
  qps: 100,
  pagination: hotlinePagination,
  input: () => z.strictObject({
    QualificationId: qualificationId(),
    HotlineNumber: hotlineNumber(),
    PageNo: hotlinePageNo(),
    PageSize: hotlinePageSize('Filings'),
  }),
  output: () => alibabaResponse({
    Data: hotlinePage(
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
      'filings',
    ),
  }),
  examples: [
    {
      input: { QualificationId: 10000000, HotlineNumber: '4000000000' },
      wire: { QualificationId: '10000000', HotlineNumber: '4000000000', PageNo: '1', PageSize: '10' },
    },
  ],
});
