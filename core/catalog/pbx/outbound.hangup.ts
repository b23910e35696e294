import { z } from 'zod';
import { pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callIdOutput, callIds, channelId, hangupBody, idOrChannel } from '../shared/pbx.js';

export default defineOperation({
  id: 'pbx.outbound.hangup',
  title: 'Hang up an outbound call',
  description:
    'Ends an outbound (PBX to trunk) call at once. APIs 1.x identify it by outboundid (pbx.outbound.query, call events); API v2.0.0 uses call/hangup with the channelid of one of its legs. Errno 10007: no such call (already ended).',
  access: 'write',
  resource: 'outboundCall',
  destructive: true,
  idempotent: true,
  wire: {
    pbxPaths: { 'v2.0.0': 'call/hangup' },
    pbxBody: hangupBody('pbx.outbound.hangup', 'outboundid'),
  },
  docUrl: 'https://help.yeastar.com/en/k2-developer/api/api_disconnect_an_outbound_call.html',
  input: () => idOrChannel(
    z.strictObject({
      outboundid: callIds('an outboundid').optional().describe('APIs 1.x: outboundid of the call (required there).'),
      channelid: channelId().optional(),
    }),
    'outboundid',
  ),
  output: () => pbxResponse({ callid: callIdOutput() }),
  examples: [
    { title: 'APIs 1.x', input: { outboundid: '1495705264.322' }, wire: { outboundid: '1495705264.322' } },
    { title: 'API v2.0.0', input: { channelid: 'PJSIP/trunk-siptrunk-endpoint-00000002' }, wire: { channelid: 'PJSIP/trunk-siptrunk-endpoint-00000002' } },
  ],
});
