import { z } from 'zod';
import { resourceId } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.DeleteScript',
  title: 'Delete a dialogue script',
  description:
    'Permanently deletes a dialogue script with its flows, intents, global questions, tags and voice settings. Irreversible: export it first with outboundbot.ExportScript if it may be needed again, and make sure no running job group uses it (outboundbot.ListJobGroups).',
  access: 'write',
  resource: 'script',
  destructive: true,
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: resourceId().describe('ID of the script to delete, from outboundbot.ListScripts.'),
  }),
  output: () => scriptResponse({
  }),
  examples: [
    {
      input: { InstanceId: 'b3d5ac22-9643-49c6-aa84-777f6656f9f5', ScriptId: '5c589560-6b9d-4415-a3e0-049c4ff05f56' },
      wire: { InstanceId: 'b3d5ac22-9643-49c6-aa84-777f6656f9f5', ScriptId: '5c589560-6b9d-4415-a3e0-049c4ff05f56' },
    },
  ],
});
