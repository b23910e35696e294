import { z } from 'zod';
import { resourceId } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.DeleteScriptWaveform',
  title: 'Delete a script recording',
  description:
    'Permanently deletes a registered recording from a script. Voice configurations that map text to it (outboundbot.ListScriptVoiceConfigs) lose that audio: switch them to another recording or back to TTS with outboundbot.ModifyScriptVoiceConfig. Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and ScriptWaveformId (outboundbot.QueryScriptWaveforms).',
  access: 'write',
  resource: 'script',
  destructive: true,
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    ScriptWaveformId: resourceId().describe('ID of the recording to delete, from outboundbot.QueryScriptWaveforms.'),
  }),
  output: () => scriptResponse({
  }),
  examples: [
    {
      input: { InstanceId: 'ed954e8a-a4df-4a3c-89ba-0afeca1def5a', ScriptId: '0fe7f71c-8771-42ef-9bb1-19aa16ae7120', ScriptWaveformId: 'df8216aa-d8f6-4501-864f-f8334d946561' },
      wire: { InstanceId: 'ed954e8a-a4df-4a3c-89ba-0afeca1def5a', ScriptId: '0fe7f71c-8771-42ef-9bb1-19aa16ae7120', ScriptWaveformId: 'df8216aa-d8f6-4501-864f-f8334d946561' },
    },
  ],
});
