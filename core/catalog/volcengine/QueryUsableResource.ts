import { z } from 'zod';
import { list, volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { resourceRecord, resourceTypeFilter } from '../shared/volcengine.js';

export default defineOperation({
  id: 'volcengine.QueryUsableResource',
  title: 'List usable voice resources (legacy)',
  legacy: { replacedBy: 'volcengine.QueryUsableResourceV2', reason: 'The current generated SDK has only QueryUsableResourceV2 (GET, Result.Records[]).' },
  description:
    'Lists the voice resources of one kind that can be used in calls now (approved voice files, TTS templates or IVR files); the result is a plain list. Prefer volcengine.QueryUsableResourceV2, its successor, which the curated tools use.',
  access: 'read',
  listItems: 'Result',
  resource: 'voiceResource',
  // volc-sdk-golang and doc page 173278: POST with Type in the query string and an empty body.
  wire: {
    method: 'POST',
    bodyType: 'query',
  },
  docUrl: 'https://www.volcengine.com/docs/6358/173278',
  input: () => z.strictObject({ Type: resourceTypeFilter() }),
  output: () => volcengineResponse(list(resourceRecord()).describe('Usable resources.')),
  examples: [{ input: { Type: '1' }, wire: { Type: 1 } }],
});
