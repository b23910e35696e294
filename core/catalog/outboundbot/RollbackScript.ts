import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.RollbackScript',
  title: 'Roll a script back to an earlier version',
  description:
    "Replaces a script's production version with an earlier published version: from then on, calls of job groups using the script say what that version says. The current version is not deleted (it stays in the publish history). Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and a ScriptVersion from outboundbot.ListScriptPublishHistories as RollbackVersion. Check the result with outboundbot.DescribeScript (ROLLBACK_IN_PROGRESS, then PUBLISHED or ROLLBACK_FAILED).",
  access: 'write',
  resource: 'script',
  destructive: true,
  idempotent: true,
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    RollbackVersion: z
      .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().regex(/^\d+$/, 'must be a ScriptVersion: digits (a ms timestamp)'))
      .describe('Version to restore: a ScriptVersion (ms-timestamp string such as "1579055782000") from outboundbot.ListScriptPublishHistories.'),
  }),
  output: () => scriptResponse({
  }),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: '303523b1-0094-4ebe-b9ed-c23d11c91d61', RollbackVersion: '1579055782000' },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: '303523b1-0094-4ebe-b9ed-c23d11c91d61', RollbackVersion: '1579055782000' },
    },
  ],
});
