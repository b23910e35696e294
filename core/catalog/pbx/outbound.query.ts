import { z } from 'zod';
import { list, pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { callIds, trunkCall, trunkQueryBody, v2Calls } from '../shared/pbx.js';

export default defineOperation({
  id: 'pbx.outbound.query',
  title: 'List current outbound calls',
  description:
    'Lists the outbound (PBX to trunk) calls in progress, or the ones with the given IDs: from, to, trunk and state (e.g. Talking). On API v2.0.0 this is call/query: give callid for one call, or nothing for every outbound call; the answer lists each call with its members (legs) and their channelid, which pbx.outbound.hangup needs there. Errno 10007: no such call.',
  access: 'read',
  listItems: ['outbound', 'calls'],
  resource: 'outboundCall',
  wire: {
    pbxPaths: { 'v2.0.0': 'call/query' },
    pbxBody: trunkQueryBody('outbound'),
  },
  docUrl: 'https://help.yeastar.com/zh-cn/s1000-developer-v2/api-v2/call-query.html',
  input: () => z.strictObject({
    outboundid: callIds('outboundid values')
      .optional()
      .describe('APIs 1.x: outboundid(s) of the calls, separated by commas (from events or earlier answers); leave out for all.'),
    callid: callIds('a call ID')
      .optional()
      .describe('API v2.0.0: callid of one call; leave out for all outbound calls.'),
  }),
  output: () => pbxResponse({
    outbound: list(trunkCall('outboundid')).optional().describe('APIs 1.x: the calls found.'),
    calls: v2Calls(),
  }),
  examples: [
    { title: 'One call (1.x)', input: { outboundid: '1495705009.316' }, wire: { outboundid: '1495705009.316' } },
    { title: 'All outbound calls', input: {}, wire: {} },
  ],
});
