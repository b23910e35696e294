import { z } from 'zod';
import { providerFor } from '../server/providers.js';
import { defineTool } from './define.js';
import { providerOut, READ_HINTS, taskProvider } from './schemas.js';

export const list_robot_scripts = defineTool({
  name: 'list_robot_scripts',
  toolset: 'tasks',
  readOnly: true,
  scope: 'calls:read',
  title: 'List robot scripts',
  description: 'Scripts a call task can use (dyvms robot scripts, outboundbot scripts, volcengine voice files/TTS templates/IVR flows). Pass script_id to create_call_task.',
  input: { provider: taskProvider() },
  output: {
    provider: providerOut,
    scripts: z.array(z.object({ script_id: z.string(), name: z.string().optional(), type: z.string().optional(), status: z.string().optional() })),
  },
  hints: READ_HINTS,
  async run(args, ctx) {
    const { provider, invoke, settings } = providerFor(ctx, args.provider);
    return { provider: args.provider, scripts: await provider.listScripts(invoke, settings) };
  },
});
