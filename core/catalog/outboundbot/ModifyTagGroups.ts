import { z } from 'zod';
import { aliased, int, jsonValue, list, resourceId } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse, tagGroupOut, tagOut } from '../shared/outboundbot-config.js';

// Requests name the IDs "Id" while ListTags answers with TagGroupId / TagId: both are accepted (and sent as Id), so ListTags output can be edited and sent back.
const tagGroupInput = () => aliased(
  { Id: ['TagGroupId'] },
  z.strictObject({
    Id: resourceId().optional().describe('ID of an existing group (TagGroupId from outboundbot.ListTags); omit for a new group.'),
    ScriptId: resourceId().optional().describe('Script ID (the same as the ScriptId parameter).'),
    TagGroup: z.string().min(1).describe('Group name.'),
    TagGroupIndex: int(0).optional().describe('Display position of the group, from 0.'),
  }),
);

const tagInput = () => aliased(
  { Id: ['TagId'] },
  z.strictObject({
    Id: resourceId().optional().describe('ID of an existing tag (TagId from outboundbot.ListTags); omit for a new tag.'),
    ScriptId: resourceId().optional().describe('Script ID (the same as the ScriptId parameter).'),
    TagGroup: z.string().min(1).describe('Name of the group the tag belongs to (one of TagGroups).'),
    TagName: z.string().min(1).describe('Tag name.'),
    TagIndex: int(0).optional().describe('Display position of the tag in its group, as returned by outboundbot.ListTags.'),
  }),
);

export default defineOperation({
  id: 'outboundbot.ModifyTagGroups',
  title: "Replace a script's tag groups and tags",
  description:
    "Sets all tag groups and tags of a script in one call. Treat it as a full replacement (the docs do not say whether groups or tags left out are kept or deleted): read the current set with outboundbot.ListTags, edit it, and send every group and tag back. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). TagGroups and Tags are arrays of objects, each array sent as ONE JSON string; existing items keep their ID in Id (ListTags' TagGroupId / TagId are accepted and renamed), new items have none. Returns the stored groups and tags with their IDs.",
  access: 'write',
  resource: 'tag',
  check: ['TagGroups[].Id', 'Tags[].Id'],
  destructive: true,
  idempotent: true,
  wire: {
    encoding: { TagGroups: 'json', Tags: 'json' },
  },
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    TagGroups: jsonValue(z.array(tagGroupInput()).min(1)).describe('Every tag group of the script, e.g. [{"Id": "...", "TagGroup": "当前学历", "TagGroupIndex": 0}]; sent as one JSON string.'),
    Tags: jsonValue(z.array(tagInput())).describe('Every tag of the script, e.g. [{"Id": "...", "TagGroup": "当前学历", "TagName": "本科"}]; sent as one JSON string.'),
  }),
  output: () => scriptResponse({
    TagGroups: list(tagGroupOut()).optional().describe('The tag groups after the change.'),
    Tags: list(tagOut()).optional().describe('The tags after the change.'),
  }),
  examples: [
    {
      input: {
        InstanceId: 'cd560e89-0459-4c8a-ad98-47d713e4abd6',
        ScriptId: '365b955d-6f4d-4ab5-a6e1-9a301307f4b1',
        TagGroups: [{ Id: '54629be9-0746-464a-ab59-4830242cf644', ScriptId: '365b955d-6f4d-4ab5-a6e1-9a301307f4b1', TagGroup: '当前学历', TagGroupIndex: 0 }],
        Tags: [
          { Id: '19b23e92-4ee3-4129-8c2e-e1968670d887', ScriptId: '365b955d-6f4d-4ab5-a6e1-9a301307f4b1', TagGroup: '当前学历', TagName: '本科' },
          { TagGroup: '当前学历', TagName: '研究生' },
        ],
      },
      wire: {
        InstanceId: 'cd560e89-0459-4c8a-ad98-47d713e4abd6',
        ScriptId: '365b955d-6f4d-4ab5-a6e1-9a301307f4b1',
        TagGroups: '[{"Id":"54629be9-0746-464a-ab59-4830242cf644","ScriptId":"365b955d-6f4d-4ab5-a6e1-9a301307f4b1","TagGroup":"当前学历","TagGroupIndex":0}]',
        Tags: '[{"Id":"19b23e92-4ee3-4129-8c2e-e1968670d887","ScriptId":"365b955d-6f4d-4ab5-a6e1-9a301307f4b1","TagGroup":"当前学历","TagName":"本科"},{"TagGroup":"当前学历","TagName":"研究生"}]',
      },
    },
    {
      title: 'ListTags output sent back (TagGroupId/TagId become Id)',
      input: {
        InstanceId: 'cd560e89-0459-4c8a-ad98-47d713e4abd6',
        ScriptId: '365b955d-6f4d-4ab5-a6e1-9a301307f4b1',
        TagGroups: [{ TagGroupId: '54629be9-0746-464a-ab59-4830242cf644', TagGroup: '当前学历', TagGroupIndex: 0 }],
        Tags: [{ TagId: 'c8987ff8-4475-4a75-b994-e4f6411c6968', TagGroup: '当前学历', TagName: '研究生', TagIndex: 3 }],
      },
      wire: {
        InstanceId: 'cd560e89-0459-4c8a-ad98-47d713e4abd6',
        ScriptId: '365b955d-6f4d-4ab5-a6e1-9a301307f4b1',
        TagGroups: '[{"Id":"54629be9-0746-464a-ab59-4830242cf644","TagGroup":"当前学历","TagGroupIndex":0}]',
        Tags: '[{"Id":"c8987ff8-4475-4a75-b994-e4f6411c6968","TagGroup":"当前学历","TagName":"研究生","TagIndex":3}]',
      },
    },
  ],
});
