import { z } from 'zod';
import { int, list, num, str, volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { limit, offset, pageFields } from '../shared/volcengine.js';

export default defineOperation({
  id: 'volcengine.NumberPoolList',
  title: 'List number pools',
  description:
    'Lists the number pools (groups of caller numbers) of this account, a page at a time. A task or one-off call names its pool with NumberPoolNo. Filter by ServiceType 100 (ordinary voice) and SubServiceType 102 (voice notification) to find the pools usable for notification calls; without filters every pool is listed.',
  access: 'read',
  listItems: 'Result.Records',
  resource: 'number',
  // Generated Go SDK (service/vms/api_number_pool_list.go): POST with a JSON body (the 2023 doc page's form body is the older form).
  wire: {
    bodyType: 'json',
  },
  docUrl: 'https://volcengine.com/docs/6358/173339',
  input: () => z.strictObject({
    ServiceType: int().optional().describe('Service: 100 = ordinary voice, 200 = privacy numbers.'),
    SubServiceType: int()
      .optional()
      .describe('Sub-service: 101 = SIP, 102 = voice notification, 103 = double call, 104 = smart outbound, ... (201-206 privacy-number kinds).'),
    NumberPoolNo: z.string().min(1).optional().describe('Only this pool (Go SDK field, not on the doc page).'),
    NumberPoolName: z.string().min(1).optional().describe('Pools with this name (Go SDK field, not on the doc page).'),
    Limit: limit(100, 20),
    Offset: offset(),
  }),
  output: () => volcengineResponse(
    z.looseObject({
      Records: list(
        z.looseObject({
          NumberPoolName: str().optional(),
          NumberPoolNo: str().optional().describe('Pool ID to use as NumberPoolNo.'),
          ServiceType: num().optional(),
          ServiceTypeName: str().optional(),
          SubServiceType: num().optional(),
          SubServiceTypeName: str().optional(),
          NumberCount: num().optional().describe('Numbers in the pool.'),
        }),
      ).optional(),
      ...pageFields(),
    }),
  ),
  examples: [{ input: { ServiceType: '100', SubServiceType: 102, Limit: 20 }, wire: { ServiceType: 100, SubServiceType: 102, Limit: 20 } }],
});
