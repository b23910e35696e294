import { z } from 'zod';
import { list, pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callIds, trunkCall, trunkQueryBody, v2Calls } from '../shared/pbx.js';

export default defineOperation({
  id: 'pbx.inbound.query',
  title: 'List current inbound calls',
  description:
    'Lists the inbound (trunk to PBX) calls in progress, or the ones with the given IDs: from, to, trunk and state (e.g. Talking). On API v2.0.0 this is call/query: give callid for one call, or nothing for every inbound call; the answer lists each call with its members (legs) and their channelid, which pbx.inbound.hangup needs there. Errno 10007: no such call.',
  access: 'read',
  listItems: ['inbound', 'calls'],
  resource: 'inboundCall',
  wire: {
    pbxPaths: { 'v2.0.0': 'call/query' },
    pbxBody: trunkQueryBody('inbound'),
  },
  docUrl: 'https://help.yeastar.com/zh-cn/s1000-developer-v2/api-v2/call-query.html',
  input: () => z.strictObject({
    inboundid: callIds('inboundid values')
      .optional()
      .describe('APIs 1.x: inboundid(s) of the calls, separated by commas (from events or earlier answers); leave out for all.'),
    callid: callIds('a call ID')
      .optional()
      .describe('API v2.0.0: callid of one call; leave out for all inbound calls.'),
  }),
  output: () => pbxResponse({
    inbound: list(trunkCall('inboundid')).optional().describe('APIs 1.x: the calls found.'),
    calls: v2Calls(),
  }),
  examples: [
    { title: 'One call (1.x)', input: { inboundid: '1495705009.316' }, wire: { inboundid: '1495705009.316' } },
    { title: 'All inbound calls', input: {}, wire: {} },
  ],
});
