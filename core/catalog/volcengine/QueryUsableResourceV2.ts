import { z } from 'zod';
import { list, volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { resourceRecord, resourceTypeFilter } from '../shared/volcengine.js';

export default defineOperation({
  id: 'volcengine.QueryUsableResourceV2',
  title: 'List usable voice resources',
  description:
    'Lists the voice resources of one kind that can be used in calls now: approved voice files (Type 0), TTS templates (1, with their text) or IVR files (2). Use a ResourceKey as Resource in volcengine.CreateTask or SingleBatchAppend. For every resource with its review state, use volcengine.QueryOpenGetResource.',
  access: 'read',
  listItems: 'Result.Records',
  resource: 'voiceResource',
  // 2025 doc page: GET with Type in the query string, no body.
  wire: {
    bodyType: 'query',
  },
  docUrl: 'https://www.volcengine.com/docs/6358/1722078',
  input: () => z.strictObject({ Type: resourceTypeFilter() }),
  output: () => volcengineResponse(z.looseObject({ Records: list(resourceRecord()).optional().describe('Usable resources.') })),
  examples: [{ input: { Type: 0 }, wire: { Type: 0 } }],
});
