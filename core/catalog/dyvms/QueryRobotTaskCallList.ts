import { z } from 'zod';
import { coded, alibabaResponse, int } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { HANGUP_DIRECTION_REQUEST_CODES, jsonList, robotTaskId, pageNo, robotCallRecord } from './shared/fields.js';

const CALL_RESULTS = { '200002': 'Busy', '200005': 'Unreachable', '200010': 'Powered off', '200011': 'Suspended', '200012': 'Call loss' } as const;
const CALL_RESULT_CODES = Object.keys(CALL_RESULTS) as [keyof typeof CALL_RESULTS, ...(keyof typeof CALL_RESULTS)[]];

export default defineOperation({
  id: 'dyvms.QueryRobotTaskCallList',
  title: 'List the calls of a robot task',
  description:
    'Lists the per-callee call records of one robot task (result, duration, dialogue rounds, labels, who hung up, transfer outcome), filterable by duration, rounds, hang-up side, result and callee, one page at a time (PageNo/PageSize). ' +
    'Use it after dyvms.StartRobotTask; one call\'s transcript and recording come from dyvms.QueryRobotTaskCallDetail. ' +
    'Trap handled here: the vendor\'s HangupDirection codes are inverted between this request (0 = user, 1 = robot) and its responses (1 = user, 0 = robot). Filter with HangupDirection "user" or "robot"; each record carries hangupSide decoded with the response meaning. ' +
    'The response has no total: stop paging when a page has fewer records than PageSize.',
  access: 'read',
  resource: 'robotTask',
  qps: 100,
  pagination: { pageParam: 'PageNo', sizeParam: 'PageSize', maxPageSize: 50, itemsPath: 'Data' },
  wire: {
    wireValues: { HangupDirection: HANGUP_DIRECTION_REQUEST_CODES },
  },
  input: () => z
    .strictObject({
      TaskId: robotTaskId().describe('ID of the robot task (sent as text; this API types it String, the others Long).'),
      PageNo: pageNo().optional().describe('Page number, from 1.'),
      PageSize: int(1).optional().describe('Records per page (the doc states no maximum).'),
      DurationFrom: int(0).optional().describe('Minimum talk time in seconds.'),
      DurationTo: int(0).optional().describe('Maximum talk time in seconds.'),
      DialogCountFrom: int(0).optional().describe('Minimum number of dialogue rounds.'),
      DialogCountTo: int(0).optional().describe('Maximum number of dialogue rounds.'),
      HangupDirection: z
        .enum(['user', 'robot'])
        .optional()
        .describe('Only calls hung up by this side: "user" (the callee) or "robot". Sent as the vendor\'s request code (user = 0, robot = 1), which is the inverse of the response code.'),
      CallResult: coded(z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.enum(CALL_RESULT_CODES)), CALL_RESULTS)
        .optional()
        .describe('Filter by call result: 200002 busy, 200005 unreachable, 200010 power-off, 200011 suspended, 200012 call loss.'),
      Called: z.string().regex(/^\+?\d{3,20}$/, 'must be a phone number (digits)').optional().describe('Filter by callee number.'),
    })
    .superRefine((input, ctx) => {
      if (input.DurationFrom !== undefined && input.DurationTo !== undefined && input.DurationFrom > input.DurationTo) {
        ctx.addIssue({ code: 'custom', path: ['DurationTo'], message: 'must not be less than DurationFrom' });
      }
      if (input.DialogCountFrom !== undefined && input.DialogCountTo !== undefined && input.DialogCountFrom > input.DialogCountTo) {
        ctx.addIssue({ code: 'custom', path: ['DialogCountTo'], message: 'must not be less than DialogCountFrom' });
      }
    }),
  output: () => alibabaResponse({
    Data: jsonList(robotCallRecord())
      .optional()
      .describe('Call records on this page (sent as JSON text; returned parsed, each with hangupSide and knowledgeCount normalised).'),
  }),
  examples: [
    {
      title: 'Calls the callee hung up, 0-60 s',
      input: { TaskId: '1045001', PageNo: 1, PageSize: 20, DurationFrom: 0, DurationTo: 60, HangupDirection: 'user' },
      wire: { TaskId: '1045001', PageNo: '1', PageSize: '20', DurationFrom: '0', DurationTo: '60', HangupDirection: '0' },
    },
    {
      title: 'Calls the robot hung up, busy result',
      input: { TaskId: 1045001, HangupDirection: 'robot', CallResult: 200002, Called: '13000000000' },
      wire: { TaskId: '1045001', HangupDirection: '1', CallResult: '200002', Called: '13000000000' },
    },
  ],
});
