import { z } from 'zod';
import { list } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse, tagGroupOut, tagOut } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.ListTags',
  title: 'List the tags of a script',
  description:
    "Returns all tag groups and tags (call-outcome labels) of a script, not paged. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Read this before outboundbot.ModifyTagGroups, which replaces the whole set; its items can be edited and sent back there (TagGroupId / TagId are accepted as Id). Tag hit counts per campaign come from outboundbot.DescribeTagHitsSummary.",
  access: 'read',
  listItems: 'Tags',
  resource: 'tag',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
  }),
  output: () => scriptResponse({
    TagGroups: list(tagGroupOut()).optional().describe('Tag groups of the script.'),
    Tags: list(tagOut()).optional().describe('Tags of the script.'),
  }),
  examples: [
    {
      input: { InstanceId: '8fa1953f-4a84-46d8-b80c-8ce9cf684fb3', ScriptId: '8a4c6d3d-5ed6-44ca-b779-16c20f8862be' },
      wire: { InstanceId: '8fa1953f-4a84-46d8-b80c-8ce9cf684fb3', ScriptId: '8a4c6d3d-5ed6-44ca-b779-16c20f8862be' },
    },
  ],
});
