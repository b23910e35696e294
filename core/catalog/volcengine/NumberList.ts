import { z } from 'zod';
import { coded, int, list, num, phoneNumber, str, stringList, volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { limit, offset, pageFields } from '../shared/volcengine.js';

export default defineOperation({
  id: 'volcengine.NumberList',
  title: 'List caller numbers',
  description:
    'Lists this account\'s phone numbers with their state (1 in use, 2 disabled by you, 3 disabled by the platform, 4 cancelled), kind (mobile or fixed line), location, pool and bindings, a page at a time; filter by number, pool, pool kind, state or kind.',
  access: 'read',
  listItems: 'Result.Records',
  resource: 'number',
  // The 2025 doc page sends POST JSON with NumberList as an array; the 2023 page and the Go SDK a GET
  // with query parameters (NumberList comma-separated). JSON follows the current page.
  wire: {
    bodyType: 'json',
  },
  docUrl: 'https://www.volcengine.com/docs/6358/1722075',
  input: () => z.strictObject({
    Number: phoneNumber().optional().describe('Only this number.'),
    NumberList: stringList(phoneNumber(), { min: 1, max: 500 }).optional().describe('Only these numbers, at most 500 (a list, or text separated by commas).'),
    NumberPoolNo: z.string().min(1).optional().describe('Only numbers of this pool.'),
    NumberPoolTypeCode: int().optional().describe('Only pools of this sub-service, e.g. 102 = voice notification.'),
    NumberStatusCode: int(1, 4).optional().describe('Only numbers in this state: 1 = in use, 2 = disabled by you, 3 = disabled by the platform, 4 = cancelled.'),
    NumberTypeCode: coded(int(0, 1), { 0: 'Mobile', 1: 'Fixed line' }).optional().describe('Only this kind: 0 = mobile, 1 = fixed line.'),
    Limit: limit(500, 20),
    Offset: offset(),
  }),
  output: () => volcengineResponse(
    z.looseObject({
      Records: list(
        z.looseObject({
          Number: str().optional(),
          NumberStatusCode: num().optional(),
          NumberStatusDesc: str().optional(),
          NumberTypeCode: num().optional(),
          NumberTypeDesc: str().optional(),
          NumberLocation: str().optional(),
          NumberPurchaseTime: str().optional(),
          NumberPoolNo: str().optional(),
          NumberPoolName: str().optional(),
          NumberPoolTypeCode: num().optional(),
          NumberPoolTypeDesc: str().optional(),
          ServiceTypeCode: num().optional(),
          ServiceTypeDesc: str().optional(),
          QualificationNo: str().optional(),
          QualificationEntity: str().optional(),
          CurrentBindCount: num().optional(),
        }),
      ).optional(),
      ...pageFields(),
    }),
  ),
  examples: [
    {
      input: { NumberList: '17192359301,17192359302', NumberStatusCode: '1' },
      wire: { NumberList: ['17192359301', '17192359302'], NumberStatusCode: 1 },
    },
  ],
});
