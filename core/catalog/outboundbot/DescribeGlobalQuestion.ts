import { z } from 'zod';
import { list, resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

const globalQuestion = () => z.looseObject({
  GlobalQuestionId: str().optional().describe('Global question ID.'),
  GlobalQuestionName: str().optional().describe('Name.'),
  GlobalQuestionType: str().optional().describe('COMMON (your own) or SYSTEM (built in).'),
  Questions: list(str()).optional().describe('Trigger utterances, as an array (the vendor sends an array here but JSON text in ListGlobalQuestions).'),
  Answers: list(str()).optional().describe('Replies, as an array.'),
  ScriptId: str().optional().describe('Script ID.'),
});

export default defineOperation({
  id: 'outboundbot.DescribeGlobalQuestion',
  title: 'Get a global question',
  description:
    'Returns one global question of a script with its trigger Questions and Answers as arrays of strings. Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and GlobalQuestionId (outboundbot.ListGlobalQuestions). Use it before outboundbot.ModifyGlobalQuestion, which replaces all fields.',
  access: 'read',
  resource: 'globalQuestion',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    GlobalQuestionId: resourceId().describe('Global question ID, from outboundbot.ListGlobalQuestions.'),
  }),
  output: () => scriptResponse({
    GlobalQuestion: globalQuestion().optional().describe('The global question.'),
  }),
  examples: [
    {
      input: { InstanceId: '7cefbff0-8d50-4d6f-b93c-73cee23c1555', ScriptId: 'b7ee988b-2837-4bc1-9d56-f76e7c831f60', GlobalQuestionId: 'e851e242-ad67-4507-96a2-d4114564dcec' },
      wire: { InstanceId: '7cefbff0-8d50-4d6f-b93c-73cee23c1555', ScriptId: 'b7ee988b-2837-4bc1-9d56-f76e7c831f60', GlobalQuestionId: 'e851e242-ad67-4507-96a2-d4114564dcec' },
    },
  ],
});
