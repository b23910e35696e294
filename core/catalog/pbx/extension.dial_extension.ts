import { z } from 'zod';
import { pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callIdOutput, extensionNumber, yesNo } from '../shared/pbx.js';

export default defineOperation({
  id: 'pbx.extension.dial_extension',
  title: 'Call an extension from an extension',
  description:
    'The PBX rings the caller first and, when it answers, rings the callee. Returns callid. On APIs 1.x both are extensions: an internal call (no trunk, not billed). On API v2.0.0 (call/dial) it can dial outside numbers: caller or callee may be an outside number matching an outbound route, which is a real trunk call billed by the carrier; give extension numbers only to keep the call internal.',
  access: 'call',
  destructive: true,
  resource: 'extension',
  // API 1.x rings extensions only; on v2.0.0 (call/dial) caller and callee may be outside numbers (billed trunk calls).
  effects: { when: () => false, byVersion: { 'v2.0.0': { callees: ['caller', 'callee'], dials: 'now' } } },
  returns: { callId: 'callid' },
  idempotent: false,
  wire: {
    pbxPaths: { 'v2.0.0': 'call/dial' },
  },
  docUrl: 'https://help.yeastar.com/zh-cn/s1000-developer-v2/api-v2/call-dial.html',
  input: () => z.strictObject({
    caller: extensionNumber().describe('Extension that rings first (on v2.0.0 an outside number here is dialled through a trunk, billed).'),
    callee: extensionNumber().describe('Extension called when the caller answers (on v2.0.0 an outside number here is dialled through a trunk, billed).'),
    autoanswer: yesNo().optional().describe('"yes": the caller extension answers automatically (needs SIP phone support); default "no".'),
  }),
  output: () => pbxResponse({ callid: callIdOutput() }),
  examples: [{ input: { caller: '1000', callee: 1002, autoanswer: 'no' }, wire: { caller: '1000', callee: '1002', autoanswer: 'no' } }],
});
