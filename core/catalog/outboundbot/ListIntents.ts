import { z } from 'zod';
import { alibabaResponse, bool, int, list, num, resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

const intent = z.looseObject({
  IntentId: str().optional().describe('Intent ID.'),
  IntentName: str().optional().describe('Intent name.'),
  IntentDescription: str().optional().describe('Intent description.'),
  Utterances: list(str()).optional().describe('Example user utterances, as an array.'),
  Keywords: list(str()).optional().describe('Keywords, as an array.'),
  ScriptId: str().optional().describe('Script ID.'),
  CreateTime: num().optional().describe('Creation time, Unix epoch milliseconds.'),
  UpdateTime: num().optional().describe('Last update time, Unix epoch milliseconds.'),
});

export default defineOperation({
  id: 'outboundbot.ListIntents',
  title: 'List the intents of a script',
  description:
    "Lists a script's intents with their Utterances and Keywords (as arrays), one page at a time, optionally filtered by Keyword. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). IntentIds from here are used in dialogue-flow branches (outboundbot.ModifyDialogueFlow) and by outboundbot.ModifyIntent / DeleteIntent. Totals are in Intents.TotalCount.",
  access: 'read',
  pagination: { pageParam: 'PageNumber', sizeParam: 'PageSize', maxPageSize: 100, itemsPath: 'Intents.List', totalPath: 'Intents.TotalCount' },
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    ScriptId: resourceId().describe('Script ID, from outboundbot.ListScripts.'),
    PageNumber: int(1).describe('Page number, starting at 1.'),
    PageSize: int(1, 100).describe('Items per page, 1-100 (the docs state no maximum; 100 is the largest page they show).'),
    Keyword: z.string().optional().describe('Only intents matching this keyword; omit for all.'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
    Intents: z
      .looseObject({
        List: list(intent).describe('Intents on this page.'),
        PageNumber: num().optional().describe('Page number returned.'),
        PageSize: num().optional().describe('Page size returned.'),
        TotalCount: num().optional().describe('Total number of items across all pages.'),
      })
      .optional()
      .describe('One page of intents.'),
  }),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'b9ff4e88-65f9-4eb3-987c-11ba51f3f24d', PageNumber: 1, PageSize: 10 },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'b9ff4e88-65f9-4eb3-987c-11ba51f3f24d', PageNumber: '1', PageSize: '10' },
    },
    {
      title: 'Filtered by keyword',
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'b9ff4e88-65f9-4eb3-987c-11ba51f3f24d', PageNumber: 1, PageSize: 20, Keyword: '还款' },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'b9ff4e88-65f9-4eb3-987c-11ba51f3f24d', PageNumber: '1', PageSize: '20', Keyword: '还款' },
    },
  ],
});
