import { z } from 'zod';
import { str, volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';

export default defineOperation({
  id: 'volcengine.QueryAudioRecordFileUrl',
  title: 'Get a call recording URL',
  description:
    'Returns signed download URLs of a recorded call (valid about three hours): the mixed recording, and the caller (left) and callee (right) tracks when recorded separately. Recordings contain personal data.',
  access: 'read',
  resource: 'callRecord',
  download: { urlPath: 'Result.AudioRecordFileUrl', defaultOn: false },
  // Generated Go SDK (service/vms/api_query_audio_record_file_url.go): GET, CallId in the query string
  // (the 2023 doc page's POST form body is the older form).
  wire: {
    bodyType: 'query',
  },
  docUrl: 'https://volcengine.com/docs/6358/173365',
  input: () => z.strictObject({
    CallId: z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be a call ID').describe('Call ID (CallId / CallUuid), e.g. NM21062918163787800001012500051888.'),
  }),
  output: () => volcengineResponse(
    z.looseObject({
      AudioRecordFileUrl: str().optional().describe('Mixed recording.'),
      AudioRecordLeftFileUrl: str().optional().describe('Caller track.'),
      AudioRecordRightFileUrl: str().optional().describe('Callee track.'),
    }),
  ),
  examples: [{ input: { CallId: 'NM21062918163787800001012500051888' }, wire: { CallId: 'NM21062918163787800001012500051888' } }],
});
