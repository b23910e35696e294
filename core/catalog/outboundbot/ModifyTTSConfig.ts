import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse, speechRateParam, ttsConfigOut, volumeParam } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.ModifyTTSConfig',
  title: "Set a script's TTS voice",
  description:
    "Sets the text-to-speech voice, speech rate and volume a script's robot speaks with (all three required: read the current values with outboundbot.DescribeTTSConfig and send back what you keep). Try settings first with outboundbot.DescribeTTSDemo. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Ranges: SpeechRate -500..500 and Volume 0..100, as in the vendor's current reference; seed 003 swaps them (SpeechRate 0-100, Volume -500..500), which its own examples contradict. Numbers are sent as text, as the vendor types them.",
  access: 'write',
  resource: 'script',
  idempotent: true,
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    Voice: z.string().min(1).describe('Voice (speaker) name, e.g. xiaoyun, aixia, siyue, sijing.'),
    SpeechRate: speechRateParam(),
    Volume: volumeParam(),
  }),
  output: () => scriptResponse({
    TTSConfig: ttsConfigOut().optional().describe('The TTS settings after the change.'),
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
