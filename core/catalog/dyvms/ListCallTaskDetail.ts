import { z } from 'zod';
import { alibabaResponse, int, list, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callTaskId, pageNo } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.ListCallTaskDetail',
  title: 'List per-callee results of a batch task',
  description:
    'Lists the outcome of each callee of one Task Center task (SUCCESS, FAIL, or INIT = not called yet) with talk time and caller number, one page at a time (PageNumber/PageSize). ' +
    'Use it after dyvms.ExecuteCallTask; task-level progress is in dyvms.ListCallTask. Unlike the rest of the Task Center family, success here is Code "OK" (both are accepted).',
  access: 'read',
  resource: 'batchTask',
  qps: 100,
  pagination: { pageParam: 'PageNumber', sizeParam: 'PageSize', maxPageSize: 50, itemsPath: 'Data', totalPath: 'Total' },
  input: () => z.strictObject({
    TaskId: callTaskId().describe('ID of the task from dyvms.CreateCallTask.'),
    CalledNum: z.string().regex(/^\+?\d{3,20}$/, 'must be a phone number (digits)').optional().describe('Filter by callee number.'),
    Status: z.enum(['SUCCESS', 'FAIL', 'INIT']).optional().describe('Filter by outcome: SUCCESS, FAIL, or INIT (not called yet).'),
    PageNumber: pageNo().optional().describe('Page number, from 1 (default 1).'),
    PageSize: int(1).optional().describe('Callees per page (default 10).'),
  }),
  output: () => alibabaResponse({
    TotalPage: num().optional().describe('Number of pages.'),
    PageNumber: num().optional().describe('Page number.'),
    PageSize: num().optional().describe('Page size.'),
    Total: num().optional().describe('Total callees matching the filter.'),
    Data: list(
      z.looseObject({
        CalledNum: str().optional().describe('Callee number.'),
        Caller: str().optional().describe('Caller number used.'),
        Status: str().optional().describe('SUCCESS, FAIL or INIT (not called yet).'),
        Duration: num().optional().describe('Talk time in seconds.'),
        Id: str().optional().describe('Record ID (documented as not available).'),
      }),
    )
      .optional()
      .describe('Callees on this page.'),
  }),
  examples: [
    {
      input: { TaskId: '1500010000', Status: 'FAIL', PageNumber: 1, PageSize: 10 },
      wire: { TaskId: '1500010000', Status: 'FAIL', PageNumber: '1', PageSize: '10' },
    },
  ],
});
