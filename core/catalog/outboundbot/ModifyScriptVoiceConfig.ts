import { z } from 'zod';
import { jsonValue, resourceId } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse, voiceConfigOut } from '../shared/outboundbot-config.js';

const relationInput = () => z.strictObject({
  ScriptContent: z.string().min(1).describe('Piece of the script text, e.g. "请问你是".'),
  ScriptWaveformId: resourceId().describe('Recording that speaks it, from outboundbot.CreateScriptWaveform / QueryScriptWaveforms.'),
});

export default defineOperation({
  id: 'outboundbot.ModifyScriptVoiceConfig',
  title: 'Set TTS or recordings for a script text',
  description:
    "Switches one piece of script text between synthesised speech (Type TTS) and pre-recorded audio (Type WAVEFORM), and for WAVEFORM says which recording speaks which part of the text (ScriptWaveformRelation, pieces in speaking order). Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts), ScriptVoiceConfigId (outboundbot.ListScriptVoiceConfigs) and, for WAVEFORM, recordings registered with outboundbot.CreateScriptWaveform. ScriptWaveformRelation is an array of objects sent as ONE JSON string.",
  access: 'write',
  resource: 'script',
  idempotent: true,
  wire: {
    encoding: { ScriptWaveformRelation: 'json' },
  },
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    ScriptVoiceConfigId: resourceId().describe('Voice configuration ID, from outboundbot.ListScriptVoiceConfigs.'),
    Type: z.enum(['TTS', 'WAVEFORM']).describe('TTS: synthesised speech; WAVEFORM: the recordings in ScriptWaveformRelation.'),
    ScriptWaveformRelation: jsonValue(z.array(relationInput()))
      .optional()
      .describe('For WAVEFORM: which recording speaks which piece of the text, in order, e.g. [{"ScriptContent": "请问你是", "ScriptWaveformId": "..."}]; sent as one JSON string.'),
  }),
  output: () => scriptResponse({
    ScriptVoiceConfig: voiceConfigOut().optional().describe('The voice configuration after the change.'),
  }),
  examples: [
    {
      input: {
        InstanceId: 'bdd49242-114c-4045-b1d1-25ccc1756c75',
        ScriptId: '1d7a26e0-628b-4c3c-9918-7f2e23273f54',
        ScriptVoiceConfigId: 'e15cc646-50e5-4bc0-87ec-e4f2d1063b90',
        Type: 'WAVEFORM',
        ScriptWaveformRelation: [
          { ScriptContent: '请问你是', ScriptWaveformId: '07db2f0a-9c0e-4c4b-8c36-3e5e2b0c2b11' },
          { ScriptContent: '吗？', ScriptWaveformId: 'c2a69440-1d9f-4d2e-9a4c-6f3b2e9d7a20' },
        ],
      },
      wire: {
        InstanceId: 'bdd49242-114c-4045-b1d1-25ccc1756c75',
        ScriptId: '1d7a26e0-628b-4c3c-9918-7f2e23273f54',
        ScriptVoiceConfigId: 'e15cc646-50e5-4bc0-87ec-e4f2d1063b90',
        Type: 'WAVEFORM',
        ScriptWaveformRelation:
          '[{"ScriptContent":"请问你是","ScriptWaveformId":"07db2f0a-9c0e-4c4b-8c36-3e5e2b0c2b11"},{"ScriptContent":"吗？","ScriptWaveformId":"c2a69440-1d9f-4d2e-9a4c-6f3b2e9d7a20"}]',
      },
    },
    {
      title: 'Back to TTS',
      input: { InstanceId: 'bdd49242-114c-4045-b1d1-25ccc1756c75', ScriptId: '1d7a26e0-628b-4c3c-9918-7f2e23273f54', ScriptVoiceConfigId: 'e15cc646-50e5-4bc0-87ec-e4f2d1063b90', Type: 'TTS' },
      wire: { InstanceId: 'bdd49242-114c-4045-b1d1-25ccc1756c75', ScriptId: '1d7a26e0-628b-4c3c-9918-7f2e23273f54', ScriptVoiceConfigId: 'e15cc646-50e5-4bc0-87ec-e4f2d1063b90', Type: 'TTS' },
    },
  ],
});
