import { z } from 'zod';
import { alibabaResponse, bool, num, resourceId } from '../../fields.js';
import { defineOperation } from '../../operation.js';

export default defineOperation({
  id: 'outboundbot.DeleteScriptWaveform',
  title: 'Delete a script recording',
  description:
    'Permanently deletes a registered recording from a script. Voice configurations that map text to it (outboundbot.ListScriptVoiceConfigs) lose that audio: switch them to another recording or back to TTS with outboundbot.ModifyScriptVoiceConfig. Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and ScriptWaveformId (outboundbot.QueryScriptWaveforms).',
  access: 'write',
  destructive: true,
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    ScriptId: resourceId().describe('Script ID, from outboundbot.ListScripts.'),
    ScriptWaveformId: resourceId().describe('ID of the recording to delete, from outboundbot.QueryScriptWaveforms.'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
  }),
  examples: [
    {
      input: { InstanceId: 'ed954e8a-a4df-4a3c-89ba-0afeca1def5a', ScriptId: '0fe7f71c-8771-42ef-9bb1-19aa16ae7120', ScriptWaveformId: 'df8216aa-d8f6-4501-864f-f8334d946561' },
      wire: { InstanceId: 'ed954e8a-a4df-4a3c-89ba-0afeca1def5a', ScriptId: '0fe7f71c-8771-42ef-9bb1-19aa16ae7120', ScriptWaveformId: 'df8216aa-d8f6-4501-864f-f8334d946561' },
    },
  ],
});
