import { z } from 'zod';
import { pbxResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';

export default defineOperation({
  id: 'pbx.logout',
  title: 'Log out of the PBX API',
  description:
    'Invalidates the client\'s API token and stops the PBX\'s event reports to this server. The next PBX operation logs in again automatically (a new token, and event reports resume).',
  access: 'write',
  resource: 'session',
  idempotent: true,
  docUrl: 'https://help.yeastar.com/en/s-series-developer-v2/api-v2/api-interfaces-overview.html',
  input: () => z.strictObject({}),
  output: () => pbxResponse({}),
  examples: [{ input: {}, wire: {} }],
});
