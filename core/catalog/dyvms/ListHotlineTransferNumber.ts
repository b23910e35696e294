import { z } from 'zod';
import { alibabaResponse, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { hotlineNumber, hotlinePage, hotlinePageNo, hotlinePageSize, hotlinePagination, qualificationId } from './shared/hotline.js';

export default defineOperation({
  id: 'dyvms.ListHotlineTransferNumber',
  title: 'List the filed forwarding numbers of a 400 hotline',
  description:
    'Lists the numbers filed (with dyvms.SubmitHotlineTransferRegister) as forwarding targets of one 400 number, 1-10 per page (PageNo/PageSize). ' +
    'Only filed numbers can be used as targets in dyvms.SetTransferCalleePoolConfig. Items are in Data.Values, the total in Data.Total. Contains personal data (ID-card numbers).',
  access: 'read',
  resource: 'hotline',
  qps: 100,
  pagination: hotlinePagination,
  input: () => z.strictObject({
    QualificationId: qualificationId(),
    HotlineNumber: hotlineNumber(),
    PageNo: hotlinePageNo(),
    PageSize: hotlinePageSize('Numbers'),
  }),
  output: () => alibabaResponse({
    Data: hotlinePage(
      z.looseObject({
        PhoneNumber: str().optional().describe('The filed forwarding number.'),
        NumberOwnerName: str().optional().describe('Owner name.'),
        IdentityCard: str().optional().describe('Owner ID-card number (personal data).'),
        HotlineNumber: str().optional().describe('The 400 number.'),
        QualificationId: str().optional().describe('Qualification ID.'),
        ResUniqueCode: str().optional().describe('Unique code of the record.'),
      }),
      'numbers',
    ),
  }),
  examples: [
    {
      input: { QualificationId: '100000', HotlineNumber: '4000000000', PageNo: 2, PageSize: '5' },
      wire: { QualificationId: '100000', HotlineNumber: '4000000000', PageNo: '2', PageSize: '5' },
    },
  ],
});
