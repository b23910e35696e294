import { z } from 'zod';
import { list, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, pagedBy, pageNumberParam, pageOf, pageSizeParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

const globalQuestion = () => z.looseObject({
  GlobalQuestionId: str().optional().describe('Global question ID.'),
  GlobalQuestionName: str().optional().describe('Name.'),
  GlobalQuestionType: str().optional().describe('COMMON (your own) or SYSTEM (built in, e.g. the not-understood answer).'),
  Questions: list(str()).optional().describe('Trigger utterances, as an array (parsed from the JSON text the vendor sends).'),
  Answers: list(str()).optional().describe('Replies, as an array (parsed from the JSON text the vendor sends).'),
  ScriptId: str().optional().describe('Script ID.'),
});

export default defineOperation({
  id: 'outboundbot.ListGlobalQuestions',
  title: 'List the global questions of a script',
  description:
    "Lists a script's global questions (your COMMON ones and built-in SYSTEM ones), one page at a time. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). The vendor sends Questions and Answers as JSON text here (arrays in DescribeGlobalQuestion): both are returned as arrays of strings. Totals are in GlobalQuestions.TotalCount.",
  access: 'read',
  resource: 'globalQuestion',
  pagination: pagedBy('GlobalQuestions'),
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    PageNumber: pageNumberParam(),
    PageSize: pageSizeParam(),
  }),
  output: () => scriptResponse({
    GlobalQuestions: pageOf(globalQuestion(), 'global questions'),
  }),
  examples: [
    {
      input: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', ScriptId: 'aa279896-64a6-4182-864c-4f2b04ec8d17', PageNumber: 1, PageSize: 10 },
      wire: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', ScriptId: 'aa279896-64a6-4182-864c-4f2b04ec8d17', PageNumber: '1', PageSize: '10' },
    },
  ],
});
