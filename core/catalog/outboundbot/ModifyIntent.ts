import { z } from 'zod';
import { resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, keywords, phrases, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.ModifyIntent',
  title: 'Modify an intent',
  description:
    "Replaces an intent's name and example Utterances (both required: the list replaces the stored one, so read the current values with outboundbot.DescribeIntent first), and optionally its Keywords (an empty array [] clears them) and description. Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and IntentId (outboundbot.ListIntents). Utterances and Keywords are arrays of strings, each sent as ONE JSON string.",
  access: 'write',
  resource: 'intent',
  idempotent: true,
  wire: {
    encoding: { Utterances: 'json', Keywords: 'json' },
  },
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    IntentId: resourceId().describe('ID of the intent to change, from outboundbot.ListIntents.'),
    IntentName: z.string().min(1).describe('Intent name (required; send the current name to keep it), unique within the script.'),
    Utterances: phrases('utterance').describe('The complete new list of example utterances, e.g. ["车险如何办理"]; sent as one JSON string.'),
    Keywords: keywords()
      .optional()
      .describe('The complete new list of keywords; [] clears them; omit to leave them unchanged; sent as one JSON string.'),
    IntentDescription: z.string().optional().describe('New description; omit to keep the current one.'),
  }),
  output: () => scriptResponse({
    IntentId: str().optional().describe('ID of the intent.'),
  }),
  examples: [
    {
      input: {
        InstanceId: '8fa1953f-4a84-46d8-b80c-8ce9cf684fb3',
        ScriptId: '9b70486f-b1c2-429c-8a24-62798015ab1b',
        IntentId: '3b9a2b33-50d4-4576-8c68-22498f4bf731',
        IntentName: '车险如何办理',
        Utterances: ['车险如何办理'],
        Keywords: [],
        IntentDescription: '询问车险意图',
      },
      wire: {
        InstanceId: '8fa1953f-4a84-46d8-b80c-8ce9cf684fb3',
        ScriptId: '9b70486f-b1c2-429c-8a24-62798015ab1b',
        IntentId: '3b9a2b33-50d4-4576-8c68-22498f4bf731',
        IntentName: '车险如何办理',
        Utterances: '["车险如何办理"]',
        Keywords: '[]',
        IntentDescription: '询问车险意图',
      },
    },
  ],
});
