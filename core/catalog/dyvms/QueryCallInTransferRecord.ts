import { z } from 'zod';
import { alibabaResponse, dateTime, int, list, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { jsonData } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.QueryCallInTransferRecord',
  title: 'List forwarded inbound calls of a 400 number',
  description:
    'Lists the inbound calls to a 400 number that were forwarded on one day, with caller, target and recording URL, 1-10 per page (PageNo/PageSize). ' +
    'QueryDate is a date-time TEXT here ("yyyy-MM-dd HH:mm:ss"; the doc writes 12-hour "hh", read as 24-hour), unlike the ms numbers of QueryCallDetailByCallId. ' +
    'Items are in Data.Values, the total in Data.Total. Recordings contain personal data and their URLs expire.',
  access: 'read',
  qps: 100,
  pagination: { pageParam: 'PageNo', sizeParam: 'PageSize', maxPageSize: 10, itemsPath: 'Data.Values', totalPath: 'Data.Total' },
  input: z.strictObject({
    PhoneNumber: z.string().regex(/^\d{3,20}$/, 'must be a hotline number (digits)').describe('The 400 number.'),
    CallInCaller: z.string().regex(/^\+?\d{3,20}$/, 'must be a phone number (digits)').optional().describe('Filter by inbound caller number.'),
    QueryDate: dateTime().describe('Any time on the day to list, "yyyy-MM-dd HH:mm:ss" (e.g. 2021-06-28 00:00:00); all records of that day are returned.'),
    PageNo: int(1).default(1).describe('Page number, from 1 (default 1; required by the vendor, so always sent).'),
    PageSize: int(1, 10).default(10).describe('Records per page, 1-10 (default 10; required by the vendor, so always sent).'),
  }),
  output: alibabaResponse({
    Data: jsonData(
      z.looseObject({
        PageNo: num().optional().describe('Page number.'),
        PageSize: num().optional().describe('Page size.'),
        Total: num().optional().describe('Total records.'),
        Values: list(
          z.looseObject({
            CallInCaller: str().optional().describe('Who called the 400 number.'),
            CallInCalled: str().optional().describe('The number that was called.'),
            TransferCaller: str().optional().describe('Caller number of the forwarded leg.'),
            TransferCalled: str().optional().describe('Number the call was forwarded to.'),
            RecordUrl: str().optional().describe('Recording URL (signed, expires; personal data).'),
            GmtCreate: num().optional().describe('Time of the call, Unix ms.'),
          }),
        )
          .optional()
          .describe('Records on this page.'),
      }),
    )
      .optional()
      .describe('The page.'),
  }),
  examples: [
    {
      input: { PhoneNumber: '4000000000', CallInCaller: '15000000000', QueryDate: '2021-06-28 00:00:00' },
      wire: { PhoneNumber: '4000000000', CallInCaller: '15000000000', QueryDate: '2021-06-28 00:00:00', PageNo: '1', PageSize: '10' },
    },
  ],
});
