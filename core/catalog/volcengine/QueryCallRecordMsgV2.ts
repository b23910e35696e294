import { z } from 'zod';
import { list, num, str, stringList, volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';

export default defineOperation({
  id: 'volcengine.QueryCallRecordMsgV2',
  title: 'Get call records',
  description:
    'Returns the call records (CDRs) of up to 100 calls by CallId, in Result.Records: caller, callee, start/answer/end times (Unix ms), CallResult (1 answered, 2 powered off, 3 suspended, 4 invalid number, 7 no answer, 8 busy, 9 rejected, ...), who hung up, the task or one-off call (TaskOpenId, SingleOpenId) and whether a recording exists. Records become available only after the call-record push was sent, so a call that just ended may not be found yet. Successor of the legacy volcengine.QueryCallRecordMsg; the curated tools use this one.',
  access: 'read',
  listItems: 'Result.Records',
  resource: 'callRecord',
  // Generated Go SDK (service/vms/api_query_call_record_msg_v2.go): GET, CallIdList (string, required) in the query.
  wire: { bodyType: 'query' },
  docUrl: 'https://github.com/volcengine/volcengine-go-sdk/blob/master/service/vms/api_query_call_record_msg_v2.go',
  input: () => z.strictObject({
    CallIdList: stringList(z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be a call ID'), { min: 1, max: 100 })
      .transform((ids) => ids.join(','))
      .describe('Call IDs (CallId / CallUuid), at most 100: a list, or text separated by commas; sent as comma-separated text.'),
  }),
  output: () => volcengineResponse(
    z.looseObject({
      Records: list(
        z.looseObject({
          CallId: str().optional(),
          AccountId: str().optional(),
          ServiceType: num().optional(),
          SubServiceType: num().optional().describe('102 = voice notification.'),
          TaskOpenId: str().optional().describe('Task of the call, when it came from volcengine.CreateTask.'),
          SingleOpenId: str().optional().describe('Your ID of the one-off call, when it came from volcengine.SingleBatchAppend.'),
          Caller: str().optional(),
          Callee: str().optional(),
          CallerShowNumber: str().optional(),
          CalleeShowNumber: str().optional(),
          BeginCallTime: num().optional().describe('Unix ms.'),
          StartTime: num().optional().describe('Answer time, Unix ms.'),
          EndTime: num().optional().describe('Unix ms.'),
          ReleaseType: num().optional().describe('Who hung up (vendor enum).'),
          CallResult: num().optional().describe('1 answered, 2 powered off, 3 suspended, 4 invalid number, 5 caller hung up first, 6 unreachable, 7 no answer, 8 busy, 9 rejected, ...'),
          AudioRecordFlag: num().optional().describe('1 = recorded on separate tracks, 0 = not.'),
          Digits: list(str()).optional().describe('Keys the callee pressed.'),
          Ext: str().optional().describe('Your per-callee data (Ext of the call).'),
          CdrCreateTime: num().optional(),
          UserData: str().optional(),
          CallType: num().optional(),
        }),
      )
        .optional()
        .describe('One record per call found.'),
    }),
  ),
  examples: [{ input: { CallIdList: ['NM12345', 'Dcc12345'] }, wire: { CallIdList: 'NM12345,Dcc12345' } }],
});
