import { z } from 'zod';
import { alibabaResponse, dateTime, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { hotlineNumber, hotlinePage, hotlinePageNo, hotlinePageSize, hotlinePagination } from './shared/hotline.js';

export default defineOperation({
  id: 'dyvms.QueryCallInTransferRecord',
  title: 'List forwarded inbound calls of a 400 number',
  description:
    'Lists the inbound calls to a 400 number that were forwarded on one day, with caller, target and recording URL, 1-10 per page (PageNo/PageSize). ' +
    'QueryDate is a date-time TEXT here ("yyyy-MM-dd HH:mm:ss"; the doc writes 12-hour "hh", read as 24-hour), unlike the ms numbers of QueryCallDetailByCallId. ' +
    'Items are in Data.Values, the total in Data.Total. Recordings contain personal data and their URLs expire.',
  access: 'read',
  resource: 'hotline',
  qps: 100,
  pagination: hotlinePagination,
  input: () => z.strictObject({
    PhoneNumber: hotlineNumber(),
    CallInCaller: z.string().regex(/^\+?\d{3,20}$/, 'must be a phone number (digits)').optional().describe('Filter by inbound caller number.'),
    QueryDate: dateTime().describe('Any time on the day to list, "yyyy-MM-dd HH:mm:ss" (e.g. 2021-06-28 00:00:00); all records of that day are returned.'),
    PageNo: hotlinePageNo(),
    PageSize: hotlinePageSize('Records'),
  }),
  output: () => alibabaResponse({
    Data: hotlinePage(
      z.looseObject({
        CallInCaller: str().optional().describe('Who called the 400 number.'),
        CallInCalled: str().optional().describe('The number that was called.'),
        TransferCaller: str().optional().describe('Caller number of the forwarded leg.'),
        TransferCalled: str().optional().describe('Number the call was forwarded to.'),
        RecordUrl: str().optional().describe('Recording URL (signed, expires; personal data).'),
        GmtCreate: num().optional().describe('Time of the call, Unix ms.'),
      }),
      'records',
    ),
  }),
  examples: [
    {
      input: { PhoneNumber: '4000000000', CallInCaller: '15000000000', QueryDate: '2021-06-28 00:00:00' },
      wire: { PhoneNumber: '4000000000', CallInCaller: '15000000000', QueryDate: '2021-06-28 00:00:00', PageNo: '1', PageSize: '10' },
    },
  ],
});
