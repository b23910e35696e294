import { z } from 'zod';
import { alibabaResponse, int, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { day, jsonList, pageNo } from './shared/fields.js';

const STATUSES = ['INIT', 'READY', 'DISPATCH', 'EXCUTING', 'MANUAL_STOP', 'SYSTEM_STOP', 'ARREARS_STOP', 'CANCEL', 'SYSTEM_CANCEL', 'FINISH'] as const;

export default defineOperation({
  id: 'dyvms.QueryRobotTaskList',
  title: 'List robot tasks',
  description:
    'Lists robot tasks with status and progress (totalCount/finishCount), filterable by name, status and creation day, one page at a time (PageNo/PageSize). ' +
    'Use it to watch campaigns started with dyvms.StartRobotTask; one task\'s configuration is in dyvms.QueryRobotTaskDetail, its calls in dyvms.QueryRobotTaskCallList. ' +
    'Status values: INIT not started, READY, DISPATCH parsing, EXCUTING running (the vendor\'s spelling; EXECUTING is accepted as a filter and sent as EXCUTING), MANUAL_STOP paused, SYSTEM_STOP, ARREARS_STOP paused for arrears, CANCEL terminated, SYSTEM_CANCEL, FINISH. ' +
    'The doc swaps the descriptions of the response PageNo and PageSize; they carry the page number and page size.',
  access: 'read',
  resource: 'robotTask',
  qps: 100,
  pagination: { pageParam: 'PageNo', sizeParam: 'PageSize', maxPageSize: 50, itemsPath: 'Data', totalPath: 'TotalCount' },
  input: () => z.strictObject({
    TaskName: z.string().min(1).optional().describe('Filter by task name.'),
    Status: z
      .preprocess((v) => (v === 'EXECUTING' ? 'EXCUTING' : v), z.enum(STATUSES))
      .optional()
      .describe('Filter by status: INIT, READY, DISPATCH, EXCUTING (running; vendor spelling, EXECUTING accepted), MANUAL_STOP, SYSTEM_STOP, ARREARS_STOP, CANCEL, SYSTEM_CANCEL or FINISH.'),
    Time: day().optional().describe('Filter by creation day, "yyyy-MM-dd".'),
    PageSize: int(1).optional().describe('Tasks per page (the doc states no maximum).'),
    PageNo: pageNo().optional().describe('Page number, from 1.'),
  }),
  output: () => alibabaResponse({
    Data: jsonList(
      z.looseObject({
        id: str().optional().describe('Task ID.'),
        taskName: str().optional().describe('Task name.'),
        robotId: str().optional().describe('Robot script ID.'),
        robotName: str().optional().describe('Robot script name.'),
        status: str().optional().describe('Task status (EXCUTING = running; see the description).'),
        scheduleType: str().optional().describe('SINGLE = started immediately, ORDER = scheduled.'),
        createTime: str().optional().describe('Creation time (documented yyyy.MM.dd HH:mm:ss).'),
        fireTime: str().optional().describe('Start time.'),
        completeTime: str().optional().describe('Completion time.'),
        totalCount: num().optional().describe('Numbers in the task.'),
        finishCount: num().optional().describe('Numbers already called.'),
      }),
    )
      .optional()
      .describe('Tasks on this page (sent as JSON text; returned parsed).'),
    PageNo: num().optional().describe('Page number.'),
    PageSize: num().optional().describe('Page size.'),
    TotalCount: num().optional().describe('Total tasks matching the filter.'),
  }),
  examples: [
    {
      input: { Status: 'EXECUTING', Time: '2019-06-14', PageNo: 1, PageSize: 20 },
      wire: { Status: 'EXCUTING', Time: '2019-06-14', PageNo: '1', PageSize: '20' },
    },
  ],
});
