import { z } from 'zod';
import { providerFor } from '../server/providers.js';
import { defineTool } from './define.js';
import { callRef, providerOut, READ_HINTS, taskProvider } from './schemas.js';

export const get_recording_url = defineTool({
  name: 'get_recording_url',
  toolset: 'tasks',
  readOnly: true,
  scope: 'calls:read',
  title: 'Get a call recording URL',
  description: 'Signed, expiring download URL of a call recording.',
  input: { provider: taskProvider(), ...callRef },
  output: { provider: providerOut, url: z.string(), note: z.string().optional() },
  // A new signed URL each time.
  hints: { ...READ_HINTS, idempotentHint: false },
  async run(args, ctx) {
    const { provider, invoke, settings } = providerFor(ctx, args.provider);
    return { provider: args.provider, ...(await provider.recordingUrl(invoke, settings, args)) };
  },
});
