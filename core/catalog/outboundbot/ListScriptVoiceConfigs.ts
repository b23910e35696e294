import { z } from 'zod';
import { alibabaResponse, bool, int, list, num, resourceId, str } from '../../fields.js';
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
  id: 'outboundbot.ListScriptVoiceConfigs',
  title: 'List the voice configurations of a script',
  description:
    "Lists, one page at a time, every piece of text a script speaks with how it is spoken: TTS or WAVEFORM (recordings), and the text-to-recording mapping (as an array). Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Use a ScriptVoiceConfigId from here with outboundbot.ModifyScriptVoiceConfig to switch a text to recordings. Totals are in ScriptVoiceConfigs.TotalCount.",
  access: 'read',
  pagination: {
    pageParam: 'PageNumber',
    sizeParam: 'PageSize',
    maxPageSize: 100,
    itemsPath: 'ScriptVoiceConfigs.List',
    totalPath: 'ScriptVoiceConfigs.TotalCount',
  },
  input: z.strictObject({
    InstanceId: resourceId().describe('Outbound-bot instance ID, from outboundbot.ListInstances.'),
    ScriptId: resourceId().describe('Script ID, from outboundbot.ListScripts.'),
    PageNumber: int(1).describe('Page number, starting at 1.'),
    PageSize: int(1, 100).describe('Items per page, 1-100 (the docs state no maximum; 100 is the largest page they show).'),
  }),
  output: alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
    ScriptVoiceConfigs: z
      .looseObject({
        List: list(voiceConfig).describe('Voice configurations on this page.'),
        PageNumber: num().optional().describe('Page number returned.'),
        PageSize: num().optional().describe('Page size returned.'),
        TotalCount: num().optional().describe('Total number of items across all pages.'),
      })
      .optional()
      .describe('One page of voice configurations.'),
  }),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'f95c7ca6-872c-4765-8493-165a8dfc682d', PageNumber: 1, PageSize: 20 },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', ScriptId: 'f95c7ca6-872c-4765-8493-165a8dfc682d', PageNumber: '1', PageSize: '20' },
    },
  ],
});
