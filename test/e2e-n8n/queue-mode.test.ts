/**
 * The packed community package in a real, pinned n8n in queue mode: a main process and two workers on
 * Redis and PostgreSQL (both started here, on loopback), the package installed in the user folder the
 * three processes share. A webhook on main starts a workflow that the workers run: an Alibaba Cloud
 * Voice call with Wait for Result, then an Outbound Bot job. The sandbox pushes the call's receipt to
 * the Call Receipt Trigger's production URL on main. Verdicts come from the sandbox's record and n8n's
 * executions.
 * Two workers bulk-adding callees to one account take their turns on one schedule: their credential
 * names a `callbridge mcp --http` on Redis as coordinator (docs/n8n.md, "Queue mode"), and the sandbox
 * throttles none of their requests at the documented 100 QPS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { spawnMcpHttp, type McpHttpProcess } from '../reliability/support/mcp-process.js';
import { startRedis, type TestRedis } from '../store/support/redis-server.js';
import { freePort, N8n, n8nTools, nodeItems, packedTarball, waitFor, workflow, type ExecutionJson } from './harness.js';
import { startPostgres, type TestPostgres } from './postgres.js';
import { credentialData, CREDENTIAL_TYPE, NEUTRAL_STATUS, NODE, sandboxCalls, sandboxConfig, sandboxCredentials, uses } from './support.js';

const MINUTE = 60_000;
const CALL_WORKFLOW = 'cbQueueCallWf001';
const RECEIPT_WORKFLOW = 'cbQueueRcptWf001';
const RECEIPT_WEBHOOK_ID = '7d2a9c1e-0014-4000-8000-00000000c0de';
const BULK_WORKFLOW = 'cbQueueBulkWf001';
const COORDINATED = { id: 'cbAlibabaCoord01', name: 'Alibaba Cloud (sandbox, coordinated)' };
const COORDINATOR_TOKEN = 'queue-mode-coordinator-token-5d1e';
/** The Call Receipt Trigger refuses pushes without its secret token (authentication is on by default). */
const RECEIPT_TOKEN = 'queue-mode-receipt-token-8c2f';
const CHUNKS_PER_WORKER = 150;

interface Worker {
  child: ChildProcess;
  log: () => string;
}

/** Whether this worker's log says it ran the execution ("Worker started execution <id> (job …)"). */
const ran = (worker: Worker, executionId: string) => new RegExp(`started execution ${executionId}\\b`).test(worker.log());

let sandbox: RunningSandbox;
let redis: TestRedis;
let postgres: TestPostgres;
let n8n: N8n;
let coordinator: McpHttpProcess;
const workers: Worker[] = [];

/** `n8n worker` with main's settings, its own health and task-broker ports; resolves once its health check answers. */
async function startWorker(index: number): Promise<Worker> {
  const healthPort = await freePort();
  const env = { ...n8n.env, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort), N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
  // One execution at a time: two executions started together run on the two workers.
  const child = spawn(n8nTools().N8N_BIN, ['worker', '--concurrency=1'], { env, cwd: n8n.userFolder, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const file = createWriteStream(join(n8n.userFolder, `worker-${index}.log`));
  const onData = (d: Buffer) => {
    file.write(d);
    text += d.toString();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const worker = { child, log: () => text };
  await waitFor(`worker ${index} health check`, async () => {
    if (child.exitCode !== null) throw new Error(`n8n worker ${index} exited (${child.exitCode}):\n${text.slice(-4000)}`);
    const res = await fetch(`http://127.0.0.1:${healthPort}/healthz`).catch(() => undefined);
    return res?.status === 200 ? true : undefined;
  }, 2 * MINUTE);
  return worker;
}

function stopWorker(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    if (worker.child.exitCode !== null || worker.child.pid === undefined) return resolve();
    worker.child.once('exit', () => resolve());
    process.kill(-worker.child.pid, 'SIGTERM');
  });
}

interface ExecutionSummary extends ExecutionJson {
  id: string;
  workflowId: string;
}

async function executionsOf(workflowId: string): Promise<ExecutionSummary[]> {
  const res = await n8n.api<{ data?: ExecutionSummary[] }>('GET', `/api/v1/executions?workflowId=${workflowId}&includeData=true`);
  if (res.status !== 200) throw new Error(`GET /api/v1/executions -> ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data ?? [];
}

describe('n8n queue mode: main, two workers, Redis and PostgreSQL', () => {
  beforeAll(async () => {
    sandbox = await startSandbox({ speed: 60, seed: 'e2e-n8n-queue' });
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    n8n = new N8n('queue');
    Object.assign(n8n.env, {
      DB_TYPE: 'postgresdb',
      DB_POSTGRESDB_HOST: '127.0.0.1',
      DB_POSTGRESDB_PORT: String(postgres.port),
      DB_POSTGRESDB_DATABASE: postgres.database,
      DB_POSTGRESDB_USER: postgres.user,
      EXECUTIONS_MODE: 'queue',
      QUEUE_BULL_REDIS_HOST: '127.0.0.1',
      QUEUE_BULL_REDIS_PORT: String(redis.port),
    });
    // docs/n8n.md: every main, worker and webhook process loads the package from the user folder they share.
    await n8n.installPackage(packedTarball());
    // The coordinator: a callbridge MCP server on the same Redis (its own prefix), giving out pacing slots.
    coordinator = await spawnMcpHttp(['--store', `${redis.url}/?prefix=coord`], { ...sandbox.env, CALLBRIDGE_SANDBOX: 'off', CALLBRIDGE_MCP_TOKEN: COORDINATOR_TOKEN });
    const coordinatorUrl = new URL(coordinator.url).origin;
    await n8n.importCredentials([
      ...sandboxCredentials(sandbox.url),
      { ...COORDINATED, type: CREDENTIAL_TYPE.alibaba, data: { ...credentialData(sandbox.url).alibaba, coordinatorUrl, coordinatorToken: COORDINATOR_TOKEN } },
    ]);
    await n8n.importWorkflow(
      workflow(CALL_WORKFLOW, 'queue: call, wait, outbound bot job', [
        { name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: '7d2a9c1e-0014-4000-8000-00000000ca11', parameters: { httpMethod: 'POST', path: 'callbridge-queue', responseMode: 'onReceived', options: {} } },
        {
          name: 'Call',
          type: NODE.alibabaVoice,
          typeVersion: 1,
          credentials: uses('alibaba'),
          parameters: { resource: 'call', operation: 'SingleCallByTts', CalledNumber: '13800000014', TtsCode: 'TTS_100001', waitForResult: true, waitTimeout: 120, pollInterval: 1, additionalFields: { OutId: 'queue-call-1' } },
        },
        {
          name: 'Bot Job',
          type: NODE.outboundBot,
          typeVersion: 1,
          credentials: uses('alibaba'),
          parameters: {
            resource: 'job',
            operation: 'StartJob',
            InstanceId: 'c3a1e0f2-5b7d-4e39-9a61-0d2f4b8e7c15',
            ScriptId: '7e1b2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
            JobJson: { contacts: [{ phonenumber: '13700000014', name: 'Queue Test', referenceId: 'queue-job-1' }] },
            additionalFields: {},
            waitForResult: true,
            waitTimeout: 120,
            pollInterval: 1,
          },
        },
      ]),
    );
    await n8n.importWorkflow(
      workflow(RECEIPT_WORKFLOW, 'queue: call receipts', [
        { name: 'Receipts', type: NODE.receiptTrigger, typeVersion: 1, webhookId: RECEIPT_WEBHOOK_ID, parameters: { vendor: 'alibaba', secretToken: RECEIPT_TOKEN, options: { finalOnly: true } } },
        { name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} },
      ]),
    );
    const coordinated = { [CREDENTIAL_TYPE.alibaba]: COORDINATED };
    const numbers = Array.from({ length: CHUNKS_PER_WORKER }, (_, i) => `{ json: { numbers: Array.from({ length: 20 }, (_, k) => String(13600000000 + $json.body.offset + ${i} * 20 + k)).join(',') } }`);
    await n8n.importWorkflow(
      workflow(BULK_WORKFLOW, 'queue: bulk-add callees', [
        { name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: '7d2a9c1e-0014-4000-8000-0000000b01c5', parameters: { httpMethod: 'POST', path: 'callbridge-bulk', responseMode: 'onReceived', options: {} } },
        { name: 'Create Task', type: NODE.alibabaVoice, typeVersion: 1, credentials: coordinated, parameters: { resource: 'robotTask', operation: 'CreateRobotTask', TaskName: 'queue bulk', DialogId: '1000000000001', Caller: '057100000001', RetryType: 0, additionalFields: {} } },
        { name: 'Chunks', type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: `const $json = $('Webhook').first().json;\nreturn [${numbers.join(', ')}];` } },
        { name: 'Upload', type: NODE.alibabaVoice, typeVersion: 1, credentials: coordinated, parameters: { resource: 'robotTask', operation: 'UploadRobotTaskCalledFile', Id: "={{ $('Create Task').first().json.Data }}", CalledNumber: '={{ $json.numbers }}' } },
      ]),
    );
    await n8n.publishWorkflow(BULK_WORKFLOW);
    await n8n.publishWorkflow(CALL_WORKFLOW);
    await n8n.publishWorkflow(RECEIPT_WORKFLOW);
    await n8n.start(3 * MINUTE);
    workers.push(...(await Promise.all([startWorker(1), startWorker(2)])));
    await n8n.setupOwner();
  }, 10 * MINUTE);

  afterAll(async () => {
    await Promise.all(workers.map(stopWorker));
    await coordinator?.stop();
    await n8n?.dispose();
    await postgres?.stop();
    await redis?.stop();
    await sandbox?.close();
  }, 2 * MINUTE);

  it('runs the callbridge nodes on the workers and receives the call receipt on main', async () => {
    await sandboxConfig(sandbox.url, { receiptUrl: `${n8n.url}/webhook/${RECEIPT_WEBHOOK_ID}/receipt?token=${RECEIPT_TOKEN}` });
    const started = await fetch(`${n8n.url}/webhook/callbridge-queue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(started.status, await started.text()).toBe(200);

    const execution = await waitFor('the call workflow to finish', async () => (await executionsOf(CALL_WORKFLOW)).find((e) => e.finished || e.status === 'error'), 4 * MINUTE, 1000);
    expect(execution.status, JSON.stringify(execution.data.resultData.error)).toBe('success');
    const [call] = await sandboxCalls(sandbox.url, { outId: 'queue-call-1' });
    const out = nodeItems(execution, 'Call')[0];
    expect(out.callId).toBe(call.id);
    expect(out.result).toMatchObject({ provider: 'dyvms', final: true, status: NEUTRAL_STATUS[call.status] });
    const job = nodeItems(execution, 'Bot Job')[0];
    expect(job, JSON.stringify(job)).toMatchObject({ result: { final: true } });
    // A worker ran it: main only enqueued the job.
    expect(workers.some((w) => ran(w, execution.id)), `worker logs:\n${workers.map((w) => w.log().slice(-2000)).join('\n---\n')}`).toBe(true);

    const receipt = await waitFor('the receipt workflow to run', async () => {
      const runs = await executionsOf(RECEIPT_WORKFLOW);
      return runs.find((r) => r.finished && nodeItems(r, 'Receipts').some((item) => item.callId === call.id));
    }, 2 * MINUTE, 1000);
    const item = nodeItems(receipt, 'Receipts').find((i) => i.callId === call.id);
    expect(item).toMatchObject({ vendor: 'alibaba', eventType: 'VoiceReport', final: true, status: NEUTRAL_STATUS[call.status] });
  }, 8 * MINUTE);

  it('keeps two workers bulk-adding callees to one account within its QPS together (the coordinator paces both)', async () => {
    const upload = 'dyvms.UploadRobotTaskCalledFile';
    const rates = async () => ((await (await fetch(`${sandbox.url}/_sandbox/rates`)).json()) as Record<string, { accepted: number; throttled: number }>)[upload];
    const before = (await rates()) ?? { accepted: 0, throttled: 0 };
    const runs = await Promise.all([0, 1].map((w) => fetch(`${n8n.url}/webhook/callbridge-bulk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offset: w * 100_000 }) })));
    for (const run of runs) expect(run.status).toBe(200);
    const done = await waitFor('both bulk workflows to finish', async () => {
      const finished = (await executionsOf(BULK_WORKFLOW)).filter((e) => e.finished || e.status === 'error');
      return finished.length >= 2 ? finished : undefined;
    }, 4 * MINUTE, 1000);
    for (const execution of done) {
      expect(execution.status, JSON.stringify(execution.data.resultData.error)).toBe('success');
      expect(nodeItems(execution, 'Upload')).toHaveLength(CHUNKS_PER_WORKER);
    }
    // Each worker ran one of them.
    for (const execution of done) expect(workers.filter((w) => ran(w, execution.id))).toHaveLength(1);
    expect(new Set(done.map((e) => workers.findIndex((w) => ran(w, e.id)))).size).toBe(2);
    // The sandbox's record: every chunk arrived once, none throttled at the documented 100 QPS, although two
    // workers each pacing alone would send up to twice that (the sandbox throttles what is over).
    const after = await rates();
    expect({ accepted: after.accepted - before.accepted, throttled: after.throttled - before.throttled }).toEqual({ accepted: 2 * CHUNKS_PER_WORKER, throttled: 0 });
  }, 6 * MINUTE);
});
