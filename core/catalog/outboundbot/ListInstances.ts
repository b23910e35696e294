import { z } from 'zod';
import { list } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceOut, instanceResponse } from '../shared/outboundbot-config.js';

export default defineOperation({
  id: 'outboundbot.ListInstances',
  title: 'List outbound-bot instances',
  description:
    'Lists every Outbound Bot instance of the account (not paged) with its ID, name and maximum concurrency. Start here: almost every other outboundbot operation needs an InstanceId from this list. Next: outboundbot.ListScripts (scripts of an instance) or outboundbot.DescribeInstance.',
  access: 'read',
  listItems: 'Instances',
  resource: 'instance',
  input: () => z.strictObject({}),
  output: () => instanceResponse({
    Instances: list(instanceOut('Instance ID; pass it as InstanceId to the other outboundbot operations.')).optional().describe('All instances of the account.'),
  }),
  examples: [{ input: {}, wire: {} }],
});
