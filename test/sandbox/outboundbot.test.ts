import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbridgeClient } from '../../core/client.js';
import { CallbridgeError } from '../../core/errors.js';
import { catalog } from '../../core/registry.js';
import { alibaba } from '../../core/vendors/alibaba/index.js';
import { UndiciTransport } from '../../mcp/undici-transport.js';
import { systemRuntime } from '../../mcp/runtime.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { SANDBOX_ROSTER_ROWS } from '../../sandbox/outboundbot/index.js';
import type { PlacedCall } from '../../sandbox/types.js';
import { waitFor } from '../helpers/wait-for.js';

const AK = { accessKeyId: 'ob-test-ak', accessKeySecret: 'ob-test-secret' };

let sandbox: RunningSandbox;
let transport: UndiciTransport;
let client: CallbridgeClient;

type Obj = Record<string, unknown>;
const invoke = (id: string, input: Obj) => client.invoke(`outboundbot.${id}`, input) as Promise<Obj & Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any


async function calls(query: string): Promise<PlacedCall[]> {
  return (await (await fetch(`${sandbox.url}/_sandbox/calls?${query}`)).json()) as PlacedCall[];
}

const FAILURE: Record<string, string> = { no_answer: 'NoAnswer', busy: 'Busy', power_off: 'PoweredOff', failed: 'NotConnected' };

let instanceId: string;
let scriptId: string;

beforeAll(async () => {
  sandbox = await startSandbox({
    speed: 200,
    seed: 'outboundbot',
    env: { ALIBABA_CLOUD_ACCESS_KEY_ID: AK.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: AK.accessKeySecret },
  });
  transport = new UndiciTransport();
  client = new CallbridgeClient(
    { validateOutput: true, alibaba: { ...AK, endpoints: { outboundbot: `${sandbox.url}/outboundbot/` } }, transport, runtime: systemRuntime, maxAttempts: 1 },
    catalog,
  );
  const instances = await invoke('ListInstances', {});
  expect(instances.Instances.length).toBeGreaterThanOrEqual(1);
  instanceId = instances.Instances[0].InstanceId;
  const scripts = await invoke('ListScripts', { InstanceId: instanceId, PageNumber: 1, PageSize: 10 });
  const published = scripts.Scripts.List.find((s: Obj) => s.Status === 'PUBLISHED');
  expect(published).toBeDefined();
  scriptId = published.ScriptId;
});

afterAll(async () => {
  await transport?.close();
  await sandbox?.close();
});

describe('outboundbot simulator through the callbridge client', () => {
  it('runs a campaign: CreateJobGroup, AssignJobs dials every contact, ListJobsByGroup / DescribeJobGroup / DescribeJob show the results', async () => {
    const numbers = await invoke('ListOutboundCallNumbers', { InstanceId: instanceId, PageNumber: 1, PageSize: 10 });
    const caller = numbers.OutboundCallNumbers.List[0].Number as string;
    const created = await invoke('CreateJobGroup', {
      InstanceId: instanceId,
      JobGroupName: 'renewals',
      ScriptId: scriptId,
      CallingNumber: [caller],
      StrategyJson: { name: 'any time', maxAttemptsPerDay: 1, minAttemptInterval: 5 },
    });
    const groupId = created.JobGroup.JobGroupId as string;
    expect(created.JobGroup.Status).toBe('Scheduling');

    const phones = ['13700000001', '13700000002', '13700000003', '13700000004', '13700000005', '13700000006'];
    const assigned = await invoke('AssignJobs', {
      InstanceId: instanceId,
      JobGroupId: groupId,
      JobsJson: phones.map((phonenumber, i) => ({
        extras: [{ key: 'dueDate', value: '2026-02-01' }],
        contacts: [{ phonenumber, name: `Contact ${i}`, referenceId: `crm-${i}`, honorific: `Mr ${i}` }],
      })),
    });
    expect(assigned.JobGroupId).toBe(groupId);
    expect(assigned.JobsId).toHaveLength(phones.length);

    const placed = await calls(`taskId=${groupId}`);
    expect(placed).toHaveLength(phones.length);
    expect(placed.every((c) => c.vendor === 'outboundbot' && c.operation === 'outboundbot.AssignJobs' && c.callerNumber === caller)).toBe(true);
    expect(new Set(placed.map((c) => c.number))).toEqual(new Set(phones));

    const progress = await waitFor('every job finished', async () => {
      const g = await invoke('DescribeJobGroup', { InstanceId: instanceId, JobGroupId: groupId });
      return g.JobGroup.Progress.TotalCompleted === phones.length ? g.JobGroup : undefined;
    }, 15_000);
    expect(progress.Status).toBe('Completed');
    expect(progress.Progress.TotalJobs).toBe(phones.length);

    const finished = await calls(`taskId=${groupId}`);
    const jobs = await invoke('ListJobsByGroup', { InstanceId: instanceId, JobGroupId: groupId, PageNumber: 1, PageSize: 50 });
    expect(jobs.Jobs.TotalCount).toBe(phones.length);
    for (const job of jobs.Jobs.List as Obj[]) {
      const contact = (job.Contacts as Obj[])[0];
      const call = finished.find((c) => c.number === contact.PhoneNumber) as PlacedCall;
      if (call.status === 'completed') expect(job.Status).toBe('Succeeded');
      else {
        expect(job.Status).toBe('Failed');
        expect(job.FailureReason).toBe(FAILURE[call.status]);
      }
    }
    const succeeded = (jobs.Jobs.List as Obj[]).filter((j) => j.Status === 'Succeeded');
    expect(progress.Progress.Failed).toBe(phones.length - succeeded.length);

    const onlyFailed = await invoke('ListJobsByGroup', { InstanceId: instanceId, JobGroupId: groupId, JobStatus: 'Failed' });
    expect(onlyFailed.Jobs.TotalCount).toBe(phones.length - succeeded.length);

    // One job in full: the attempt, its transcript, and its recording.
    if (succeeded.length) {
      const detail = await invoke('DescribeJob', { InstanceId: instanceId, JobId: succeeded[0].JobId as string });
      const task = detail.Job.Tasks[0];
      const call = finished.find((c) => c.id === task.CallId) as PlacedCall;
      expect(task.Status).toBe('Succeeded');
      expect(task.Duration).toBe(call.durationSeconds);
      expect(task.Conversation.length).toBeGreaterThan(0);
      const recording = await invoke('DownloadRecording', { InstanceId: instanceId, TaskId: task.TaskId });
      const wav = await fetch(recording.DownloadParams.SignatureUrl);
      expect(wav.status).toBe(200);
      expect(Buffer.from(new Uint8Array(await wav.arrayBuffer()).slice(0, 4)).toString('ascii')).toBe('RIFF');
      const tampered = (recording.DownloadParams.SignatureUrl as string).replace(/Signature=(.)/, (_m, c: string) => `Signature=${c === '0' ? '1' : '0'}`);
      expect((await fetch(tampered)).status).toBe(403);
    }

    const tags = await invoke('DescribeTagHitsSummary', { InstanceId: instanceId, JobGroupId: groupId });
    const hits = (tags.TagHitsList as Array<{ HitCount: number }>).reduce((sum, t) => sum + t.HitCount, 0);
    expect(hits).toBe(succeeded.length);

    const listed = await invoke('ListJobGroups', { InstanceId: instanceId, PageNumber: 1, PageSize: 10 });
    expect((listed.JobGroups.List as Obj[]).map((g) => g.JobGroupId)).toContain(groupId);

    const query = await invoke('QueryJobs', { InstanceId: instanceId, PhoneNumber: phones[0] });
    expect(query.Jobs.TotalCount).toBe(1);
    expect(query.Jobs.List[0].Tasks).toHaveLength(1);
  });

  it('pauses, resumes and cancels jobs that wait for the strategy start, then dials the rest', async () => {
    const later = sandbox.context.clock.now() + 3_600_000;
    const { JobGroup } = await invoke('CreateJobGroup', {
      InstanceId: instanceId,
      JobGroupName: 'later',
      ScriptId: scriptId,
      StrategyJson: { startTime: later, endTime: later + 86_400_000 },
    });
    const groupId = JobGroup.JobGroupId as string;
    const { JobsId } = await invoke('AssignJobs', {
      InstanceId: instanceId,
      JobGroupId: groupId,
      JobsJson: ['13600000001', '13600000002', '13600000003'].map((phonenumber, i) => ({ contacts: [{ phonenumber, referenceId: `later-${i}` }] })),
    });
    expect(await calls(`taskId=${groupId}`)).toHaveLength(0);

    await invoke('SuspendJobs', { InstanceId: instanceId, All: false, JobGroupId: groupId });
    let listed = await invoke('ListJobs', { InstanceId: instanceId, JobId: JobsId });
    expect((listed.Jobs as Obj[]).map((j) => j.Status)).toEqual(['Paused', 'Paused', 'Paused']);

    await invoke('ResumeJobs', { InstanceId: instanceId, All: false, JobId: [JobsId[0], JobsId[1]] });
    await invoke('CancelJobs', { InstanceId: instanceId, All: false, JobReferenceId: ['later-2'] });
    listed = await invoke('ListJobs', { InstanceId: instanceId, JobId: JobsId });
    expect((listed.Jobs as Obj[]).map((j) => j.Status)).toEqual(['Scheduling', 'Scheduling', 'Cancelled']);

    await invoke('ModifyJobGroup', { InstanceId: instanceId, JobGroupId: groupId, Name: 'now', ScriptId: scriptId, StrategyJson: { startTime: sandbox.context.clock.now() - 1000 } });
    const dialled = await waitFor('two calls', async () => {
      const list = await calls(`taskId=${groupId}`);
      return list.length === 2 ? list : undefined;
    }, 15_000);
    expect(dialled.map((c) => c.number).sort()).toEqual(['13600000001', '13600000002']);
  });

  it('keeps a batch draft undialled until it is submitted (Submitted is inverted on the wire)', async () => {
    const draft = await invoke('CreateBatchJobs', {
      InstanceId: instanceId,
      BatchJobName: 'batch',
      Submitted: 'draft',
      ScriptId: scriptId,
      JobFilePath: `${instanceId}/roster.xlsx`,
    });
    const groupId = draft.BatchJob.BatchJobId as string;
    expect(draft.BatchJob.Status).toBe('Draft');
    const jobs = await invoke('ListJobsByGroup', { InstanceId: instanceId, JobGroupId: groupId });
    expect((jobs.Jobs.List as Obj[]).every((j) => j.Status === 'Drafted')).toBe(true);
    expect(await calls(`taskId=${groupId}`)).toHaveLength(0);

    await invoke('SubmitBatchJobs', { InstanceId: instanceId, JobGroupId: groupId });
    const placed = await calls(`taskId=${groupId}`);
    expect(placed).toHaveLength(SANDBOX_ROSTER_ROWS);
    expect(placed.every((c) => c.operation === 'outboundbot.SubmitBatchJobs')).toBe(true);

    const submitted = await invoke('CreateBatchJobs', { InstanceId: instanceId, BatchJobName: 'batch now', Submitted: 'submit', ScriptId: scriptId, JobFilePath: 'x/now.xlsx' });
    expect(await calls(`taskId=${submitted.BatchJob.BatchJobId}`)).toHaveLength(SANDBOX_ROSTER_ROWS);
  });

  it('StartJob dials at once and returns the task and call IDs', async () => {
    const started = await invoke('StartJob', {
      InstanceId: instanceId,
      ScriptId: scriptId,
      JobJson: { contacts: [{ phonenumber: '13500000009', referenceId: 'vip-1' }] },
    });
    expect(started.TaskIds[0].Key).toBe('vip-1');
    const callId = started.CallIds[0].Value as string;
    const call = (await (await fetch(`${sandbox.url}/_sandbox/calls/${callId}`)).json()) as PlacedCall;
    expect(call).toMatchObject({ number: '13500000009', operation: 'outboundbot.StartJob', outId: 'vip-1' });
  });

  it('answers NotExist codes with HTTP 404 and answers configuration operations in their documented shape', async () => {
    const noGroup = (await invoke('DescribeJobGroup', { InstanceId: instanceId, JobGroupId: 'no-such-group' }).catch((e: unknown) => e)) as CallbridgeError;
    expect(noGroup).toBeInstanceOf(CallbridgeError);
    expect(noGroup).toMatchObject({ code: 'NotExist.JobGroup', httpStatus: 404 });
    const noInstance = (await invoke('ListJobGroups', { InstanceId: 'no-such-instance' }).catch((e: unknown) => e)) as CallbridgeError;
    expect(noInstance).toMatchObject({ code: 'NotExist.Instance', httpStatus: 404 });

    const intent = await invoke('CreateIntent', { InstanceId: instanceId, ScriptId: scriptId, IntentName: 'yes', Utterances: ['yes', 'sure'] });
    expect(intent.Success).toBe(true);
    expect(typeof intent.IntentId).toBe('string');
  });

  it('rejects a request whose signature was changed', async () => {
    const op = catalog.get('outboundbot.ListInstances');
    if (!op) throw new Error('no ListInstances');
    const config = { ...AK, endpoints: { outboundbot: `${sandbox.url}/outboundbot/` } };
    const request = alibaba.sign(alibaba.build(op, {}, config), config, systemRuntime);
    const body = (request.body as string).replace(/Signature=([^&])/, (_m, c: string) => `Signature=${c === 'A' ? 'B' : 'A'}`);
    const res = await fetch(request.url, { method: 'POST', headers: request.headers, body });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Obj).Code).toBe('SignatureDoesNotMatch');
  });
  it('answers every outboundbot catalog example with its documented shape or a documented error (no 5xx, no unexpected shape)', async () => {
    for (const op of catalog.values()) {
      if (op.product !== 'outboundbot' || /\.Delete/.test(op.id)) continue;
      for (const example of op.examples ?? []) {
        const input = JSON.parse(
          JSON.stringify(example.input)
            .replace(/"InstanceId":"[^"]*"/g, `"InstanceId":"${instanceId}"`)
            .replace(/"ScriptId":"[^"]*"/g, `"ScriptId":"${scriptId}"`),
        ) as Obj;
        const outcome = await client.invoke(op.id, input).catch((e: unknown) => e);
        if (!(outcome instanceof Error)) continue;
        expect(outcome, `${op.id}: ${outcome.message}`).toBeInstanceOf(CallbridgeError);
        const error = outcome as CallbridgeError;
        expect(error.code, `${op.id}: ${error.message}`).not.toBe('UnexpectedResponse');
        expect(error.httpStatus ?? 400, `${op.id}: ${error.message}`).toBeLessThan(500);
        expect(['NotExist.JobGroup', 'NotExist.Job', 'NotExist.Script', 'InvalidParameter'], `${op.id}: ${error.message}`).toContain(error.code);
      }
    }
  });
});
