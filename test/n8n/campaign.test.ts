// The Outbound Bot node's Campaign resource against the sandbox: callees from items (one request for
// all), start/pause/resume, and one result item per call.
import type { IDataObject } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { executeProduct } from '../../nodes/shared/execute.js';
import { DEFAULT_CALLING_NUMBER, DEFAULT_INSTANCE_ID, DEFAULT_SCRIPT_ID } from '../../sandbox/outboundbot/state.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { fakeExecute, sandboxCredentials } from './helpers.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ speed: 60, seed: 5 });
});
afterAll(async () => {
  await sandbox?.close();
});

const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

async function run(parameters: Array<Record<string, unknown>>, executionId?: string) {
  const context = fakeExecute({ credentials: sandboxCredentials(sandbox), parameters, executionId });
  const [items] = await executeProduct.call(context.ctx, 'outboundbot');
  return { items, requests: context.requests };
}

async function createGroup(name: string): Promise<string> {
  const { items } = await run([
    {
      resource: 'jobGroup',
      operation: 'CreateJobGroup',
      InstanceId: fromList(DEFAULT_INSTANCE_ID),
      JobGroupName: name,
      ScriptId: fromList(DEFAULT_SCRIPT_ID),
      additionalFields: { CallingNumber: [DEFAULT_CALLING_NUMBER] },
    },
  ]);
  return (items[0].json.JobGroup as { JobGroupId: string }).JobGroupId;
}

const campaign = (operation: string, group: string, extra: Record<string, unknown> = {}) => ({
  resource: 'campaign',
  operation,
  InstanceId: fromList(DEFAULT_INSTANCE_ID),
  JobGroupId: fromList(group),
  ...extra,
});

describe('Campaign from items', () => {
  it('adds one callee per input item in one request, with variables passed through as JSON, and returns one result item per call', async () => {
    const group = await createGroup('campaign from items');
    const people = [
      { phone: '13800001001', name: 'Li', ref: 'crm-1', params: { amount: '12.50' } },
      { phone: '13800001002', name: 'Wang', ref: 'crm-2', params: { amount: 7 } },
      { phone: '13800001003', name: 'Zhao', ref: 'crm-3', params: { amount: '3' } },
    ];
    const { items, requests } = await run(
      people.map((p) =>
        campaign('addCallees', group, { calleeSource: 'items', phoneNumber: p.phone, calleeName: p.name, referenceId: p.ref, variablesMode: 'json', variablesJson: p.params }),
      ),
    );
    expect(items).toHaveLength(1);
    expect(items[0].json).toMatchObject({ jobGroupId: group, accepted: 3, requests: 1, rejected: [] });
    const assign = requests.filter((r) => new URLSearchParams(r.body).get('Action') === 'AssignJobs');
    expect(assign).toHaveLength(1);
    const job = JSON.parse(new URLSearchParams(assign[0].body).get('JobsJson.2') ?? '{}') as IDataObject;
    expect(job).toEqual({ contacts: [{ phonenumber: '13800001002', referenceId: 'crm-2', name: 'Wang' }], extras: [{ key: 'amount', value: '7' }] });

    // Followed by polling the vendor's state (sandbox at 60x), not by sleeping.
    const results = await vi.waitFor(
      async () => {
        const found = (await run([campaign('results', group, { returnAll: true })])).items.map((i) => i.json);
        expect(found.filter((r) => r.final === true)).toHaveLength(3);
        return found;
      },
      { timeout: 60_000, interval: 250 },
    );
    expect(results.map((r) => r.callee).sort()).toEqual(people.map((p) => p.phone));
    for (const r of results) {
      expect(r.final).toBe(true);
      if (r.startTime !== undefined) expect(String(r.startTime)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
      expect(typeof r.jobId).toBe('string');
    }
  });

  it('pauses and resumes a campaign, saying what state it is in', async () => {
    const group = await createGroup('pause and resume');
    await run([campaign('addCallees', group, { calleeSource: 'list', callees: { values: [{ phoneNumber: '13800002001' }] } })]);
    const paused = await run([campaign('pause', group)]);
    expect(paused.items[0].json).toMatchObject({ jobGroupId: group, done: 'pause', operation: 'SuspendJobs' });
    const resumed = await run([campaign('resume', group)]);
    expect(resumed.items[0].json).toMatchObject({ jobGroupId: group, done: 'resume', operation: 'ResumeJobs' });
  });

  it('refuses an item without a phone number before anything is sent', async () => {
    const group = await createGroup('empty phone');
    const context = fakeExecute({ credentials: sandboxCredentials(sandbox), parameters: [campaign('addCallees', group, { calleeSource: 'items', phoneNumber: '' })] });
    await expect(executeProduct.call(context.ctx, 'outboundbot')).rejects.toThrow('Phone Number is empty in item 1');
    expect(context.requests).toHaveLength(0);
  });

  it('a retry of the same run after a lost answer adds no callee twice: it refuses, naming the job group and Reference IDs', async () => {
    const group = await createGroup('retry after a lost answer');
    const control = (path: string, body?: unknown) =>
      fetch(`${sandbox.url}/_sandbox/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<IDataObject>);
    await control('faults', { spec: 'outboundbot.AssignJobs:reset-after-processing=1' });
    const items = ['13800003001', '13800003002'].map((phoneNumber) => campaign('addCallees', group, { calleeSource: 'items', phoneNumber }));
    try {
      await expect(run(items, 'exec-campaign-lost')).rejects.toThrow(/Outcome unknown/);
      for (let retry = 0; retry < 2; retry++) {
        const again = run(items, 'exec-campaign-lost');
        await expect(again).rejects.toThrow(/Not sent again/);
        await expect(again).rejects.toThrow(new RegExp(`job group ${group}.*Reference ID n8n[0-9a-f]{12}`));
      }
    } finally {
      await control('faults', { spec: '' });
    }
    const injected = (await control('faults')).injected as IDataObject;
    expect(injected['outboundbot.AssignJobs'], 'AssignJobs reached the sandbox once, and its answer was lost').toEqual({ 'reset-after-processing': 1 });
    // The job group as the sandbox holds it: each callee once.
    const jobs = (await run([campaign('results', group, { returnAll: true })])).items.map((i) => i.json.callee);
    expect(jobs.sort()).toEqual(['13800003001', '13800003002']);
    // Another execution is a new attempt (after checking, the operator runs the workflow again).
    const other = await run(items, 'exec-campaign-next');
    expect(other.items[0].json).toMatchObject({ accepted: 2 });
  });
});
