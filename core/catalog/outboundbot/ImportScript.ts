import { z } from 'zod';
import { str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.ImportScript',
  title: 'Import a dialogue script',
  description:
    'Creates a script in an instance from a script export file that the service downloads from SignatureUrl (typically the signed URL returned by outboundbot.ExportScript, possibly from another instance or account; it expires, so import soon after exporting). Needs InstanceId from outboundbot.ListInstances. Returns the new ScriptId; the import may still be running (status IMPORT_IN_PROGRESS): check with outboundbot.DescribeScript.',
  access: 'write',
  resource: 'script',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    SignatureUrl: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')
      .describe('Downloadable (signed) URL of the script export file, e.g. DownloadParams.SignatureUrl from outboundbot.ExportScript.'),
  }),
  output: () => scriptResponse({
    ScriptId: str().optional().describe('ID of the imported script.'),
  }),
  examples: [
    {
      input: {
        InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a',
        SignatureUrl: 'https://example-bucket.oss-cn-shanghai.aliyuncs.com/export/script.zip?Expires=1578624046&Signature=abc%3D',
      },
      wire: {
        InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a',
        SignatureUrl: 'https://example-bucket.oss-cn-shanghai.aliyuncs.com/export/script.zip?Expires=1578624046&Signature=abc%3D',
      },
    },
  ],
});
