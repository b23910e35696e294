import { z } from 'zod';
import { pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { pbxVersionBody } from '../shared/pbx.js';

export default defineOperation({
  id: 'pbx.heartbeat',
  title: 'Keep the PBX API token alive',
  description:
    'Extends the API token by 30 minutes (it expires after 30 idle minutes) and optionally changes where the PBX sends event reports. The client already sends heartbeats on its own when the token has been idle for 20 minutes, so this is needed only to move the event destination. Errno 20004 means the token is gone; the client then logs in again.',
  access: 'write',
  resource: 'session',
  idempotent: true,
  docUrl: 'https://help.yeastar.com/en/k2-developer/api/heartbeat_packet.html',
  input: z.strictObject({
    ipaddr: z.string().min(1).optional().describe('IP address of the server that receives event reports.'),
    port: z
      .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().regex(/^\d{1,5}$/, 'must be a port number'))
      .optional()
      .describe('Port of that server.'),
    url: z.string().min(1).optional().describe('Report path, or host:port/path when urltag is "1".'),
    urltag: z.enum(['0', '1']).optional().describe('"0": url is relative to ipaddr:port; "1": url is absolute. (The K2 1.x page spells it urlflag.)'),
    version: z.enum(['2.0.0']).optional().describe('API v2.0.0 only: event report format.'),
  }),
  wire: {
    pbxBody: (input, version) => pbxVersionBody('pbx.heartbeat', input, version, { version: { '1.x': null } }),
  },
  output: pbxResponse({}),
  examples: [
    { title: 'Keep alive only', input: {}, wire: {} },
    { title: 'Move event reports', input: { ipaddr: '192.168.5.20', port: 8260, url: 'report', urltag: '0' }, wire: { ipaddr: '192.168.5.20', port: '8260', url: 'report', urltag: '0' } },
  ],
});
