import { z } from 'zod';
import { int, pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callIdOutput, extensionNumber, pbxVersionBody, promptNames, yesNo } from '../shared/pbx.js';

const V2_ONLY = 'supported only by API v2.0.0 (call/playprompt)';

export default defineOperation({
  id: 'pbx.extension.playprompt',
  title: 'Ring an extension and play a prompt',
  description:
    'Rings an extension and, when it answers, plays one or more prompt files uploaded on the PBX (System Recordings). Internal on API 1.x. Returns callid (v1.0.0 and later); the PlayPromptEnd event reports the end. On API v2.0.0 this is call/playprompt with number = extid, which may also be an outside number there: a real trunk call, billed by the carrier (count and volume exist only there).',
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
  input: z.strictObject({
    extid: extensionNumber().describe('Extension to ring (sent as number on v2.0.0).'),
    prompt: promptNames(),
    autoanswer: yesNo().optional().describe('"yes": the extension answers automatically (needs SIP phone support); default "no".'),
    count: int(1).optional().describe(`How many times the prompt is played; ${V2_ONLY}.`),
    volume: int(0, 20).optional().describe(`Playback volume 0-20; ${V2_ONLY}.`),
  }),
  output: pbxResponse({ callid: callIdOutput() }),
  examples: [{ input: { extid: 1000, prompt: 'hello111', autoanswer: 'no' }, wire: { extid: '1000', prompt: 'hello111', autoanswer: 'no' } }],
});
