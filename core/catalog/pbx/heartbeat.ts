import { z } from 'zod';
import { coded, pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { pbxVersionBody } from '../shared/pbx.js';

export default defineOperation({
  id: 'pbx.heartbeat',
  title: 'Keep the PBX API token alive',
  description:
    'Extends the API token by 30 minutes (it expires after 30 idle minutes) and tells the PBX where to send event reports: ipaddr is required (and port on APIs 1.x). The client already keeps its token alive on its own (with a heartbeat when CALLBRIDGE_PBX_EVENT_HOST is set, else by logging in again), so this is needed only to move the event destination. Errno 20004 means the token is gone; the client then logs in again.',
  access: 'write',
  resource: 'session',
  idempotent: true,
  docUrl: 'https://help.yeastar.com/en/k2-developer/api/heartbeat_packet.html',
  input: () => z.strictObject({
    ipaddr: z.string().min(1).describe('IP address of the server that receives event reports (required on every API version).'),
    port: z
      .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().regex(/^\d{1,5}$/, 'must be a port number').refine((p) => Number(p) <= 65535, 'must be a port number (0-65535)'))
      .optional()
      .describe('Port of that server; required on APIs 1.x (v2.0.0 defaults to 8260).'),
    url: z.string().min(1).optional().describe('Report path, or host:port/path when urltag is "1".'),
    urltag: coded(z.enum(['0', '1']), { 0: 'Path on the PBX address', 1: 'Absolute (host:port/path)' }).optional().describe('"0": url is relative to ipaddr:port; "1": url is absolute. (Sent as urltag, the spelling of API v2.0.0, the Chinese S-Series pages and login; the English 1.x pages spell it urlflag.)'),
    version: z.enum(['2.0.0']).optional().describe('API v2.0.0 only: event report format.'),
  }),
  wire: {
    pbxBody: (input, version) => pbxVersionBody('pbx.heartbeat', input, version, { version: { '1.x': null } }, { '1.x': ['port'] }),
  },
  output: () => pbxResponse({}),
  examples: [
    { title: 'Keep alive (APIs 1.x need the port too)', input: { ipaddr: '192.168.5.20', port: 8260 }, wire: { ipaddr: '192.168.5.20', port: '8260' } },
    { title: 'Move event reports', input: { ipaddr: '192.168.5.20', port: 8260, url: 'report', urltag: '0' }, wire: { ipaddr: '192.168.5.20', port: '8260', url: 'report', urltag: '0' } },
  ],
});
