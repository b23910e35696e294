import { z } from 'zod';
import { str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.CreateTag',
  title: 'Create a tag',
  description:
    'Adds one tag (a call-outcome label such as "研究生" in group "目标学历") to a script; the tag group is created too when no group of that name exists. Tags are set on calls by the dialogue flow and counted by outboundbot.DescribeTagHitsSummary. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Returns TagId. To rename, reorder or remove tags use outboundbot.ModifyTagGroups.',
  access: 'write',
  resource: 'tag',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    TagGroup: z.string().min(1).describe('Name of the tag group; created when it does not exist yet.'),
    TagName: z.string().min(1).describe('Name of the new tag.'),
  }),
  output: () => scriptResponse({
    TagId: str().optional().describe('ID of the new tag.'),
  }),
  examples: [
    {
      input: { InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd', ScriptId: '797203ac-3874-422f-838f-d4cd63c72681', TagGroup: '目标学历', TagName: '研究生' },
      wire: { InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd', ScriptId: '797203ac-3874-422f-838f-d4cd63c72681', TagGroup: '目标学历', TagName: '研究生' },
    },
  ],
});
