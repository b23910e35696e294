import { z } from 'zod';
import { list, pbxResponse, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

export default defineOperation({
  id: 'pbx.extensionlist.query',
  title: 'List extensions',
  description:
    'Lists the PBX extensions with their number, user name, type (SIP, FXS, ...) and state (Registered, Unavailable, Ringing, Busy, Hold, Idle, Malfunction). Use an extension number as extid/caller in the dial and prompt operations. On API v2.0.0 this is extension/list, which names the extension number `number` (1.x: extnumber) and adds port for FXS extensions.',
  access: 'read',
  listItems: 'extlist',
  resource: 'extension',
  wire: {
    pbxPaths: { 'v2.0.0': 'extension/list' },
  },
  docUrl: 'https://help.yeastar.com/en/s-series-developer-v2/api-v2/extension-list.html',
  input: () => z.strictObject({}),
  output: () => pbxResponse({
    extlist: list(
      z.looseObject({
        extnumber: str().optional().describe('Extension number (1.x).'),
        number: str().optional().describe('Extension number (v2.0.0).'),
        username: str().optional(),
        type: str().optional().describe('e.g. SIP, FXS.'),
        port: str().optional().describe('Port of an FXS extension (v2.0.0).'),
        status: str().optional().describe('Registered, Unavailable, Ringing, Busy, Hold, Idle, Malfunction (v2.0.0 also Fxsnoport).'),
        agentid: str().optional(),
      }),
    )
      .optional()
      .describe('The extensions.'),
  }),
  examples: [{ input: {}, wire: {} }],
});
