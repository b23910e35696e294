import { z } from 'zod';
import { list, pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { pbxVersionBody } from '../shared/pbx.js';

export default defineOperation({
  id: 'pbx.extension.query',
  title: 'Get extension settings',
  description:
    'Returns the settings of one, several or all extensions (leave extid out for all). The per-extension fields are not documented publicly and are returned as received (1.x: extinfos). On API v2.0.0 the field is sent as number (inferred from the 2.0 renaming; unconfirmed).',
  access: 'read',
  resource: 'extension',
  docUrl: 'https://help.yeastar.com/en/s-series-developer-v2/api-v2/api-interfaces-overview.html',
  input: z.strictObject({
    extid: z
      .preprocess(
        (v) => (Array.isArray(v) ? v.map((x) => (typeof x === 'number' ? String(x) : x)).join(',') : typeof v === 'number' ? String(v) : v),
        z.string().regex(/^\d{1,12}(,\d{1,12})*$/, 'must be extension numbers separated by commas'),
      )
      .optional()
      .describe('Extension number(s): one, a list, or text separated by commas; leave out for all extensions.'),
  }),
  wire: {
    pbxBody: (input, version) => pbxVersionBody('pbx.extension.query', input, version, { extid: { '2.0': 'number' } }),
  },
  output: pbxResponse({
    extinfos: list(z.looseObject({})).optional().describe('Settings per extension, as the PBX returns them.'),
  }),
  examples: [{ input: { extid: [1000, '1001'] }, wire: { extid: '1000,1001' } }],
});
