import { z } from 'zod';
import { flag } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { regionId, resourceIds, resourceType } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.UntagResources',
  title: 'Remove resource tags',
  description:
    'Removes tags from outbound-bot resources (instances): the tags named in TagKey, or, with All=true and no TagKey, every tag of those resources. One of the two is required here (the vendor would otherwise receive a request that removes nothing); All=true together with TagKey is refused as ambiguous (the vendor ignores All then). See current tags with outboundbot.ListTagResources.',
  access: 'write',
  resource: 'resourceTag',
  input: () => z
    .strictObject({
      RegionId: regionId(),
      ResourceType: resourceType(),
      ResourceId: resourceIds(),
      TagKey: z.array(z.string().min(1)).min(1).max(20).optional().describe('Keys of the tags to remove, 1-20; sent as TagKey.1, TagKey.2, ...'),
      All: flag().optional().describe('true = remove ALL tags of the given resources; only when TagKey is not given (default false).'),
    })
    .superRefine((i, ctx) => {
      if (i.All === true && i.TagKey) {
        ctx.addIssue({ code: 'custom', path: ['All'], message: 'All=true removes every tag and the vendor ignores it when TagKey is given; send either TagKey or All=true, not both' });
      }
      if (i.All !== true && !i.TagKey) {
        ctx.addIssue({ code: 'custom', path: ['TagKey'], message: 'say which tags to remove: TagKey, or All=true for all tags' });
      }
    }),
  output: () => outboundbotResponse({}),
  examples: [
    {
      input: { ResourceId: ['b949ae1f-01dc-4191-ae5a-70fbe6772fd8'], TagKey: ['team'] },
      wire: {
        RegionId: 'cn-shanghai',
        ResourceType: 'instance',
        'ResourceId.1': 'b949ae1f-01dc-4191-ae5a-70fbe6772fd8',
        'TagKey.1': 'team',
      },
    },
  ],
});
