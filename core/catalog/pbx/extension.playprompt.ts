import { z } from 'zod';
import { int, pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callIdOutput, extensionNumber, pbxVersionBody, promptNames, yesNo } from '../shared/pbx.js';

const V2_ONLY = 'supported only by API v2.0.0 (call/playprompt)';

export default defineOperation({
  id: 'pbx.extension.playprompt',
  title: 'Ring an extension and play a prompt',
  description:
    'Rings an extension and, when it answers, plays one or more prompt files uploaded on the PBX (System Recordings). Internal (not billed) on APIs 1.x. Returns callid (v1.0.0 and later); the PlayPromptEnd event reports the end. On API v2.0.0 (call/playprompt, number = extid; count and volume exist only there) it can dial outside numbers: an outside number given as extid is called through a trunk, a real call billed by the carrier.',
  access: 'call',
  destructive: true,
  resource: 'extension',
  // API 1.x rings an extension only; on v2.0.0 (call/playprompt) the number may be an outside one (a billed trunk call).
  effects: { when: () => false, byVersion: { 'v2.0.0': { callees: ['extid'], dials: 'now' } } },
  returns: { callId: 'callid' },
  idempotent: false,
  wire: {
    pbxPaths: { 'v2.0.0': 'call/playprompt' },
    pbxBody: (input, version) =>
      pbxVersionBody('pbx.extension.playprompt', input, version, {
        extid: { '2.0': 'number' },
        count: { '1.x': null },
        volume: { '1.x': null },
      }),
  },
  docUrl: 'https://help.yeastar.com/zh-cn/s1000-developer-v2/api-v2/call-playprompt.html',
  input: () => z.strictObject({
    extid: extensionNumber().describe('Extension to ring (sent as number on v2.0.0, where an outside number here is dialled through a trunk, billed).'),
    prompt: promptNames(),
    autoanswer: yesNo().optional().describe('"yes": the extension answers automatically (needs SIP phone support); default "no".'),
    count: int(1).optional().describe(`How many times the prompt is played; ${V2_ONLY}.`),
    volume: int(0, 20).optional().describe(`Playback volume 0-20; ${V2_ONLY}.`),
  }),
  output: () => pbxResponse({ callid: callIdOutput() }),
  examples: [{ input: { extid: 1000, prompt: 'hello111', autoanswer: 'no' }, wire: { extid: '1000', prompt: 'hello111', autoanswer: 'no' } }],
});
