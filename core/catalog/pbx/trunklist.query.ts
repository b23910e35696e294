import { z } from 'zod';
import { list, pbxResponse, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';

export default defineOperation({
  id: 'pbx.trunklist.query',
  title: 'List trunks',
  description:
    'Lists the PBX trunks with their name, type (SIP, ...) and state (Registering, Failure, Registered, Disable, Unknown). The trunk name is what call events and outbound call queries show as trunk. On API v2.0.0 this is trunk/list.',
  access: 'read',
  listItems: 'trunklist',
  resource: 'trunk',
  wire: {
    pbxPaths: { 'v2.0.0': 'trunk/list' },
  },
  // Yeastar documents trunklist/query for the 1.x API (v1.1.0) and trunk/list in the S-Series v2.0.0 API overview.
  docUrl: 'https://help.yeastar.com/zh-cn/cloudpbx-developer/api/api_query_trunk_list.html',
  input: () => z.strictObject({}),
  output: () => pbxResponse({
    trunklist: list(
      z.looseObject({
        trunkname: str().optional().describe('Trunk name.'),
        type: str().optional().describe('Trunk type, e.g. SIP.'),
        status: str().optional().describe('Registering, Failure, Registered, Disable or Unknown.'),
      }),
    )
      .optional()
      .describe('The trunks.'),
  }),
  examples: [{ input: {}, wire: {} }],
});
