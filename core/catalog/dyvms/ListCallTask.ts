import { z } from 'zod';
import { alibabaResponse, int, list, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { numericId } from './shared/fields.js';

const STATUSES = ['INIT', 'RELEASE', 'RUNNING', 'STOP', 'SYSTEM_STOP', 'CANCEL', 'SYSTEM_CANCEL', 'DONE'] as const;

export default defineOperation({
  id: 'dyvms.ListCallTask',
  title: 'List batch tasks (Task Center)',
  description:
    'Lists Task Center tasks with status and progress, filterable by task ID, name, template and status, one page at a time (PageNumber/PageSize). ' +
    'Use it after dyvms.CreateCallTask / dyvms.ExecuteCallTask to watch a task; per-callee results come from dyvms.ListCallTaskDetail. ' +
    'Status: INIT new, RELEASE parsing, RUNNING, STOP paused, SYSTEM_STOP, CANCEL, SYSTEM_CANCEL, DONE. FireTime/CompleteTime are Unix ms. CompletedRate is a number whose scale is undocumented (the examples show 10000 for a finished task, i.e. hundredths of a percent). Success is Code "200".',
  access: 'read',
  resource: 'batchTask',
  qps: 100,
  pagination: { pageParam: 'PageNumber', sizeParam: 'PageSize', maxPageSize: 50, itemsPath: 'Data', totalPath: 'Total' },
  input: () => z.strictObject({
    PageNumber: int(1).default(1).describe('Page number, from 1 (default 1; the vendor requires it, so it is always sent).'),
    PageSize: int(1).optional().describe('Tasks per page (default 10).'),
    TemplateName: z.string().min(1).optional().describe('Filter by template name.'),
    Status: z.enum(STATUSES).optional().describe('Filter by status: INIT, RELEASE, RUNNING, STOP, SYSTEM_STOP, CANCEL, SYSTEM_CANCEL or DONE.'),
    TaskName: z.string().min(1).optional().describe('Filter by task name.'),
    TaskId: numericId().optional().describe('Filter by task ID.'),
    BizType: z.enum(['VMS_VOICE_TTS', 'VMS_VOICE_CODE', 'VMS_TTS']).optional().describe('Filter by template type.'),
  }),
  output: () => alibabaResponse({
    PageNumber: num().optional().describe('Page number.'),
    PageSize: num().optional().describe('Page size.'),
    Total: num().optional().describe('Total tasks matching the filter.'),
    Data: list(
      z.looseObject({
        Id: str().optional().describe('Task ID.'),
        TaskName: str().optional().describe('Task name.'),
        Status: str().optional().describe('Task status (see the description).'),
        BizType: str().optional().describe('Template type.'),
        TemplateCode: str().optional().describe('Template ID.'),
        TemplateName: str().optional().describe('Template name.'),
        Resource: str().optional().describe('Caller number.'),
        DataType: str().optional().describe('How callees were given: LIST, JSON or FILE.'),
        Data: str().optional().describe('Name of the uploaded callee file.'),
        TotalCount: num().optional().describe('Number of callees.'),
        CompletedCount: num().optional().describe('Callees done.'),
        CompletedRate: num().optional().describe('Progress; scale undocumented (10000 seen for a finished task).'),
        FireTime: num().optional().describe('Start time, Unix ms.'),
        CompleteTime: num().optional().describe('Completion time, Unix ms.'),
        StopTime: num().optional().describe('Stop time, Unix ms (documented as not available).'),
      }),
    )
      .optional()
      .describe('Tasks on this page.'),
  }),
  examples: [
    { input: {}, wire: { PageNumber: '1' } },
    {
      title: 'Filtered',
      input: { PageNumber: '2', PageSize: 20, Status: 'DONE', BizType: 'VMS_VOICE_TTS', TaskId: 1510010000 },
      wire: { PageNumber: '2', PageSize: '20', Status: 'DONE', BizType: 'VMS_VOICE_TTS', TaskId: '1510010000' },
    },
  ],
});
