import { z } from 'zod';
import { int, list, volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { limit, offset, pageFields, resourceRecord, resourceTypeFilter } from '../shared/volcengine.js';

export default defineOperation({
  id: 'volcengine.QueryOpenGetResource',
  title: 'List voice resources with their review state',
  description:
    'Lists this account\'s voice resources (voice files, TTS templates, IVR files) with their review state (0 under review, 1 approved, 2 rejected), of one kind (Type, required), filtered by name/key and state, a page at a time (Limit/Offset; Total gives the count). Only approved resources can be used in calls.',
  access: 'read',
  listItems: 'Result.Records',
  resource: 'voiceResource',
  wire: {
    bodyType: 'json',
  },
  docUrl: 'https://www.volcengine.com/docs/6358/1722085',
  input: () => z.strictObject({
    Type: resourceTypeFilter(),
    Keyword: z.string().min(1).optional().describe('Part of the resource name, or its key.'),
    State: int(0, 2).optional().describe('Review state: 0 = under review, 1 = approved, 2 = rejected.'),
    Limit: limit(100, 10),
    Offset: offset(),
  }),
  output: () => volcengineResponse(z.looseObject({ Records: list(resourceRecord()).optional(), ...pageFields() })),
  examples: [{ input: { Type: 1, State: '1', Limit: 20, Offset: 0 }, wire: { Type: 1, State: 1, Limit: 20, Offset: 0 } }],
});
