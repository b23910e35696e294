import { z } from 'zod';
import { volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { taskOpenId } from '../shared/volcengine.js';

export default defineOperation({
  id: 'volcengine.PauseTask',
  title: 'Pause a task',
  description:
    'Pauses a running Volcengine call task: no new calls are placed (calls already in progress finish). Resume it with volcengine.ResumeTask; volcengine.StopTask ends it for good. Answers with no result fields on success.',
  access: 'write',
  resource: 'task',
  check: ['TaskOpenId'],
  idempotent: true,
  // Old doc page: form body; Go SDK: TaskOpenId in the query string; the 2025 pages of the sibling
  // Resume/Stop actions send JSON. JSON follows the current pages (the simulator accepts all three).
  wire: {
    bodyType: 'json',
  },
  docUrl: 'https://www.volcengine.com/docs/6358/172944',
  input: () => z.strictObject({ TaskOpenId: taskOpenId() }),
  output: () => volcengineResponse(z.looseObject({})),
  examples: [{ input: { TaskOpenId: '123456' }, wire: { TaskOpenId: '123456' } }],
});
