import { z } from 'zod';
import { list, pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { extensionQueryBody } from '../shared/pbx.js';

export default defineOperation({
  id: 'pbx.extension.query',
  title: 'Get extension settings',
  description:
    'Returns the settings of one, several or all extensions (extid "all", or leave it out): number, user name, status, type, caller ID, voicemail and call-forwarding settings, returned as received (extinfos). APIs 1.x take extid and omit it for all; API v2.0.0 requires number there, so the client sends number = extid, or "all" when extid is left out.',
  access: 'read',
  listItems: 'extinfos',
  resource: 'extension',
  docUrl: 'https://help.yeastar.com/en/s-series-developer-v2/api-v2/extension-query.html',
  input: () => z.strictObject({
    extid: z
      .preprocess(
        (v) => (Array.isArray(v) ? v.map((x) => (typeof x === 'number' ? String(x) : x)).join(',') : typeof v === 'number' ? String(v) : v),
        z.string().regex(/^(all|\d{1,12}(,\d{1,12})*)$/, 'must be extension numbers separated by commas, or "all"'),
      )
      .optional()
      .describe('Extension number(s): one, a list, or text separated by commas; "all" or left out for every extension.'),
  }),
  wire: {
    pbxBody: extensionQueryBody,
  },
  output: () => pbxResponse({
    extinfos: list(z.looseObject({})).optional().describe('Settings per extension, as the PBX returns them (extnumber on 1.x, number on v2.0.0).'),
  }),
  examples: [
    { input: { extid: [1000, '1001'] }, wire: { extid: '1000,1001' } },
    { title: 'Every extension', input: { extid: 'all' }, wire: {} },
  ],
});
