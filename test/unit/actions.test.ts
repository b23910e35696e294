// core/actions against the sandbox: bulk callee adding (screening, chunks, progress, partial failure,
// previews) and paging through a task's calls, as any front end runs them with its own `invoke`.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCallees, screenCallees, type AddProgress } from '../../core/actions/add-callees.js';
import { allTaskCalls, taskCallsPage } from '../../core/actions/task-calls.js';
import type { CallbridgeClient } from '../../core/client.js';
import { PROVIDERS, sendingInvoke, type Invoke, type ProviderSettings } from '../../core/providers/index.js';
import { createClientFromEnv } from '../../mcp/client-factory.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';

let sandbox: RunningSandbox;
let client: CallbridgeClient;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'core-actions', speed: 600 });
  client = createClientFromEnv({ env: sandbox.env });
});
afterAll(async () => {
  await sandbox?.close();
});

const settings: ProviderSettings = { now: () => Date.now(), nonce: () => randomUUID() };
const dyvms = PROVIDERS.dyvms;

async function newTask(name: string): Promise<string> {
  const created = await dyvms.createTask(sendingInvoke(client), settings, { name, script_id: '1000000000001', caller_id: '057100000000' });
  if (!created.task_id) throw new Error('the sandbox created no task');
  return created.task_id;
}

async function sandboxCallNumbers(taskId: string): Promise<string[]> {
  const calls = (await (await fetch(`${sandbox.url}/_sandbox/calls?taskId=${taskId}`)).json()) as Array<{ number: string }>;
  return calls.map((c) => c.number).sort();
}

describe('screenCallees', () => {
  it('normalises numbers and sets aside malformed, repeated and refused ones with reasons', () => {
    const refuse = (n: string) => (n.startsWith('139') ? 'deny-numbers: 139* is denied' : undefined);
    const r = screenCallees([{ number: '138 0000-0001', ref: 'a' }, { number: 'call me' }, { number: '13800000001' }, { number: '13900000001' }, { number: '+8613800000002' }], refuse);
    expect(r.valid).toEqual([{ number: '13800000001', ref: 'a' }, { number: '+8613800000002' }]);
    expect(r.rejections).toEqual([
      { number: 'call me', reason: 'not a phone number (3-20 digits, optional +)' },
      { number: '13800000001', reason: 'duplicate in this request' },
      { number: '13900000001', reason: 'deny-numbers: 139* is denied' },
    ]);
  });
});

describe('addCallees', () => {
  it('sends chunks of the provider limit with progress, and the vendor has every callee', async () => {
    const taskId = await newTask('bulk');
    const callees = Array.from({ length: 2300 }, (_, i) => ({ number: `1350${String(i).padStart(7, '0')}` }));
    const progress: AddProgress[] = [];
    const out = await addCallees({ provider: dyvms, invoke: sendingInvoke(client), settings, taskId, callees, onProgress: (p) => void progress.push(p) });
    expect(out).toEqual({ accepted: 2300, rejections: [], requests: 3, previewed: false });
    expect(progress.map((p) => [p.requests, p.chunks, p.total])).toEqual([
      [0, 3, 2300],
      [1, 3, 2300],
      [2, 3, 2300],
      [3, 3, 2300],
    ]);
    expect(progress.at(-1)?.accepted).toBe(2300);
  });

  it('a failed request: thrown when nothing was added, reported as incomplete beside what was', async () => {
    const callees = Array.from({ length: 2500 }, (_, i) => ({ number: `1351${String(i).padStart(7, '0')}` }));
    await expect(addCallees({ provider: dyvms, invoke: sendingInvoke(client), settings, taskId: '999', callees })).rejects.toThrow();

    const taskId = await newTask('partial');
    let sent = 0;
    const secondFails: Invoke = async (id, input) => {
      if (++sent === 2) throw new Error('link down');
      return sendingInvoke(client)(id, input);
    };
    // Chunks of 1,000, 1,000 and 500, all in flight at once: the second one fails.
    const out = await addCallees({ provider: dyvms, invoke: secondFails, settings, taskId, callees });
    expect(out).toEqual({ accepted: 1500, rejections: [], requests: 2, incomplete: '1000 callee(s) not added: link down', previewed: false });
  });

  it('previewed requests (a dry run) add nothing and say so', async () => {
    const previewing: Invoke = () => Promise.resolve({ sent: false });
    const out = await addCallees({ provider: dyvms, invoke: previewing, settings, taskId: '1', callees: [{ number: '13800000001' }] });
    expect(out).toEqual({ accepted: 0, rejections: [], requests: 1, previewed: true });
  });

  it('an aborted signal stops further chunks', async () => {
    const taskId = await newTask('cancelled');
    const abort = new AbortController();
    abort.abort();
    const out = await addCallees({ provider: dyvms, invoke: sendingInvoke(client), settings, taskId, callees: [{ number: '13800000001' }], signal: abort.signal });
    expect(out).toMatchObject({ accepted: 0, requests: 0, incomplete: 'the request was cancelled' });
  });
});

describe('task call paging', () => {
  it('pages through every call of a run task', async () => {
    const taskId = await newTask('paging');
    const numbers = Array.from({ length: 5 }, (_, i) => `1360000000${i}`);
    await addCallees({ provider: dyvms, invoke: sendingInvoke(client), settings, taskId, callees: numbers.map((number) => ({ number })) });
    await dyvms.controlTask(sendingInvoke(client), settings, taskId, 'start');
    for (;;) {
      const status = await dyvms.taskStatus(sendingInvoke(client), settings, taskId);
      if (status.state === 'completed') break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const first = await taskCallsPage(dyvms, sendingInvoke(client), settings, taskId, 1, 2);
    expect(first).toMatchObject({ page: 1, page_size: 2, has_more: true });
    expect(first.calls).toHaveLength(2);
    const last = await taskCallsPage(dyvms, sendingInvoke(client), settings, taskId, 3, 2);
    expect(last).toMatchObject({ page: 3, has_more: false });
    const all: string[] = [];
    for await (const call of allTaskCalls(dyvms, sendingInvoke(client), settings, taskId, 2)) all.push(call.callee ?? '');
    expect(all.sort()).toEqual(numbers);
    expect(await sandboxCallNumbers(taskId)).toEqual(numbers);
  });
});
