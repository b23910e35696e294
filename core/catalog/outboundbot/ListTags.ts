import { z } from 'zod';
import { alibabaResponse, bool, list, num, resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

const tagGroup = z.looseObject({
  TagGroupId: str().optional().describe('Tag group ID (send it back as Id in outboundbot.ModifyTagGroups).'),
  TagGroup: str().optional().describe('Tag group name.'),
  TagGroupIndex: num().optional().describe('Display position of the group.'),
  ScriptId: str().optional().describe('Script ID.'),
});

const tag = z.looseObject({
  TagId: str().optional().describe('Tag ID (send it back as Id in outboundbot.ModifyTagGroups).'),
  TagName: str().optional().describe('Tag name.'),
  TagGroup: str().optional().describe('Name of the group the tag belongs to.'),
  TagIndex: num().optional().describe('Display position of the tag in its group.'),
  ScriptId: str().optional().describe('Script ID.'),
});

export default defineOperation({
  id: 'outboundbot.ListTags',
  title: 'List the tags of a script',
  description:
    "Returns all tag groups and tags (call-outcome labels) of a script, not paged. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Read this before outboundbot.ModifyTagGroups, which replaces the whole set; its items can be edited and sent back there (TagGroupId / TagId are accepted as Id). Tag hit counts per campaign come from outboundbot.DescribeTagHitsSummary.",
  access: 'read',
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    ScriptId: resourceId().describe('Script ID, from outboundbot.ListScripts.'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
    TagGroups: list(tagGroup).optional().describe('Tag groups of the script.'),
    Tags: list(tag).optional().describe('Tags of the script.'),
  }),
  examples: [
    {
      input: { InstanceId: '8fa1953f-4a84-46d8-b80c-8ce9cf684fb3', ScriptId: '8a4c6d3d-5ed6-44ca-b779-16c20f8862be' },
      wire: { InstanceId: '8fa1953f-4a84-46d8-b80c-8ce9cf684fb3', ScriptId: '8a4c6d3d-5ed6-44ca-b779-16c20f8862be' },
    },
  ],
});
