import { z } from 'zod';
import { int, pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callIdOutput, dialNumber, extensionNumber, pbxVersionBody, promptNames, yesNo } from '../shared/pbx.js';

const V2_ONLY = 'supported only by API v2.0.0 (call/playprompt)';

export default defineOperation({
  id: 'pbx.outbound.playprompt',
  title: 'Call an external number and play a prompt',
  description:
    'Makes the PBX dial an external number through its outbound route (a real trunk call, billed by the carrier) and, once answered, play one or more prompt files uploaded on the PBX (System Recordings). From v1.0.0 on it returns callid; the PlayPromptEnd event and the NewCdr report tell how it went. On API v2.0.0 this is call/playprompt (outto is sent as number, fromext as dialpermission; count, volume and autoanswer exist only there).',
  access: 'call',
  resource: 'outboundCall',
  check: ['outto'],
  effects: { callees: ['outto'], dials: 'now' },
  returns: { callId: 'callid' },
  tracking: { query: 'pbx.outbound.query' },
  destructive: true,
  idempotent: false,
  wire: {
    pbxPaths: { 'v2.0.0': 'call/playprompt' },
    pbxBody: (input, version) =>
      pbxVersionBody('pbx.outbound.playprompt', input, version, {
        outto: { '2.0': 'number' },
        fromext: { '2.0': 'dialpermission' },
        count: { '1.x': null },
        volume: { '1.x': null },
        autoanswer: { '1.x': null },
      }),
  },
  docUrl: 'https://help.yeastar.com/zh-cn/s1000-developer-v2/api-v2/call-playprompt.html',
  input: () => z.strictObject({
    outto: dialNumber().describe('External number to call, as dialled on the PBX (include any outbound-route prefix).'),
    prompt: promptNames(),
    fromext: extensionNumber()
      .optional()
      .describe('Extension whose outbound-call permission is used (v1.0.0 and later; dialpermission on v2.0.0).'),
    count: int(1).optional().describe(`How many times the prompt is played; ${V2_ONLY}.`),
    volume: int(0, 20).optional().describe(`Playback volume 0-20; ${V2_ONLY}.`),
    autoanswer: yesNo().optional().describe(`Answer automatically ("yes"/"no", default "no"; meaningful when the target is an extension); ${V2_ONLY}.`),
  }),
  output: () => pbxResponse({ callid: callIdOutput() }),
  examples: [
    { title: 'The seed example (API v0.0.1)', input: { outto: '16103', prompt: 'haruhi3+xiaoshao5' }, wire: { outto: '16103', prompt: 'haruhi3+xiaoshao5' } },
    { title: 'With the permission of extension 1000', input: { outto: 16103, prompt: 'welcome', fromext: 1000 }, wire: { outto: '16103', prompt: 'welcome', fromext: '1000' } },
  ],
});
