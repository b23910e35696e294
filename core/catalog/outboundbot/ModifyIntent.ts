import { z } from 'zod';
import { alibabaResponse, bool, list, num, resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

/** A non-empty list of phrases, sent as ONE JSON string; JSON text or a single phrase are accepted too. */
const phrases = (what: string) => list(z.string().min(1, `an empty ${what} is not allowed`)).refine((a) => a.length > 0, `must list at least one ${what}`);

export default defineOperation({
  id: 'outboundbot.ModifyIntent',
  title: 'Modify an intent',
  description:
    "Replaces an intent's name and example Utterances (both required: the list replaces the stored one, so read the current values with outboundbot.DescribeIntent first), and optionally its Keywords (an empty array [] clears them) and description. Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and IntentId (outboundbot.ListIntents). Utterances and Keywords are arrays of strings, each sent as ONE JSON string.",
  access: 'write',
  idempotent: true,
  encoding: { Utterances: 'json', Keywords: 'json' },
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    ScriptId: resourceId().describe('Script ID, from outboundbot.ListScripts.'),
    IntentId: resourceId().describe('ID of the intent to change, from outboundbot.ListIntents.'),
    IntentName: z.string().min(1).describe('Intent name (required; send the current name to keep it), unique within the script.'),
    Utterances: phrases('utterance').describe('The complete new list of example utterances, e.g. ["车险如何办理"]; sent as one JSON string.'),
    Keywords: list(z.string().min(1, 'an empty keyword is not allowed'))
      .optional()
      .describe('The complete new list of keywords; [] clears them; omit to leave them unchanged; sent as one JSON string.'),
    IntentDescription: z.string().optional().describe('New description; omit to keep the current one.'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
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
