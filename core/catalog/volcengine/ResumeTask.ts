import { z } from 'zod';
import { volcengineResponse } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { taskOpenId } from '../shared/volcengine.js';

export default defineOperation({
  id: 'volcengine.ResumeTask',
  title: 'Resume a task (dials)',
  description:
    'Resumes a paused Volcengine call task: the platform starts placing real, billed calls again to the numbers not yet called (within the task\'s StartTime-EndTime window). Whether it also starts a task created with Start=false is not stated in the docs. Answers with no result fields on success.',
  access: 'call',
  resource: 'task',
  check: ['TaskOpenId'],
  effects: { dials: 'start', task: ['TaskOpenId'] },
  destructive: true,
  idempotent: true,
  // 2025 doc page: POST JSON {"TaskOpenId":"123456"} (old page: form; Go SDK: query string).
  wire: {
    bodyType: 'json',
  },
  docUrl: 'https://www.volcengine.com/docs/6358/1722087',
  input: () => z.strictObject({ TaskOpenId: taskOpenId() }),
  output: () => volcengineResponse(z.looseObject({})),
  examples: [{ input: { TaskOpenId: 123456 }, wire: { TaskOpenId: '123456' } }],
});
