import { z } from 'zod';
import { alibabaResponse, bool, list, num, resourceId, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

const relation = z.looseObject({
  ScriptContent: str().optional().describe('Piece of the script text.'),
  ScriptWaveformId: str().optional().describe('Recording that speaks it (from outboundbot.CreateScriptWaveform).'),
});

const voiceConfig = z.looseObject({
  ScriptVoiceConfigId: str().optional().describe('Voice configuration ID (may arrive as a number).'),
  ScriptContent: str().optional().describe('The script text this configuration is for.'),
  Type: str().optional().describe('TTS (synthesised) or WAVEFORM (recordings).'),
  Source: str().optional().describe('Where the text comes from, e.g. DIALOGUE_FLOW.'),
  ScriptWaveformRelation: list(relation).optional().describe('Text-to-recording mapping, as an array (parsed from the JSON text the vendor sends; [] when none).'),
  ScriptId: str().optional().describe('Script ID.'),
  InstanceId: str().optional().describe('Instance ID.'),
});

export default defineOperation({
  id: 'outboundbot.DescribeScriptVoiceConfig',
  title: 'Get the voice configuration of a script text',
  description:
    'Returns how one piece of script text is spoken: Type TTS (synthesised) or WAVEFORM (pre-recorded), and for WAVEFORM which recording speaks which part (ScriptWaveformRelation, returned as an array). Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and ScriptVoiceConfigId (outboundbot.ListScriptVoiceConfigs). Change it with outboundbot.ModifyScriptVoiceConfig.',
  access: 'read',
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    ScriptId: resourceId().describe('Script ID, from outboundbot.ListScripts.'),
    ScriptVoiceConfigId: resourceId().describe('Voice configuration ID, from outboundbot.ListScriptVoiceConfigs.'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
    ScriptVoiceConfig: voiceConfig.optional().describe('The voice configuration.'),
  }),
  examples: [
    {
      input: { InstanceId: '8fa1953f-4a84-46d8-b80c-8ce9cf684fb3', ScriptId: '28c4bcaf-5ab1-495e-8966-3206bf9ee733', ScriptVoiceConfigId: '2a07b634-e15d-445f-bbcb-fc4ea2df7b87' },
      wire: { InstanceId: '8fa1953f-4a84-46d8-b80c-8ce9cf684fb3', ScriptId: '28c4bcaf-5ab1-495e-8966-3206bf9ee733', ScriptVoiceConfigId: '2a07b634-e15d-445f-bbcb-fc4ea2df7b87' },
    },
  ],
});
