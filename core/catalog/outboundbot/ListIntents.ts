import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, intentOut, pagedBy, pageNumberParam, pageOf, pageSizeParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.ListIntents',
  title: 'List the intents of a script',
  description:
    "Lists a script's intents with their Utterances and Keywords (as arrays), one page at a time, optionally filtered by Keyword. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). IntentIds from here are used in dialogue-flow branches (outboundbot.ModifyDialogueFlow) and by outboundbot.ModifyIntent / DeleteIntent. Totals are in Intents.TotalCount.",
  access: 'read',
  resource: 'intent',
  pagination: pagedBy('Intents'),
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    PageNumber: pageNumberParam(),
    PageSize: pageSizeParam(),
    Keyword: z.string().optional().describe('Only intents matching this keyword; omit for all.'),
  }),
  output: () => scriptResponse({
    Intents: pageOf(intentOut(), 'intents'),
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
