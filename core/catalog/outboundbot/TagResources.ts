import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { regionId, resourceIds, resourceType, tagPairs } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.TagResources',
  title: 'Tag resources',
  description:
    'Attaches tags (key/value pairs) to outbound-bot resources (instances, IDs from outboundbot.ListInstances). At least one tag is required here: the vendor marks tags optional and its example sends none, which does nothing. Check the result with outboundbot.ListTagResources.',
  access: 'write',
  resource: 'resourceTag',
  input: () => z.strictObject({
    RegionId: regionId(),
    ResourceType: resourceType(),
    ResourceId: resourceIds(),
    Tag: tagPairs()
      .describe('Tags to attach as [{Key, Value}], 1-20; sent as Tag.1.Key, Tag.1.Value, ...'),
  }),
  output: () => outboundbotResponse({}),
  examples: [
    {
      input: {
        ResourceId: ['b949ae1f-01dc-4191-ae5a-70fbe6772fd8', 'dcfebfbc-9243-4a41-8253-f05b35df7b57'],
        Tag: [{ Key: 'team', Value: 'sales' }],
      },
      wire: {
        RegionId: 'cn-shanghai',
        ResourceType: 'instance',
        'ResourceId.1': 'b949ae1f-01dc-4191-ae5a-70fbe6772fd8',
        'ResourceId.2': 'dcfebfbc-9243-4a41-8253-f05b35df7b57',
        'Tag.1.Key': 'team',
        'Tag.1.Value': 'sales',
      },
    },
  ],
});
