import { z } from 'zod';
import { alibabaResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { epochMs, jsonData, robotTaskId, robotCallDetail } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.QueryRobotTaskCallDetail',
  title: 'Get one robot call in full',
  description:
    'Returns the full record of one callee\'s call in a robot task: result, counts, who hung up (hangupSide), the recording URL and the dialogue transcript. ' +
    'Find the callee with dyvms.QueryRobotTaskCallList first. QueryDate must be a Unix time in ms on the day of the call. ' +
    'The record contains personal data (recording, transcript); the recording URL is signed and expires. The vendor misspells knowledgeCount as "konwledgeCount": both are read and knowledgeCount is filled in.',
  access: 'read',
  resource: 'robotTask',
  qps: 100,
  input: () => z.strictObject({
    TaskId: robotTaskId().describe('ID of the robot task.'),
    Callee: z.string().regex(/^\+?\d{3,20}$/, 'must be a phone number (digits)').describe('The callee number.'),
    QueryDate: epochMs().describe('A Unix time in milliseconds on the day of the call, e.g. 1562297550000. Seconds are refused.'),
  }),
  output: () => alibabaResponse({
    Data: jsonData(robotCallDetail())
      .optional()
      .describe('The call (sent as JSON text; returned parsed, with hangupSide and knowledgeCount normalised).'),
  }),
  examples: [
    {
      input: { TaskId: 1045001, Callee: '13000000000', QueryDate: '1562297550000' },
      wire: { TaskId: '1045001', Callee: '13000000000', QueryDate: '1562297550000' },
    },
  ],
});
