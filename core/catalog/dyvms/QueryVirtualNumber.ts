import { z } from 'zod';
import { coded, alibabaResponse, bool, int, list, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { jsonData, pageNo } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.QueryVirtualNumber',
  title: 'List virtual numbers',
  description:
    'Lists the account\'s virtual numbers with status, routing type and counts, one page at a time (PageNo/PageSize). ' +
    'Use it to find the PhoneNum for dyvms.AddVirtualNumberRelation / dyvms.QueryVirtualNumberRelation or the Resource of dyvms.CreateCallTask. ' +
    'Items are in Data.data, the total in Data.total. status: 1 = valid, 0 = invalid, -1 = cancelled. Success is Code "200" for this API family.',
  access: 'read',
  resource: 'virtualNumber',
  qps: 100,
  pagination: { pageParam: 'PageNo', sizeParam: 'PageSize', maxPageSize: 50, itemsPath: 'Data.data', totalPath: 'Data.total' },
  input: () => z.strictObject({
    ProdCode: z.string().min(1).optional().describe('Product code (default dyvms).'),
    PageNo: pageNo().optional().describe('Page number, from 1.'),
    PageSize: int(1).optional().describe('Numbers per page (the doc states no maximum).'),
    RouteType: coded(int(0, 1), { 0: 'Home location first', 1: 'Random' }).optional().describe('Filter by routing type: 0 = home location first, 1 = random.'),
  }),
  output: () => alibabaResponse({
    Data: jsonData(
      z.looseObject({
        data: list(
          z.looseObject({
            phoneNum: str().optional().describe('The virtual number.'),
            status: num().optional().describe('1 = valid, 0 = invalid, -1 = cancelled.'),
            routeType: num().optional().describe('0 = home location first, 1 = random.'),
            createTime: str().optional().describe('When it was created.'),
            remark: str().optional().describe('Remark.'),
            canCancel: bool().optional().describe('Whether it can be cancelled.'),
            qualificationCount: num().optional().describe('Number of qualifications.'),
            cityCount: num().optional().describe('Number of cities.'),
            phoneNumCount: num().optional().describe('Number of bound real numbers.'),
            specCount: num().optional().describe('Number of number types.'),
          }),
        )
          .optional()
          .describe('Virtual numbers on this page.'),
        pageNo: num().optional().describe('Page number.'),
        pageSize: num().optional().describe('Page size.'),
        total: num().optional().describe('Total virtual numbers.'),
      }),
    )
      .optional()
      .describe('The page (declared as JSON text, sent as an object; returned parsed).'),
  }),
  examples: [
    { input: { PageNo: 1, PageSize: 10, RouteType: 0 }, wire: { PageNo: '1', PageSize: '10', RouteType: '0' } },
    { title: 'No filter', input: {}, wire: {} },
  ],
});
