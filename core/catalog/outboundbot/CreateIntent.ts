import { z } from 'zod';
import { str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, keywords, phrases, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.CreateIntent',
  title: 'Create an intent',
  description:
    'Creates an intent in a script: a class of user answers (e.g. "is the account holder", "agrees to pay") recognised from example Utterances and optional Keywords, which dialogue-flow branches then refer to. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Give Utterances and Keywords as arrays of strings; each travels as ONE JSON string (Utterances=["是","是的"]), as the vendor expects (the docs\' table types Keywords as a plain string, their example sends a JSON array: a JSON array is sent). Names must be unique in the script (InvalidIntentName.Duplicated). Returns IntentId; use it in a branch of outboundbot.ModifyDialogueFlow.',
  access: 'write',
  resource: 'intent',
  wire: {
    encoding: { Utterances: 'json', Keywords: 'json' },
  },
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    IntentName: z.string().min(1).describe('Intent name, unique within the script, e.g. "是本人" (is the account holder).'),
    Utterances: phrases('utterance').describe('Example user utterances for this intent, e.g. ["是", "是的", "是我"]; empty strings are refused; sent as one JSON string.'),
    Keywords: keywords()
      .optional()
      .describe('Keywords that also select this intent (and can filter outboundbot.ListIntents), e.g. ["留学美国"]; sent as one JSON string.'),
    IntentDescription: z.string().optional().describe('Free-text description of the intent.'),
  }),
  output: () => scriptResponse({
    IntentId: str().optional().describe('ID of the new intent.'),
  }),
  examples: [
    {
      input: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        ScriptId: '63cc3b45-feb2-4676-a7d7-f717001fa1e1',
        IntentName: '留学目的地-美国',
        Utterances: ['美国', '去美国'],
        Keywords: ['留学美国'],
      },
      wire: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        ScriptId: '63cc3b45-feb2-4676-a7d7-f717001fa1e1',
        IntentName: '留学目的地-美国',
        Utterances: '["美国","去美国"]',
        Keywords: '["留学美国"]',
      },
    },
    {
      title: 'A single keyword given as a plain string (the docs\' table form) still goes as a JSON array',
      input: {
        InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399',
        ScriptId: 'b06fad9a-cc74-4ab6-b3a5-8d062adebf2c',
        IntentName: '是本人',
        IntentDescription: '确定是本人的意图',
        Utterances: ['是', '是的', '是啊', '嗯嗯', '是我'],
        Keywords: '是',
      },
      wire: {
        InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399',
        ScriptId: 'b06fad9a-cc74-4ab6-b3a5-8d062adebf2c',
        IntentName: '是本人',
        IntentDescription: '确定是本人的意图',
        Utterances: '["是","是的","是啊","嗯嗯","是我"]',
        Keywords: '["是"]',
      },
    },
  ],
});
