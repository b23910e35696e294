// `callbridge task calls <provider> <task>`: every call of a task, page after page (progress on
// stderr), as a table on a terminal or JSON.
import { taskCallsPage } from '../../core/actions/task-calls.js';
import type { CallResult } from '../../core/call-result.js';
import { PROVIDERS, type ProviderName } from '../../core/providers/index.js';
import type { Env } from '../env-config.js';
import { outputFormat, printJson, printLines, table } from './output.js';
import { startProgress, type Progress } from './progress.js';
import { cliSettings } from './provider-settings.js';
import { cliInvoke } from './run-operation.js';
import { withSession } from './session.js';

const PAGE_SIZE = 100;

export async function taskCallsCommand(provider: ProviderName, taskId: string, options: { json?: boolean }, env: Env): Promise<void> {
  const calls = await withSession(env, async (session) => {
    const invoke = cliInvoke(session, {});
    const settings = cliSettings(env);
    const all: CallResult[] = [];
    let progress: Progress | undefined;
    try {
      for (let page = 1; ; page++) {
        const r = await taskCallsPage(PROVIDERS[provider], invoke, settings, taskId, page, PAGE_SIZE);
        all.push(...r.calls);
        progress ??= startProgress('reading the task calls', r.total ?? all.length, 'calls');
        progress.update(all.length, `page ${page}`);
        if (!r.has_more || !r.calls.length) return all;
      }
    } finally {
      progress?.stop();
    }
  });
  if (outputFormat(options) === 'json') {
    printJson(calls);
    return;
  }
  const rows = calls.map((c) => [c.callId ?? '', c.callee ?? '', c.status, c.durationSeconds !== undefined ? `${c.durationSeconds} s` : '', c.endTime ?? '']);
  printLines([...table(['CALL', 'CALLEE', 'STATUS', 'TALK', 'ENDED'], rows), `${calls.length} call(s)`]);
}
