import { z } from 'zod';
import { num, str, volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { singleOpenId } from '../shared/volcengine.js';

export default defineOperation({
  id: 'volcengine.QuerySingleInfo',
  title: 'Get the state of a one-off call',
  description:
    'Returns the state of one call placed with volcengine.SingleBatchAppend: State 1 = waiting for its first attempt, 2 = in progress (waiting for hang-up), 3 = finished, 4 = waiting for a redial, 5 = deleted; plus Duration (seconds), ReleaseTime and CallUuid (the call-record ID for volcengine.QueryCallRecordMsg and QueryAudioRecordFileUrl).',
  access: 'read',
  resource: 'singleCall',
  // The 2025 doc page sends POST JSON {"SingleOpenId":"..."}; the 2023 page a GET with SingleOpenId in the
  // query string, and the Go/Java SDKs the action name "SingleInfo" (GET). JSON follows the current page.
  wire: {
    bodyType: 'json',
  },
  docUrl: 'https://www.volcengine.com/docs/6358/1722080',
  input: () => z.strictObject({ SingleOpenId: singleOpenId() }),
  output: () => volcengineResponse(
    z.looseObject({
      SingleOpenId: str().optional(),
      ResourceKey: str().optional().describe('Resource that was played.'),
      Phone: str().optional(),
      Ext: str().optional(),
      CreateTime: str().optional().describe('"yyyy-MM-dd HH:mm:ss"'),
      State: num().optional().describe('1 = waiting for first attempt, 2 = in progress, 3 = finished, 4 = waiting for redial, 5 = deleted.'),
      CallUuid: str().optional().describe('Call-record ID (CallId) of the call.'),
      Duration: num().optional().describe('Talk time in seconds.'),
      ReleaseTime: str().optional().describe('Hang-up time, "yyyy-MM-dd HH:mm:ss".'),
    }),
  ),
  examples: [{ input: { SingleOpenId: 189125355526 }, wire: { SingleOpenId: '189125355526' } }],
});
