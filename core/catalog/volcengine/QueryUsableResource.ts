import { z } from 'zod';
import { list, volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { resourceRecord, resourceTypeFilter } from '../shared/volcengine.js';

export default defineOperation({
  id: 'volcengine.QueryUsableResource',
  title: 'List usable voice resources (v1)',
  description:
    'Lists the voice resources of one kind that can be used in calls now (approved voice files, TTS templates or IVR files); the result is a plain list. Prefer volcengine.QueryUsableResourceV2, the documented successor; this older action is known only from the vendor SDKs.',
  access: 'read',
  // Go SDK: POST with Type in the query string and an empty body. No doc page was found.
  wire: {
    method: 'POST',
    bodyType: 'query',
  },
  docUrl: 'https://github.com/volcengine/volc-sdk-golang/blob/main/service/vms/config.go',
  input: z.strictObject({ Type: resourceTypeFilter() }),
  output: volcengineResponse(list(resourceRecord()).describe('Usable resources.')),
  examples: [{ input: { Type: '1' }, wire: { Type: 1 } }],
});
