import { z } from 'zod';
import { alibabaResponse, aliased, bool, int, num, resourceId, str } from '../../fields.js';
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
  id: 'outboundbot.ModifyTTSConfig',
  title: "Set a script's TTS voice",
  description:
    "Sets the text-to-speech voice, speech rate and volume a script's robot speaks with (all three required: read the current values with outboundbot.DescribeTTSConfig and send back what you keep). Try settings first with outboundbot.DescribeTTSDemo. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Ranges: SpeechRate -500..500 and Volume 0..100, as in the vendor's current reference; seed 003 swaps them (SpeechRate 0-100, Volume -500..500), which its own examples contradict. Numbers are sent as text, as the vendor types them.",
  access: 'write',
  idempotent: true,
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    ScriptId: resourceId().describe('Script ID, from outboundbot.ListScripts.'),
    Voice: z.string().min(1).describe('Voice (speaker) name, e.g. xiaoyun, aixia, siyue, sijing.'),
    SpeechRate: int(-500, 500).describe('Speech rate, -500 (slowest) to 500 (fastest); 0 is normal.'),
    Volume: int(0, 100).describe('Volume, 0 to 100; 50 is the default.'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
    TTSConfig: ttsConfig.optional().describe('The TTS settings after the change.'),
  }),
  examples: [
    {
      input: { InstanceId: '27244bae-e446-4811-bb1d-f8a07b525af0', ScriptId: '1f1a2ba0-b3e7-4ff9-baf1-6dc8aeac0791', Voice: 'xiaoyun', SpeechRate: 50, Volume: 100 },
      wire: { InstanceId: '27244bae-e446-4811-bb1d-f8a07b525af0', ScriptId: '1f1a2ba0-b3e7-4ff9-baf1-6dc8aeac0791', Voice: 'xiaoyun', SpeechRate: '50', Volume: '100' },
    },
    {
      title: 'Slower speech (negative rate)',
      input: { InstanceId: '27244bae-e446-4811-bb1d-f8a07b525af0', ScriptId: '1f1a2ba0-b3e7-4ff9-baf1-6dc8aeac0791', Voice: 'aixia', SpeechRate: '-150', Volume: '60' },
      wire: { InstanceId: '27244bae-e446-4811-bb1d-f8a07b525af0', ScriptId: '1f1a2ba0-b3e7-4ff9-baf1-6dc8aeac0791', Voice: 'aixia', SpeechRate: '-150', Volume: '60' },
    },
  ],
});
