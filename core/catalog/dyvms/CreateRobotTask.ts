import { z } from 'zod';
import { coded, alibabaResponse, flag, int, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { robotId } from './shared/fields.js';

const RECALL_STATES = { '200010': 'Powered off', '200011': 'Suspended', '200002': 'Busy', '200012': 'Call loss', '200005': 'Unreachable', '200003': 'No answer' } as const;
const RECALL_STATE_CODES = Object.keys(RECALL_STATES) as [keyof typeof RECALL_STATES, ...(keyof typeof RECALL_STATES)[]];

export default defineOperation({
  id: 'dyvms.CreateRobotTask',
  title: 'Create a robot call task',
  description:
    'Creates a robot outbound-call task that will run a console-configured robot script (DialogId from dyvms.QueryRobotv2AllList) from your caller numbers, with an optional redial policy. ' +
    'Creating places no call. Next: dyvms.UploadRobotTaskCalledFile (callees, in batches) with the returned task ID (Data), then dyvms.StartRobotTask (dials everyone, billed). ' +
    'Traps: CorpName must match the enterprise name of your qualification exactly; redial settings only apply with RetryType 1; RecallInterval must be more than 1 minute.',
  access: 'write',
  resource: 'robotTask',
  check: ['TaskName'],
  effects: { attempts: [{ path: 'RecallTimes', counts: 'redials' }] },
  returns: { taskId: ['Data'] },
  qps: 100,
  wire: {
    encoding: { Caller: 'comma', RecallStateCodes: 'comma' },
  },
  input: () => z
    .strictObject({
      TaskName: z.string().trim().min(1).max(30).describe('Task name, up to 30 characters (Chinese or English).'),
      DialogId: robotId().describe('ID of the robot script: the id from dyvms.QueryRobotv2AllList (console: outbound robot > scripts).'),
      CorpName: z.string().min(1).optional().describe('Company name; must match the enterprise name of your qualification exactly.'),
      Caller: z
        .array(z.string().regex(/^\+?\d{3,20}$/, 'must be a purchased number (digits)'))
        .min(1)
        .describe('Caller numbers to dial from (numbers you purchased); sent comma-separated.'),
      NumberStatusIdent: flag()
        .default(false)
        .describe('Detect number status (early media) to record why calls were not answered; default false (the vendor requires the field, so it is always sent).'),
      RetryType: coded(int(0, 1), { 0: 'No', 1: 'Yes' }).describe('Redial automatically: 1 = yes (set RecallStateCodes/RecallTimes/RecallInterval), 0 = no.'),
      RecallStateCodes: coded(z.array(z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.enum(RECALL_STATE_CODES))).min(1), RECALL_STATES)
        .optional()
        .describe('Call results that trigger a redial: 200010 power-off, 200011 suspended, 200002 busy, 200012 call loss, 200005 unreachable, 200003 no answer. Sent comma-separated.'),
      RecallTimes: int(1).optional().describe('How many times to redial.'),
      RecallInterval: int(2).optional().describe('Minutes between redials; must be more than 1.'),
      IsSelfLine: flag().optional().describe('Use your own line (skips caller-number validation); default false.'),
    })
    .superRefine((input, ctx) => {
      if (input.RetryType === 0) {
        for (const key of ['RecallStateCodes', 'RecallTimes', 'RecallInterval'] as const) {
          if (input[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'only applies when RetryType is 1 (redial)' });
        }
      }
    }),
  output: () => alibabaResponse({
    Data: str().optional().describe('ID of the new task: TaskId for StartRobotTask & co., Id for UploadRobotTaskCalledFile and QueryRobotTaskDetail.'),
  }),
  examples: [
    {
      input: {
        TaskName: 'renewal-june',
        DialogId: '10000230000',
        CorpName: 'Acme Ltd',
        Caller: ['057100005678', '057100005679'],
        NumberStatusIdent: true,
        RetryType: 1,
        RecallStateCodes: ['200010', 200011],
        RecallTimes: 1,
        RecallInterval: 5,
      },
      wire: {
        TaskName: 'renewal-june',
        DialogId: '10000230000',
        CorpName: 'Acme Ltd',
        Caller: '057100005678,057100005679',
        NumberStatusIdent: 'true',
        RetryType: '1',
        RecallStateCodes: '200010,200011',
        RecallTimes: '1',
        RecallInterval: '5',
      },
    },
    {
      title: 'No redial; NumberStatusIdent defaults to false',
      input: { TaskName: 'survey', DialogId: 10000230000, Caller: ['057100005678'], RetryType: 0 },
      wire: { TaskName: 'survey', DialogId: '10000230000', Caller: '057100005678', NumberStatusIdent: 'false', RetryType: '0' },
    },
  ],
});
