import { z } from 'zod';
import { coded, alibabaResponse, int, list, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { jsonData, numericId, pageNo } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.QueryVirtualNumberRelation',
  title: 'List real numbers bound to virtual numbers',
  description:
    'Lists the real numbers bound to virtual numbers, filterable by virtual number, real number, qualification, city and number type, one page at a time (PageNo/PageSize). ' +
    'Use it to check the result of dyvms.AddVirtualNumberRelation. Items are in Data.data, the total in Data.total. Success is Code "200" for this API family.',
  access: 'read',
  resource: 'virtualNumber',
  qps: 200,
  pagination: { pageParam: 'PageNo', sizeParam: 'PageSize', maxPageSize: 50, itemsPath: 'Data.data', totalPath: 'Data.total' },
  input: () => z.strictObject({
    ProdCode: z.string().min(1).optional().describe('Product code (default dyvms).'),
    PageNo: pageNo().optional().describe('Page number, from 1.'),
    PageSize: int(1).optional().describe('Bindings per page (the doc states no maximum).'),
    RouteType: coded(int(0, 1), { 0: 'Home location first', 1: 'Random' }).optional().describe('Filter by routing type: 0 = home location first, 1 = random.'),
    QualificationId: numericId().optional().describe('Filter by qualification ID (console: apply for service > qualifications).'),
    RegionNameCity: z.string().min(1).optional().describe('Filter by the city of the virtual number, e.g. 杭州市.'),
    SpecId: int(1, 3).optional().describe('Filter by number type: 1 = MVNO number (170/171), 2 = carrier number, 3 = 95 number.'),
    RelatedNum: z.string().regex(/^\+?\d{3,20}$/, 'must be a phone number (digits)').optional().describe('Filter by real number.'),
    PhoneNum: z.string().regex(/^\d{3,20}$/, 'must be a virtual number (digits)').optional().describe('Filter by virtual number.'),
  }),
  output: () => alibabaResponse({
    Data: jsonData(
      z.preprocess(
        (v) => (v && typeof v === 'object' && !Array.isArray(v) && !('pageSize' in v) && 'pagSize' in v ? { ...v, pageSize: (v as { pagSize: unknown }).pagSize } : v),
        z.looseObject({
          data: list(
            z.looseObject({
              relatedNum: str().optional().describe('The bound real number.'),
              createTime: str().optional().describe('When it was bound.'),
            }),
          )
            .optional()
            .describe('Bindings on this page.'),
          pageNo: num().optional().describe('Page number.'),
          pageSize: num().optional().describe('Page size (the doc also spells it "pagSize"; both are read).'),
          total: num().optional().describe('Total bindings.'),
        }),
      ),
    )
      .optional()
      .describe('The page (declared as JSON text, sent as an object; returned parsed).'),
  }),
  examples: [
    {
      input: { PageNo: 1, PageSize: 10, QualificationId: 10000005420000, SpecId: 2, PhoneNum: '055162140000' },
      wire: { PageNo: '1', PageSize: '10', QualificationId: '10000005420000', SpecId: '2', PhoneNum: '055162140000' },
    },
  ],
});
