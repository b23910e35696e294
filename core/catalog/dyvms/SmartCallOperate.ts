import { z } from 'zod';
import { alibabaResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callId, okFlag } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.SmartCallOperate',
  title: 'Act on a live SmartCall',
  description:
    'Triggers an action on the callee leg of a SmartCall that is in progress. Only one action exists: parallelBridge, which bridges the callee to a call-centre agent (the agent can listen in). ' +
    'Call it while the call placed by dyvms.SmartCall is still connected, with that CallId. Bridging may add call-leg charges. Status tells whether the command was accepted.',
  access: 'write',
  resource: 'call',
  check: ['CallId'],
  qps: 100,
  input: () => z.strictObject({
    CallId: callId().describe('CallId returned by dyvms.SmartCall for the live call.'),
    Command: z.enum(['parallelBridge']).describe('The action: parallelBridge (bridge the callee to an agent) is the only supported value.'),
    Param: z.string().min(1).optional().describe('Extension field passed with the command.'),
  }),
  output: () => alibabaResponse({
    Status: okFlag().describe('Whether the command succeeded (the vendor sends "true" as text).'),
  }),
  examples: [
    {
      input: { CallId: '116012854210^102814200000', Command: 'parallelBridge' },
      wire: { CallId: '116012854210^102814200000', Command: 'parallelBridge' },
    },
  ],
});
