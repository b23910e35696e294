import { z } from 'zod';
import { str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, phrases, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.CreateGlobalQuestion',
  title: 'Create a global question',
  description:
    'Adds a global question to a script: user utterances (Questions) that the robot answers with one of Answers at any point of the conversation, e.g. "who are you?", or what to say when it did not understand. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Give Questions and Answers as arrays of strings; each travels as ONE JSON string (e.g. Questions=["你是谁","你叫什么"]), as the vendor expects. Names must be unique in the script (InvalidGlobalQuestionName.Duplicated). Returns GlobalQuestionId. Changes reach calls only after outboundbot.PublishScriptForDebug / outboundbot.SubmitScriptReview.',
  access: 'write',
  resource: 'globalQuestion',
  wire: {
    encoding: { Questions: 'json', Answers: 'json' },
  },
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    GlobalQuestionName: z.string().min(1).describe('Name of the global question, unique within the script.'),
    GlobalQuestionType: z.string().min(1).describe('Type: COMMON for your own questions (the only value the docs use for creation; SYSTEM marks built-in ones in list results).'),
    Questions: phrases('question').describe('User utterances that trigger this answer, e.g. ["你是谁", "你叫什么"]; sent as one JSON string.'),
    Answers: phrases('answer').describe('What the robot may reply (one is picked), e.g. ["我是客服小王"]; sent as one JSON string.'),
  }),
  output: () => scriptResponse({
    GlobalQuestionId: str().optional().describe('ID of the new global question.'),
  }),
  examples: [
    {
      input: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        ScriptId: '63cc3b45-feb2-4676-a7d7-f717001fa1e1',
        GlobalQuestionName: '你是谁全局问题',
        GlobalQuestionType: 'COMMON',
        Questions: ['你是谁？', '你谁啊'],
        Answers: ['我是蚂蚁花呗客服'],
      },
      wire: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        ScriptId: '63cc3b45-feb2-4676-a7d7-f717001fa1e1',
        GlobalQuestionName: '你是谁全局问题',
        GlobalQuestionType: 'COMMON',
        Questions: '["你是谁？","你谁啊"]',
        Answers: '["我是蚂蚁花呗客服"]',
      },
    },
    {
      title: 'JSON text as in the vendor docs is not encoded twice',
      input: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        ScriptId: '36fea72b-d6fa-4974-ace7-19ffe3f622fb',
        GlobalQuestionName: '未识别全局问题',
        GlobalQuestionType: 'COMMON',
        Questions: '["未识别的用户问题"]',
        Answers: '["你好,您可以再说一遍吗","不好意思我刚才没有听清"]',
      },
      wire: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        ScriptId: '36fea72b-d6fa-4974-ace7-19ffe3f622fb',
        GlobalQuestionName: '未识别全局问题',
        GlobalQuestionType: 'COMMON',
        Questions: '["未识别的用户问题"]',
        Answers: '["你好,您可以再说一遍吗","不好意思我刚才没有听清"]',
      },
    },
  ],
});
