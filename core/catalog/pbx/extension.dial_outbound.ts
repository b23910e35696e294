import { z } from 'zod';
import { pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callIdOutput, dialNumber, extensionNumber, pbxVersionBody, yesNo } from '../shared/pbx.js';

export default defineOperation({
  id: 'pbx.extension.dial_outbound',
  title: 'Call an external number from an extension',
  description:
    'Click-to-call: the PBX first rings the extension; when it is picked up, the PBX dials the external number through its outbound route (a real trunk call, billed by the carrier). The extension needs permission for that route (errno 10024 otherwise). Returns callid. On API v2.0.0 this is call/dial with caller = extid and callee = outto.',
  access: 'call',
  resource: 'extension',
  check: ['outto'],
  // On v2.0.0 (call/dial) the caller may be an outside number too: the PBX rings it first.
  effects: { callees: ['outto'], dials: 'now', byVersion: { 'v2.0.0': { callees: ['extid', 'outto'], dials: 'now' } } },
  returns: { callId: 'callid' },
  tracking: { query: 'pbx.outbound.query' },
  destructive: true,
  idempotent: false,
  wire: {
    pbxPaths: { 'v2.0.0': 'call/dial' },
    pbxBody: (input, version) => pbxVersionBody('pbx.extension.dial_outbound', input, version, { extid: { '2.0': 'caller' }, outto: { '2.0': 'callee' } }),
  },
  docUrl: 'https://help.yeastar.com/en/k2-developer/api/api_make_an_outbound_call.html',
  input: () => z.strictObject({
    extid: extensionNumber().describe('Extension that rings first and then talks to the external number (sent as caller on v2.0.0).'),
    outto: dialNumber().describe('External number, as dialled on the PBX (include any outbound-route prefix); sent as callee on v2.0.0.'),
    autoanswer: yesNo()
      .optional()
      .describe('"yes": the extension answers automatically (needs a SIP phone that supports it); default "no".'),
  }),
  output: () => pbxResponse({ callid: callIdOutput() }),
  examples: [{ input: { extid: 1000, outto: '013800000000', autoanswer: false }, wire: { extid: '1000', outto: '013800000000', autoanswer: 'no' } }],
});
