import { z } from 'zod';
import { list, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceId, jobGroupId } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse } from '../shared/outboundbot-answers.js';

const tagHit = () => z.looseObject({
  TagGroup: str().optional().describe('Tag group name.'),
  TagName: str().optional().describe('Tag name.'),
  HitCount: num().optional().describe('Calls that hit this tag.'),
});

export default defineOperation({
  id: 'outboundbot.DescribeTagHitsSummary',
  title: 'Count call-outcome tags of a campaign',
  description:
    'Returns how many calls of a job group hit each tag (the call-outcome labels defined in the script, e.g. "interested", "wrong person"): TagHitsList [{TagGroup, TagName, HitCount}] and the script\'s TagGroups. Get JobGroupId from outboundbot.CreateJobGroup or ListJobGroups. The vendor table nests TagHitsList inside TagGroups while its examples put it at the top level; both places are accepted.',
  access: 'read',
  listItems: 'TagHitsList',
  resource: 'jobGroup',
  input: () => z.strictObject({
    InstanceId: instanceId(),
    JobGroupId: jobGroupId(),
  }),
  output: () => outboundbotResponse({
    TagHitsList: list(tagHit()).optional().describe('Hit counts per tag.'),
    TagGroups: list(
      z.looseObject({
        Id: str().optional(),
        ScriptId: str().optional(),
        TagGroup: str().optional().describe('Tag group name.'),
        TagGroupIndex: num().optional().describe('Position of the group.'),
        TagHitsList: list(tagHit()).optional().describe('Hit counts per tag of this group (where the vendor table puts them).'),
      }),
    )
      .optional()
      .describe('Tag groups of the script.'),
  }),
  examples: [
    {
      input: { InstanceId: '8fa1953f-4a84-46d8-b80c-8ce9cf684fb3', JobGroupId: '8a4c6d3d-5ed6-44ca-b779-16c20f8862be' },
      wire: { InstanceId: '8fa1953f-4a84-46d8-b80c-8ce9cf684fb3', JobGroupId: '8a4c6d3d-5ed6-44ca-b779-16c20f8862be' },
    },
  ],
});
