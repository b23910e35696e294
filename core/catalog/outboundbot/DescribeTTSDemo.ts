import { z } from 'zod';
import { alibabaResponse, bool, int, num, resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

export default defineOperation({
  id: 'outboundbot.DescribeTTSDemo',
  title: 'Synthesise a TTS sample',
  description:
    'Synthesises Text with the given voice, speech rate and volume and returns AuditionUrl, a signed, expiring URL of the audio to listen to. Places no call and changes nothing, but does run TTS synthesis each time. Use it to choose settings before outboundbot.ModifyTTSConfig. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Unlike other outboundbot operations it answers Code "200" (not "OK"), and HttpStatusCode/Success as the strings "200"/"true": all are accepted.',
  access: 'read',
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    ScriptId: resourceId().describe('Script ID, from outboundbot.ListScripts.'),
    Text: z.string().min(1).describe('Text to synthesise, e.g. a line of the script.'),
    Voice: z.string().min(1).describe('Voice (speaker) name, e.g. aixia, xiaoyun, siyue.'),
    SpeechRate: int(-500, 500).describe('Speech rate, -500 (slowest) to 500 (fastest); 0 is normal.'),
    Volume: int(0, 100).describe('Volume, 0 to 100; 50 is the default.'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
    AuditionUrl: str().optional().describe('Signed OSS URL of the synthesised audio; expires (see its Expires query parameter).'),
  }),
  examples: [
    {
      input: { InstanceId: 'a8eccb3c-2b26-4b6d-a54f-696b953e33a6', ScriptId: '271053e1-463c-4433-9882-3c27ab2338a1', Text: '测试', Voice: 'aixia', SpeechRate: 100, Volume: 50 },
      wire: { InstanceId: 'a8eccb3c-2b26-4b6d-a54f-696b953e33a6', ScriptId: '271053e1-463c-4433-9882-3c27ab2338a1', Text: '测试', Voice: 'aixia', SpeechRate: '100', Volume: '50' },
    },
  ],
});
