import { z } from 'zod';
import { list, pbxResponse, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

export default defineOperation({
  id: 'pbx.extensionlist.query',
  title: 'List extensions',
  description:
    'Lists the PBX extensions with their number, user name, type (SIP, FXS, ...) and state (Registered, Unavailable, Ringing, Busy, Hold, Idle, Malfunction). Use an extension number as extid/caller in the dial and prompt operations. On API v2.0.0 this is extension/list, whose answer fields are not documented publicly (they are returned as received).',
  access: 'read',
  resource: 'extension',
  wire: {
    pbxPaths: { 'v2.0.0': 'extension/list' },
  },
  docUrl: 'https://help.yeastar.com/en/cloudpbx-developer/api/api_query_extension_list.html',
  input: z.strictObject({}),
  output: pbxResponse({
    extlist: list(
      z.looseObject({
        extnumber: str().optional().describe('Extension number (1.x).'),
        number: str().optional().describe('Extension number (v2.0.0, unconfirmed name).'),
        username: str().optional(),
        type: str().optional().describe('e.g. SIP, FXS.'),
        status: str().optional().describe('Registered, Unavailable, Ringing, Busy, Hold, Idle or Malfunction.'),
        agentid: str().optional(),
      }),
    )
      .optional()
      .describe('The extensions.'),
  }),
  examples: [{ input: {}, wire: {} }],
});
