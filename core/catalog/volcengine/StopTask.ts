import { z } from 'zod';
import { volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { taskOpenId } from '../shared/volcengine.js';

export default defineOperation({
  id: 'volcengine.StopTask',
  title: 'Stop (terminate) a task',
  description:
    'Terminates a Volcengine call task for good: numbers not yet called are never called, and the task cannot be resumed (use volcengine.PauseTask to stop temporarily). Answers with no result fields on success.',
  access: 'write',
  resource: 'task',
  check: ['TaskOpenId'],
  destructive: true,
  idempotent: true,
  // 2025 doc page: POST JSON (old page: form; Go SDK: query string).
  wire: {
    bodyType: 'json',
  },
  docUrl: 'https://www.volcengine.com/docs/6358/1722088',
  input: () => z.strictObject({ TaskOpenId: taskOpenId() }),
  output: () => volcengineResponse(z.looseObject({})),
  examples: [{ input: { TaskOpenId: '123456' }, wire: { TaskOpenId: '123456' } }],
});
