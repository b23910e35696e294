import { z } from 'zod';
import { resourceId } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse, voiceConfigOut } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.DescribeScriptVoiceConfig',
  title: 'Get the voice configuration of a script text',
  description:
    'Returns how one piece of script text is spoken: Type TTS (synthesised) or WAVEFORM (pre-recorded), and for WAVEFORM which recording speaks which part (ScriptWaveformRelation, returned as an array). Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and ScriptVoiceConfigId (outboundbot.ListScriptVoiceConfigs). Change it with outboundbot.ModifyScriptVoiceConfig.',
  access: 'read',
  resource: 'script',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    ScriptVoiceConfigId: resourceId().describe('Voice configuration ID, from outboundbot.ListScriptVoiceConfigs.'),
  }),
  output: () => scriptResponse({
    ScriptVoiceConfig: voiceConfigOut().optional().describe('The voice configuration.'),
  }),
  examples: [
    {
      input: { InstanceId: '8fa1953f-4a84-46d8-b80c-8ce9cf684fb3', ScriptId: '28c4bcaf-5ab1-495e-8966-3206bf9ee733', ScriptVoiceConfigId: '2a07b634-e15d-445f-bbcb-fc4ea2df7b87' },
      wire: { InstanceId: '8fa1953f-4a84-46d8-b80c-8ce9cf684fb3', ScriptId: '28c4bcaf-5ab1-495e-8966-3206bf9ee733', ScriptVoiceConfigId: '2a07b634-e15d-445f-bbcb-fc4ea2df7b87' },
    },
  ],
});
