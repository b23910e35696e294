import { z } from 'zod';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, pagedBy, pageNumberParam, pageOf, pageSizeParam, scriptIdParam, scriptResponse, voiceConfigOut } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.ListScriptVoiceConfigs',
  title: 'List the voice configurations of a script',
  description:
    "Lists, one page at a time, every piece of text a script speaks with how it is spoken: TTS or WAVEFORM (recordings), and the text-to-recording mapping (as an array). Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Use a ScriptVoiceConfigId from here with outboundbot.ModifyScriptVoiceConfig to switch a text to recordings. Totals are in ScriptVoiceConfigs.TotalCount.",
  access: 'read',
  resource: 'script',
  pagination: pagedBy('ScriptVoiceConfigs'),
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    PageNumber: pageNumberParam(),
    PageSize: pageSizeParam(),
  }),
  output: () => scriptResponse({
    ScriptVoiceConfigs: pageOf(voiceConfigOut(), 'voice configurations'),
  }),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'f95c7ca6-872c-4765-8493-165a8dfc682d', PageNumber: 1, PageSize: 20 },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'f95c7ca6-872c-4765-8493-165a8dfc682d', PageNumber: '1', PageSize: '20' },
    },
  ],
});
