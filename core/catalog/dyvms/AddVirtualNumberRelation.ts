import { z } from 'zod';
import { coded, alibabaResponse, int, list, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

const commaFree = (what: string) => z.string().trim().min(1).refine((s) => !s.includes(','), `${what} must not contain a comma (items are joined with commas)`);

export default defineOperation({
  id: 'dyvms.AddVirtualNumberRelation',
  title: 'Bind real numbers to a virtual number',
  description:
    'Associates a list of real numbers (with their company names) with ONE virtual number and sets the routing type (home location first, or random). ' +
    'Changes live number routing; no call is placed. Find virtual numbers with dyvms.QueryVirtualNumber and check bindings with dyvms.QueryVirtualNumberRelation. ' +
    'Data lists the numbers that could NOT be bound (empty when all succeeded). Success is Code "200" for this API family. Requires the feature to be enabled for the account (else UnauthorizedOperation). ' +
    'The doc does not say whether CorpNameList must pair one-to-one with NumberList.',
  access: 'write',
  resource: 'virtualNumber',
  wire: {
    encoding: { CorpNameList: 'comma', NumberList: 'comma' },
  },
  input: () => z.strictObject({
    CorpNameList: z.array(commaFree('a company name')).min(1).describe('Company names; sent comma-separated.'),
    NumberList: z
      .array(z.string().regex(/^\+?\d{3,20}$/, 'must be a phone number (digits)'))
      .min(1)
      .describe('Real numbers to bind; sent comma-separated.'),
    PhoneNum: z.string().regex(/^\d{3,20}$/, 'must be a virtual number (digits)').describe('The virtual number to bind them to.'),
    ProdCode: z.string().min(1).default('dyvms').describe('Product code (default dyvms, always sent).'),
    RouteType: coded(int(0, 1), { 0: 'Home location first', 1: 'Random' }).describe('Routing type: 0 = home location first, 1 = random.'),
  }),
  output: () => alibabaResponse({
    Data: list(str())
      .optional()
      .describe('Numbers that failed to bind; empty when all succeeded (the vendor sends an array or a single string).'),
  }),
  examples: [
    {
      input: { CorpNameList: ['Acme Ltd', 'Beta Co'], NumberList: ['13211110000', '13222220000'], PhoneNum: '055162140000', RouteType: 0 },
      wire: { CorpNameList: 'Acme Ltd,Beta Co', NumberList: '13211110000,13222220000', PhoneNum: '055162140000', ProdCode: 'dyvms', RouteType: '0' },
    },
  ],
});
