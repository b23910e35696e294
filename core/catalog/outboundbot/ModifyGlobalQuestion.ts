import { z } from 'zod';
import { aliased, resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, phrases, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.ModifyGlobalQuestion',
  title: 'Modify a global question',
  description:
    'Replaces a global question\'s name, type, trigger Questions and Answers: all four are required, so read the current values with outboundbot.DescribeGlobalQuestion and send back what you keep (the lists replace the stored ones). Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and GlobalQuestionId (outboundbot.ListGlobalQuestions). Questions and Answers are arrays of strings, each sent as ONE JSON string. The docs\' table calls the returned ID DialogueQuestionId, their examples GlobalQuestionId: it is returned here as GlobalQuestionId.',
  access: 'write',
  resource: 'globalQuestion',
  idempotent: true,
  wire: {
    encoding: { Questions: 'json', Answers: 'json' },
  },
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    GlobalQuestionId: resourceId().describe('ID of the global question to change, from outboundbot.ListGlobalQuestions.'),
    GlobalQuestionName: z.string().min(1).describe('Name (required; send the current name to keep it), unique within the script.'),
    GlobalQuestionType: z.string().min(1).describe('Type, normally COMMON (required; send the current type to keep it).'),
    Questions: phrases('question').describe('The complete new list of trigger utterances, e.g. ["你是谁", "你叫什么"]; sent as one JSON string.'),
    Answers: phrases('answer').describe('The complete new list of replies, e.g. ["你好，我是你的专属客服顾问。"]; sent as one JSON string.'),
  }),
  output: () => aliased(
    { GlobalQuestionId: ['DialogueQuestionId'] },
    scriptResponse({
      GlobalQuestionId: str().optional().describe('ID of the global question (sent by the vendor as GlobalQuestionId or DialogueQuestionId).'),
    }),
  ),
  examples: [
    {
      input: {
        InstanceId: '8fa1953f-4a84-46d8-b80c-8ce9cf684fb3',
        ScriptId: '19ac2375-53e3-477f-abe9-6cd334227981',
        GlobalQuestionId: 'ad80de88-1661-445a-92ec-bf88dc45d581',
        GlobalQuestionName: '你是谁',
        GlobalQuestionType: 'COMMON',
        Questions: ['你是谁', '你叫什么'],
        Answers: ['你好,我是你的专属客服顾问.'],
      },
      wire: {
        InstanceId: '8fa1953f-4a84-46d8-b80c-8ce9cf684fb3',
        ScriptId: '19ac2375-53e3-477f-abe9-6cd334227981',
        GlobalQuestionId: 'ad80de88-1661-445a-92ec-bf88dc45d581',
        GlobalQuestionName: '你是谁',
        GlobalQuestionType: 'COMMON',
        Questions: '["你是谁","你叫什么"]',
        Answers: '["你好,我是你的专属客服顾问."]',
      },
    },
  ],
});
