import { z } from 'zod';
import { alibabaResponse, bool, int, list, num, resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

const globalQuestion = z.looseObject({
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
  pagination: { pageParam: 'PageNumber', sizeParam: 'PageSize', maxPageSize: 100, itemsPath: 'GlobalQuestions.List', totalPath: 'GlobalQuestions.TotalCount' },
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    ScriptId: resourceId().describe('Script ID, from outboundbot.ListScripts.'),
    PageNumber: int(1).describe('Page number, starting at 1.'),
    PageSize: int(1, 100).describe('Items per page, 1-100 (the docs state no maximum; 100 is the largest page they show).'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
    GlobalQuestions: z
      .looseObject({
        List: list(globalQuestion).describe('Global questions on this page.'),
        PageNumber: num().optional().describe('Page number returned.'),
        PageSize: num().optional().describe('Page size returned.'),
        TotalCount: num().optional().describe('Total number of items across all pages.'),
      })
      .optional()
      .describe('One page of global questions.'),
  }),
  examples: [
    {
      input: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', ScriptId: 'aa279896-64a6-4182-864c-4f2b04ec8d17', PageNumber: 1, PageSize: 10 },
      wire: { InstanceId: '361c8a53-0e29-42f3-8aa7-c7752d010399', ScriptId: 'aa279896-64a6-4182-864c-4f2b04ec8d17', PageNumber: '1', PageSize: '10' },
    },
  ],
});
