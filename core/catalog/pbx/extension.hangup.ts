import { z } from 'zod';
import { pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callIdOutput, channelId, extensionNumber, hangupBody, idOrChannel } from '../shared/pbx.js';

export default defineOperation({
  id: 'pbx.extension.hangup',
  title: 'Hang up an extension\'s call',
  description:
    'Ends the current call of an extension at once. APIs 1.x take the extension number (extid); API v2.0.0 uses call/hangup with the channelid of the extension\'s leg (members[].ext.channelid in pbx.outbound.query / pbx.inbound.query or the CallStatus event). Errno 10007: no call to hang up.',
  access: 'write',
  resource: 'extension',
  destructive: true,
  idempotent: true,
  wire: {
    pbxPaths: { 'v2.0.0': 'call/hangup' },
    pbxBody: hangupBody('pbx.extension.hangup', 'extid', 'give the channelid of the extension\'s leg instead'),
  },
  docUrl: 'https://help.yeastar.com/en/cloudpbx-developer-v2/api-v2/call-hangup.html',
  input: () => idOrChannel(
    z.strictObject({
      extid: extensionNumber().optional().describe('APIs 1.x: the extension whose call ends (required there).'),
      channelid: channelId().optional(),
    }),
    'extid',
  ),
  output: () => pbxResponse({ callid: callIdOutput() }),
  examples: [
    { title: 'APIs 1.x', input: { extid: 1000 }, wire: { extid: '1000' } },
    { title: 'API v2.0.0', input: { channelid: 'PJSIP/1023-000000c0' }, wire: { channelid: 'PJSIP/1023-000000c0' } },
  ],
});
