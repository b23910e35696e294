import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse, ttsConfigOut } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.DescribeTTSConfig',
  title: "Get a script's TTS voice",
  description:
    "Returns the text-to-speech voice, speech rate and volume of a script, with the rate and volume as numbers (the vendor sends text). Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Change them with outboundbot.ModifyTTSConfig.",
  access: 'read',
  resource: 'script',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
  }),
  output: () => scriptResponse({
    TTSConfig: ttsConfigOut().optional().describe('The TTS settings.'),
  }),
  examples: [
    {
      input: { InstanceId: '0ec0c897-b92c-40e4-9ad7-e6e4f5ce13bb', ScriptId: 'd7fbd0a0-27bc-49c4-a456-ecb75e79122b' },
      wire: { InstanceId: '0ec0c897-b92c-40e4-9ad7-e6e4f5ce13bb', ScriptId: 'd7fbd0a0-27bc-49c4-a456-ecb75e79122b' },
    },
  ],
});
