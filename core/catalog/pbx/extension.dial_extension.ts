import { z } from 'zod';
import { pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callIdOutput, extensionNumber, yesNo } from '../shared/pbx.js';

export default defineOperation({
  id: 'pbx.extension.dial_extension',
  title: 'Call an extension from an extension',
  description:
    'Internal call on API 1.x (no trunk, not billed): the PBX rings the caller extension first and, when it answers, rings the callee extension. Returns callid. On API v2.0.0 this is call/dial with the same fields, and caller or callee may also be an outside number: a real trunk call, billed by the carrier.',
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
  input: z.strictObject({
    caller: extensionNumber().describe('Extension that rings first.'),
    callee: extensionNumber().describe('Extension called when the caller answers.'),
    autoanswer: yesNo().optional().describe('"yes": the caller extension answers automatically (needs SIP phone support); default "no".'),
  }),
  output: pbxResponse({ callid: callIdOutput() }),
  examples: [{ input: { caller: '1000', callee: 1002, autoanswer: 'no' }, wire: { caller: '1000', callee: '1002', autoanswer: 'no' } }],
});
