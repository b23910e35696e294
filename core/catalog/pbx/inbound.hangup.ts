import { z } from 'zod';
import { pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callIdOutput, callIds, channelId, hangupBody, idOrChannel } from '../shared/pbx.js';

export default defineOperation({
  id: 'pbx.inbound.hangup',
  title: 'Hang up an inbound call',
  description:
    'Ends an inbound (trunk to PBX) call at once. APIs 1.x identify it by inboundid (pbx.inbound.query, call events); API v2.0.0 uses call/hangup with the channelid of one of its legs. Errno 10007: no such call (already ended).',
  access: 'write',
  resource: 'inboundCall',
  destructive: true,
  idempotent: true,
  wire: {
    pbxPaths: { 'v2.0.0': 'call/hangup' },
    pbxBody: hangupBody('pbx.inbound.hangup', 'inboundid'),
  },
  docUrl: 'https://help.yeastar.com/en/cloudpbx-developer-v2/api-v2/call-hangup.html',
  input: () => idOrChannel(
    z.strictObject({
      inboundid: callIds('an inboundid').optional().describe('APIs 1.x: inboundid of the call (required there).'),
      channelid: channelId().optional(),
    }),
    'inboundid',
  ),
  output: () => pbxResponse({ callid: callIdOutput() }),
  examples: [
    { title: 'APIs 1.x', input: { inboundid: '1495705264.322' }, wire: { inboundid: '1495705264.322' } },
    { title: 'API v2.0.0', input: { channelid: 'PJSIP/trunk-siptrunk-endpoint-00000002' }, wire: { channelid: 'PJSIP/trunk-siptrunk-endpoint-00000002' } },
  ],
});
