import { z } from 'zod';
import { pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callIdOutput, callIds, channelId, pbxVersionBody } from '../shared/pbx.js';

export default defineOperation({
  id: 'pbx.outbound.hangup',
  title: 'Hang up an outbound call',
  description:
    'Ends an outbound (PBX to trunk) call at once. APIs 1.x identify it by outboundid (pbx.outbound.query, call events); API v2.0.0 uses call/hangup with the channelid of one of its legs. Errno 10007: no such call (already ended).',
  access: 'write',
  destructive: true,
  idempotent: true,
  pbxPaths: { 'v2.0.0': 'call/hangup' },
  docUrl: 'https://help.yeastar.com/en/k2-developer/api/api_disconnect_an_outbound_call.html',
  input: z
    .strictObject({
      outboundid: callIds('an outboundid').optional().describe('APIs 1.x: outboundid of the call (required there).'),
      channelid: channelId().optional(),
    })
    .refine((v) => v.outboundid !== undefined || v.channelid !== undefined, { message: 'give outboundid (APIs 1.x) or channelid (API v2.0.0)', path: ['outboundid'] }),
  pbxBody: (input, version) =>
    pbxVersionBody(
      'pbx.outbound.hangup',
      input,
      version,
      { outboundid: { '2.0': null, hint: 'give channelid instead' }, channelid: { '1.x': null, hint: 'give outboundid instead' } },
      { '1.x': ['outboundid'], '2.0': ['channelid'] },
    ),
  output: pbxResponse({ callid: callIdOutput() }),
  examples: [
    { title: 'APIs 1.x', input: { outboundid: '1495705264.322' }, wire: { outboundid: '1495705264.322' } },
    { title: 'API v2.0.0', input: { channelid: 'PJSIP/trunk-siptrunk-endpoint-00000002' }, wire: { channelid: 'PJSIP/trunk-siptrunk-endpoint-00000002' } },
  ],
});
