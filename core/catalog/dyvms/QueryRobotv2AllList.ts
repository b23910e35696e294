import { z } from 'zod';
import { alibabaResponse, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { jsonList } from './shared/fields.js';

export default defineOperation({
  id: 'dyvms.QueryRobotv2AllList',
  title: 'List robot scripts',
  description:
    'Returns all robot dialogue scripts (话术) of the account with their IDs. Call it first when creating a robot campaign: the script id is the DialogId of dyvms.CreateRobotTask. ' +
    'Data is always returned as a list here, although the vendor declares JSON text and its example shows a single object.',
  access: 'read',
  listItems: 'Data',
  resource: 'robotTask',
  qps: 100,
  input: () => z.strictObject({}),
  output: () => alibabaResponse({
    Data: jsonList(
      z.looseObject({
        id: str().optional().describe('Script ID: pass it as DialogId to dyvms.CreateRobotTask.'),
        robotName: str().optional().describe('Script (robot) name.'),
        robotType: str().optional().describe('Script type, e.g. CUSTOM.'),
      }),
    )
      .optional()
      .describe('The robot scripts.'),
  }),
  examples: [{ input: {}, wire: {} }],
});
