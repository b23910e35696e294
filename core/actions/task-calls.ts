// Paging through the per-callee calls of a call task, for every front end.
import type { CallResult } from '../call-result.js';
import type { Invoke, Provider, ProviderSettings } from '../providers/types.js';

export interface TaskCallsPage {
  page: number;
  page_size: number;
  total?: number;
  has_more: boolean;
  calls: CallResult[];
}

/** One page (from 1) of a task's calls, and whether another follows. */
export async function taskCallsPage(provider: Provider, invoke: Invoke, settings: ProviderSettings, taskId: string, page: number, pageSize: number): Promise<TaskCallsPage> {
  const r = await provider.listTaskCalls(invoke, settings, taskId, page, pageSize);
  // Without a total, a full page may have a successor.
  const hasMore = r.total !== undefined ? page * r.page_size < r.total : r.calls.length === r.page_size;
  return { page, page_size: r.page_size, ...(r.total !== undefined ? { total: r.total } : {}), has_more: hasMore, calls: r.calls };
}

/** Every call of a task, page after page, until a page says none follow (or `signal` aborts). */
export async function* allTaskCalls(provider: Provider, invoke: Invoke, settings: ProviderSettings, taskId: string, pageSize = 100, signal?: AbortSignal): AsyncGenerator<CallResult> {
  for (let page = 1; !signal?.aborted; page++) {
    const r = await taskCallsPage(provider, invoke, settings, taskId, page, pageSize);
    yield* r.calls;
    if (!r.has_more || !r.calls.length) return;
  }
}
