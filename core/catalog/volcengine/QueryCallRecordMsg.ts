import { z } from 'zod';
import { list, num, str, stringList, volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';

export default defineOperation({
  id: 'volcengine.QueryCallRecordMsg',
  title: 'Get call records (legacy)',
  legacy: { replacedBy: 'volcengine.QueryCallRecordMsgV2', reason: 'The current generated SDK has only QueryCallRecordMsgV2 (GET, Result.Records[]).' },
  description:
    'Returns the call records (CDRs) of up to 100 calls by CallId: caller, callee, start/ring/answer/end times (Unix ms), talk time (CallDuration, seconds), CallResult (1 answered, 2 powered off, 3 suspended, 4 invalid number, 7 no answer, 8 busy, 9 rejected, ...), who hung up, and whether a recording exists. Records become available only after the call-record push was sent, so a call that just ended may not be found yet. Legacy form (POST form body, Result is the list) of volcengine.QueryCallRecordMsgV2, which the curated tools use.',
  access: 'read',
  listItems: 'Result',
  resource: 'callRecord',
  // Doc page (version 2022-01-01) and Go SDK: POST form body with CallIdList comma-separated.
  wire: {
    bodyType: 'form',
  },
  docUrl: 'https://volcengine.com/docs/6358/173364',
  input: () => z.strictObject({
    CallIdList: stringList(z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be a call ID'), { min: 1, max: 100 })
      .transform((ids) => ids.join(','))
      .describe('Call IDs (CallId / CallUuid), at most 100: a list, or text separated by commas; sent as comma-separated text.'),
  }),
  output: () => volcengineResponse(
    list(
      z.looseObject({
        CallId: str().optional(),
        AccountId: str().optional(),
        ServiceType: num().optional(),
        SubServiceType: num().optional().describe('102 = voice notification.'),
        Caller: str().optional(),
        Callee: str().optional(),
        CallerShowNumber: str().optional(),
        CalleeShowNumber: str().optional(),
        BeginCallTime: num().optional().describe('Unix ms.'),
        EndTime: num().optional().describe('Unix ms.'),
        ReleaseType: num().optional().describe('Who hung up (vendor enum).'),
        CallDuration: num().optional().describe('Talk time in seconds.'),
        CallResult: num().optional().describe('1 answered, 2 powered off, 3 suspended, 4 invalid number, 5 caller hung up first, 6 unreachable, 7 no answer, 8 busy, 9 rejected, ...'),
        AudioRecordFlag: num().optional().describe('1 = recorded on separate tracks, 0 = not.'),
        CdrCreateTime: num().optional(),
        UserData: str().optional(),
        CallType: num().optional(),
      }),
    ).describe('One record per call found.'),
  ),
  examples: [{ input: { CallIdList: ['NM12345', 'Dcc12345'] }, wire: { CallIdList: 'NM12345,Dcc12345' } }],
});
