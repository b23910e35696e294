import { z } from 'zod';
import { list, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { regionId, resourceType, tagPairs } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.ListTagResources',
  title: 'List resource tags',
  description:
    'Lists tag key/value bindings of outbound-bot resources (instances), optionally only for given ResourceIds and/or tags. Paged by token, not by page number: when the answer carries a NextToken, call again with that NextToken (and the same filters) for the next page; no NextToken means the last page. Tag resources with outboundbot.TagResources, remove tags with UntagResources.',
  access: 'read',
  listItems: 'TagResources',
  resource: 'resourceTag',
  input: () => z.strictObject({
    RegionId: regionId(),
    ResourceType: resourceType(),
    ResourceId: z
      .array(z.string().min(1))
      .min(1)
      .max(50)
      .optional()
      .describe('Filter: resource (instance) IDs, 1-50; sent as ResourceId.1, ResourceId.2, ...'),
    Tag: tagPairs()
      .optional()
      .describe('Filter: tags as [{Key, Value}], 1-20; sent as Tag.1.Key, Tag.1.Value, ...'),
    NextToken: z.string().min(1).optional().describe('NextToken from the previous answer, to get the next page.'),
  }),
  output: () => outboundbotResponse({
    NextToken: str().optional().describe('Pass it back as NextToken for the next page; absent on the last page.'),
    TagResources: list(
      z.looseObject({
        ResourceId: str().optional(),
        ResourceType: str().optional(),
        TagKey: str().optional(),
        TagValue: str().optional(),
      }),
    )
      .optional()
      .describe('Tag bindings.'),
  }),
  examples: [
    {
      input: { ResourceId: ['b949ae1f-01dc-4191-ae5a-70fbe6772fd8'], Tag: [{ Key: 'team', Value: 'sales' }] },
      wire: {
        RegionId: 'cn-shanghai',
        ResourceType: 'instance',
        'ResourceId.1': 'b949ae1f-01dc-4191-ae5a-70fbe6772fd8',
        'Tag.1.Key': 'team',
        'Tag.1.Value': 'sales',
      },
    },
  ],
});
