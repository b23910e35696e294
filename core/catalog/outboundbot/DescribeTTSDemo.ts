import { z } from 'zod';
import { str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse, speechRateParam, volumeParam } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.DescribeTTSDemo',
  title: 'Synthesise a TTS sample',
  description:
    'Synthesises Text with the given voice, speech rate and volume and returns AuditionUrl, a signed, expiring URL of the audio to listen to. Places no call and changes nothing, but does run TTS synthesis each time. Use it to choose settings before outboundbot.ModifyTTSConfig. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Unlike other outboundbot operations it answers Code "200" (not "OK"), and HttpStatusCode/Success as the strings "200"/"true": all are accepted.',
  access: 'read',
  resource: 'script',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    Text: z.string().min(1).describe('Text to synthesise, e.g. a line of the script.'),
    Voice: z.string().min(1).describe('Voice (speaker) name, e.g. aixia, xiaoyun, siyue.'),
    SpeechRate: speechRateParam(),
    Volume: volumeParam(),
  }),
  output: () => scriptResponse({
    AuditionUrl: str().optional().describe('Signed OSS URL of the synthesised audio; expires (see its Expires query parameter).'),
  }),
  examples: [
    {
      input: { InstanceId: 'a8eccb3c-2b26-4b6d-a54f-696b953e33a6', ScriptId: '271053e1-463c-4433-9882-3c27ab2338a1', Text: '测试', Voice: 'aixia', SpeechRate: 100, Volume: 50 },
      wire: { InstanceId: 'a8eccb3c-2b26-4b6d-a54f-696b953e33a6', ScriptId: '271053e1-463c-4433-9882-3c27ab2338a1', Text: '测试', Voice: 'aixia', SpeechRate: '100', Volume: '50' },
    },
  ],
});
