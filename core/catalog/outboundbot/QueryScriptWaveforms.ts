import { z } from 'zod';
import { list, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

const waveform = () => z.looseObject({
  ScriptWaveformId: str().optional().describe('Recording ID; use it in outboundbot.ModifyScriptVoiceConfig or outboundbot.DeleteScriptWaveform.'),
  ScriptContent: str().optional().describe('The text the recording speaks.'),
  FileName: str().optional().describe('File name of the recording.'),
  FileId: str().optional().describe('OSS object key of the recording.'),
  ScriptId: str().optional().describe('Script ID.'),
});

export default defineOperation({
  id: 'outboundbot.QueryScriptWaveforms',
  title: 'List the recordings of a script text',
  description:
    'Lists the recordings registered (outboundbot.CreateScriptWaveform) for one piece of script text, not paged. Needs InstanceId (outboundbot.ListInstances), ScriptId (outboundbot.ListScripts) and the text as ScriptContent (e.g. from outboundbot.ListScriptVoiceConfigs). Returns ScriptWaveformIds for outboundbot.ModifyScriptVoiceConfig or outboundbot.DeleteScriptWaveform.',
  access: 'read',
  listItems: 'ScriptWaveforms',
  resource: 'script',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    ScriptContent: z.string().min(1).describe('The script text whose recordings to list, e.g. "请问你是".'),
  }),
  output: () => scriptResponse({
    ScriptWaveforms: list(waveform()).optional().describe('Recordings registered for the text.'),
  }),
  examples: [
    {
      input: { InstanceId: '7cec0652-79fb-4f7e-8bbf-86c9fa75b992', ScriptId: '19ac2375-53e3-477f-abe9-6cd334227981', ScriptContent: '请问你是' },
      wire: { InstanceId: '7cec0652-79fb-4f7e-8bbf-86c9fa75b992', ScriptId: '19ac2375-53e3-477f-abe9-6cd334227981', ScriptContent: '请问你是' },
    },
  ],
});
