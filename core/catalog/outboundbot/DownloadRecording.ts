import { z } from 'zod';
import { str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceId } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.DownloadRecording',
  title: 'Get a call recording link',
  description:
    'Returns a signed, expiring download link (DownloadParams.SignatureUrl, usually a .wav) for the recording of one call attempt; fetch the file over HTTP before it expires. Needs the TaskId of the attempt (Tasks[].TaskId from outboundbot.DescribeJob, ListJobs or QueryJobs). Recordings contain personal data; the vendor\'s read-only RAM policy still allows this call. The link itself grants access: treat it as a secret.',
  access: 'read',
  resource: 'recording',
  download: { urlPath: 'DownloadParams.SignatureUrl', fileNamePath: 'DownloadParams.FileName', defaultOn: true },
  input: () => z.strictObject({
    InstanceId: instanceId(),
    TaskId: z.string().min(1).describe('ID of the call attempt (task) whose recording you want.'),
  }),
  output: () => outboundbotResponse({
    DownloadParams: z
      .looseObject({
        FileName: str().optional().describe('Recording file name, usually <uuid>.wav.'),
        SignatureUrl: str().optional().describe('Signed, expiring URL of the recording; download it with a plain HTTP GET.'),
      })
      .optional(),
  }),
  examples: [
    {
      input: { InstanceId: 'da37319b-6c83-4268-9f19-814aed62e401', TaskId: '744b27f3-437f-4a8c-a181-f668e492fd24' },
      wire: { InstanceId: 'da37319b-6c83-4268-9f19-814aed62e401', TaskId: '744b27f3-437f-4a8c-a181-f668e492fd24' },
    },
  ],
});
