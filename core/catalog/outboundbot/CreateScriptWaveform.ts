import { z } from 'zod';
import { str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.CreateScriptWaveform',
  title: 'Register a recording for a script text',
  description:
    "Registers an already uploaded audio file as a recording of a piece of script text (ScriptContent). FileId is the file's OSS object key after upload (e.g. UPLOADED_RECORDING/<instance>/<file>.wav); how to upload is not documented in seed 003 (the console does it). Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Returns ScriptWaveformId; then map it to the text with outboundbot.ModifyScriptVoiceConfig (Type WAVEFORM). Recordings already registered for a text: outboundbot.QueryScriptWaveforms.",
  access: 'write',
  resource: 'script',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
    ScriptContent: z.string().min(1).describe('The script text the recording speaks, exactly as in the script, e.g. "您好，请问是".'),
    FileId: z.string().min(1).describe('OSS object key of the uploaded audio file, e.g. "UPLOADED_RECORDING/<instance id>/<uuid>_prompt.wav".'),
    FileName: z.string().min(1).describe('File name of the recording, e.g. "prompt.wav".'),
  }),
  output: () => scriptResponse({
    ScriptWaveformId: str().optional().describe('ID of the registered recording.'),
  }),
  examples: [
    {
      input: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        ScriptId: '5d30e0e8-cfe8-411c-b177-d0858a34b62d',
        ScriptContent: '您好，请问是',
        FileId: 'UPLOADED_RECORDING/174952ab-9825-4cc9-a5e2-de82d7fa4cdd/fe7b3bc7-c0f4-4422-80cf-5a24f64268a0_mybank-debt-inbound-prompt.wav',
        FileName: 'mybank-debt-inbound-prompt.wav',
      },
      wire: {
        InstanceId: '174952ab-9825-4cc9-a5e2-de82d7fa4cdd',
        ScriptId: '5d30e0e8-cfe8-411c-b177-d0858a34b62d',
        ScriptContent: '您好，请问是',
        FileId: 'UPLOADED_RECORDING/174952ab-9825-4cc9-a5e2-de82d7fa4cdd/fe7b3bc7-c0f4-4422-80cf-5a24f64268a0_mybank-debt-inbound-prompt.wav',
        FileName: 'mybank-debt-inbound-prompt.wav',
      },
    },
  ],
});
