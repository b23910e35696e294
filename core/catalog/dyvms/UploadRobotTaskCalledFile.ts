import { z } from 'zod';
import { alibabaResponse, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { robotTaskId } from './shared/fields.js';

const number = () => z.string().regex(/^\+?\d{3,20}$/, 'must be a phone number (digits)');

export default defineOperation({
  id: 'dyvms.UploadRobotTaskCalledFile',
  title: 'Upload callees to a robot task',
  description:
    'Adds callee numbers, and the values of the script\'s variables for each, to a robot task created by dyvms.CreateRobotTask. Call it in batches of at most 1,000 numbers (300,000 per task in all), then start with dyvms.StartRobotTask. ' +
    'No call is placed by this operation, but every uploaded number will be dialled (billed) when the task starts. ' +
    'TtsParamHead names the variables; each TtsParam item gives one number\'s values in the same order; number "all" gives shared values for every number (per-number values win). ' +
    'Note: this API names the task ID "Id", not "TaskId" like the other robot APIs.',
  access: 'write',
  resource: 'robotTask',
  check: ['Id'],
  effects: { callees: ['CalledNumber'], dials: 'task', task: ['Id'] },
  qps: 100,
  wire: {
    encoding: { CalledNumber: 'comma', TtsParam: 'json', TtsParamHead: 'json' },
  },
  input: () => z
    .strictObject({
      Id: robotTaskId().describe('ID of the robot task (Data of dyvms.CreateRobotTask). Named "Id" in this API, "TaskId" in most other robot APIs.'),
      CalledNumber: z.array(number()).min(1).max(1000, 'at most 1,000 numbers per request').describe('Numbers to call; sent comma-separated. At most 1,000 per request and 300,000 per task in all.'),
      TtsParam: z
        .array(
          z.strictObject({
            number: z.union([number(), z.literal('all')]).describe('The callee number, or "all" for values shared by every number.'),
            params: z.array(z.union([z.string(), z.number()])).describe('Variable values in TtsParamHead order.'),
          }),
        )
        .default([])
        .describe('Variable values per number, e.g. [{"number": "13700000000", "params": ["Wang"]}]; sent as JSON text (an empty list when omitted: the vendor requires the field).'),
      TtsParamHead: z
        .array(z.string().min(1))
        .default([])
        .describe('Variable names of the script, in order, e.g. ["name"]; sent as JSON text (an empty list when omitted: the vendor requires the field).'),
    })
    .superRefine((input, ctx) => {
      const numbers = new Set(input.CalledNumber);
      input.TtsParam.forEach((item, i) => {
        if (item.params.length !== input.TtsParamHead.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['TtsParam', i, 'params'],
            message: `must have ${input.TtsParamHead.length} value(s), one per TtsParamHead name (got ${item.params.length})`,
          });
        }
        if (item.number !== 'all' && !numbers.has(item.number)) {
          ctx.addIssue({ code: 'custom', path: ['TtsParam', i, 'number'], message: `"${item.number}" is not in CalledNumber` });
        }
      });
    }),
  output: () => alibabaResponse({
    Data: str().optional().describe('The task ID.'),
  }),
  examples: [
    {
      input: {
        Id: 10450000,
        CalledNumber: ['13700000000', '13700000111'],
        TtsParamHead: ['name', 'product'],
        TtsParam: [
          { number: '13700000000', params: ['Wang', 'broadband'] },
          { number: 'all', params: ['customer', 'plan'] },
        ],
      },
      wire: {
        Id: '10450000',
        CalledNumber: '13700000000,13700000111',
        TtsParamHead: '["name","product"]',
        TtsParam: '[{"number":"13700000000","params":["Wang","broadband"]},{"number":"all","params":["customer","plan"]}]',
      },
    },
    {
      title: 'Script without variables',
      input: { Id: '10450000', CalledNumber: ['13700000000'] },
      wire: { Id: '10450000', CalledNumber: '13700000000', TtsParam: '[]', TtsParamHead: '[]' },
    },
  ],
});
