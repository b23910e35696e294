import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.SubmitScriptReview',
  title: 'Submit a script for review',
  description:
    "Submits a script's current draft for the vendor's compliance review; a script must pass review (status PUBLISHED) before job groups can call with it. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Follow progress with outboundbot.DescribeScript (Status EXAMINE_IN_PROGRESS, then PUBLISHED) or outboundbot.ListScripts (RejectReason when rejected); cancel with outboundbot.WithdrawScriptReview. Test first with outboundbot.PublishScriptForDebug.",
  access: 'write',
  resource: 'script',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    Description: z.string().min(1).describe('Note for the reviewer describing this submission, e.g. what changed.'),
  }),
  output: () => scriptResponse({
  }),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'b0f35dd1-0337-402e-9c4f-3a6c2426950a', Description: '第一版本提交审核' },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'b0f35dd1-0337-402e-9c4f-3a6c2426950a', Description: '第一版本提交审核' },
    },
  ],
});
