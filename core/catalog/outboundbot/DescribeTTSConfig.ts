import { z } from 'zod';
import { alibabaResponse, aliased, bool, num, resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

// The docs' table names the config ID 'Id', their examples 'TTSConfigId': accept both, expose TTSConfigId.
const ttsConfig = aliased(
  { TTSConfigId: ['Id'] },
  z.looseObject({
    TTSConfigId: str().optional().describe('TTS configuration ID.'),
    Voice: str().optional().describe('Voice (speaker), e.g. xiaoyun.'),
    SpeechRate: num().optional().describe('Speech rate, -500 to 500 (0 is normal); the vendor sends it as text.'),
    Volume: num().optional().describe('Volume, 0 to 100; the vendor sends it as text.'),
    ScriptId: str().optional().describe('Script ID.'),
    InstanceId: str().optional().describe('Instance ID.'),
  }),
);

export default defineOperation({
  id: 'outboundbot.DescribeTTSConfig',
  title: "Get a script's TTS voice",
  description:
    "Returns the text-to-speech voice, speech rate and volume of a script, with the rate and volume as numbers (the vendor sends text). Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Change them with outboundbot.ModifyTTSConfig.",
  access: 'read',
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    ScriptId: resourceId().describe('Script ID, from outboundbot.ListScripts.'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
    TTSConfig: ttsConfig.optional().describe('The TTS settings.'),
  }),
  examples: [
    {
      input: { InstanceId: '0ec0c897-b92c-40e4-9ad7-e6e4f5ce13bb', ScriptId: 'd7fbd0a0-27bc-49c4-a456-ecb75e79122b' },
      wire: { InstanceId: '0ec0c897-b92c-40e4-9ad7-e6e4f5ce13bb', ScriptId: 'd7fbd0a0-27bc-49c4-a456-ecb75e79122b' },
    },
  ],
});
