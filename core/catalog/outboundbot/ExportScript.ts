import { z } from 'zod';
import { str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.ExportScript',
  title: 'Export a dialogue script',
  description:
    'Exports a whole script to a file and returns DownloadParams.SignatureUrl, a signed, expiring download URL (treat it as a secret: anyone holding it can download the script). Use it to back a script up before outboundbot.DeleteScript or to copy it to another instance with outboundbot.ImportScript. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Lenient: HttpStatusCode and Success may arrive as the strings "200" and "true".',
  access: 'read',
  resource: 'script',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
  }),
  output: () => scriptResponse({
    DownloadParams: z
      .looseObject({
        SignatureUrl: str().optional().describe('Signed OSS URL of the export file; expires (see its Expires query parameter).'),
      })
      .optional()
      .describe('Where to download the export.'),
  }),
  examples: [
    {
      input: { InstanceId: '12f3dd08-0c55-44ce-9b64-e69d35ed3a76', ScriptId: 'd004cfd2-6a81-491c-83c6-cbe186620c95' },
      wire: { InstanceId: '12f3dd08-0c55-44ce-9b64-e69d35ed3a76', ScriptId: 'd004cfd2-6a81-491c-83c6-cbe186620c95' },
    },
  ],
});
