// Bulk pacing: push N callees into a sandbox robot task (dyvms UploadRobotTaskCalledFile, 1,000 per
// request, 100 QPS documented and enforced by the sandbox) and into a Volcengine task (BatchAppend,
// 10,000 per request, no QPS documented) with the callbridge client through core's addCallees (what the
// MCP add_task_callees tool and the CLI run: chunks of the provider's limit, several in flight).
// Measured: wall time against the theoretical minimum (requests / QPS), throttling answers seen by
// the sandbox, and every number accounted for (accepted exactly once, none missing) against what the
// sandbox accepted and holds.
//
//   npx tsx bench/bulk-pacing.ts [--callees=300000] [--repeats=3] [--quick]
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addCallees, CHUNKS_IN_FLIGHT } from '../core/actions/add-callees.js';
import { CallbridgeClient } from '../core/client.js';
import { CallbridgeError } from '../core/errors.js';
import { PROVIDERS, sendingInvoke, type ProviderName } from '../core/providers/index.js';
import { catalog } from '../core/registry.js';
import { systemRuntime } from '../mcp/runtime.js';
import type { HttpRequest, HttpResponse, SendOptions, Transport } from '../core/transport.js';
import { UndiciTransport } from '../mcp/undici-transport.js';
import { beijingDateTime } from '../sandbox/sim-util.js';
import type { HostMessage, LedgerReport } from './lib/bulk-sandbox-host.js';
import { distinctPhoneNumbers, machine, parseFlags, peakPerSecond, ROOT, SEED, spread, table, writeResult, type Spread } from './lib/common.js';

/** The vendors' per-request limits (the same figures the MCP add_task_callees tool chunks by). */
const DYVMS_CHUNK = 1000;
const VOLC_CHUNK = 10_000;
/** Requests in flight at once in the control run (pacing off): what an unpaced client would send. */
const LANES = 64;

interface Host {
  env: Record<string, string>;
  report(message: Extract<HostMessage, { type: 'report' }>): Promise<LedgerReport>;
  close(): Promise<void>;
}

/** Starts the sandbox in its own process (bench/lib/bulk-sandbox-host.ts). */
function startHost(faults = ''): Promise<Host> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = fork(join(ROOT, 'bench', 'lib', 'bulk-sandbox-host.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, BENCH_SEED: String(SEED), BENCH_FAULTS: faults },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`sandbox host exited with ${code}`)));
    child.once('message', (ready: { type: string; env: Record<string, string> }) => {
      resolve({
        env: ready.env,
        report: (message) =>
          new Promise((done) => {
            child.once('message', (r: LedgerReport) => done(r));
            child.send(message);
          }),
        close: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.send({ type: 'close' } satisfies HostMessage);
          }),
      });
    });
  });
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Runs the jobs over `lanes` parallel lanes; the client's pacer spaces the requests. */
async function inLanes<T>(jobs: T[], lanes: number, run: (job: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < jobs.length) await run(jobs[next++]);
    }),
  );
}

/** The undici transport, noting when each bulk request leaves the client. */
class SendLog implements Transport {
  readonly times: number[] = [];
  private readonly inner = new UndiciTransport();
  send(request: HttpRequest, options?: SendOptions): Promise<HttpResponse> {
    if (/Action=(UploadRobotTaskCalledFile|BatchAppend)\b/.test(`${request.url}&${request.body ?? ''}`)) this.times.push(performance.now());
    return this.inner.send(request, options);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/**
 * Adds the numbers to the task as every front end does (core/actions/add-callees.ts: the provider's
 * chunks, CHUNKS_IN_FLIGHT at once, the client's pacer setting the rate); returns the client errors.
 */
async function addAll(client: CallbridgeClient, provider: ProviderName, taskId: string, numbers: string[]): Promise<number> {
  const outcome = await addCallees({
    provider: PROVIDERS[provider],
    invoke: sendingInvoke(client),
    settings: { now: () => Date.now(), nonce: () => systemRuntime.nonce() },
    taskId,
    callees: numbers.map((number) => ({ number })),
  });
  return outcome.incomplete ? 1 : 0;
}

function clientFor(env: Record<string, string>, pace: boolean) {
  const transport = new SendLog();
  const client = new CallbridgeClient(
    {
      alibaba: { accessKeyId: env.ALIBABA_CLOUD_ACCESS_KEY_ID, accessKeySecret: env.ALIBABA_CLOUD_ACCESS_KEY_SECRET, endpoints: { dyvms: env.CALLBRIDGE_DYVMS_ENDPOINT } },
      volcengine: { accessKeyId: env.VOLCENGINE_ACCESS_KEY, secretAccessKey: env.VOLCENGINE_SECRET_KEY, endpoint: env.CALLBRIDGE_VOLCENGINE_ENDPOINT },
      transport,
      runtime: systemRuntime,
      pace,
    },
    catalog,
  );
  return { client, transport };
}

export interface BulkRun {
  scenario: string;
  callees: number;
  requests: number;
  wallMs: number;
  /** requests / documented QPS, in ms (undefined without a documented QPS) */
  theoreticalMs?: number;
  /** achieved requests per second / documented QPS */
  qpsUsed?: number;
  calleesPerSecond: number;
  /** Most requests the sandbox saw within one second. */
  peakPerSecond: number;
  /** Most requests the client sent within one second. */
  sentPeakPerSecond: number;
  /** Arrival rate at the sandbox between the first and the last request: (requests - 1) / span. */
  arrivalRate: number;
  throttled: number;
  otherErrors: number;
  clientErrors: number;
  missing: number;
  duplicated: number;
  /** What the sandbox's own state says (see stateCheck). */
  stateOk: boolean;
  stateCheck: string;
}

/** Answer latency added by the sandbox in the latency scenario: a far region plus the gateway's own time. */
const LATENCY_MS = 80;

async function dyvmsRun(numbers: string[], pace: boolean, latencyMs = 0): Promise<BulkRun> {
  const host = await startHost(latencyMs ? `dyvms.UploadRobotTaskCalledFile:latency=${latencyMs}` : '');
  const { client, transport } = clientFor(host.env, pace);
  const qps = catalog.get('dyvms.UploadRobotTaskCalledFile')?.qps ?? NaN;
  let clientErrors = 0;
  try {
    const task = (await client.invoke('dyvms.CreateRobotTask', {
      TaskName: 'bulk pacing',
      DialogId: '1000000000001',
      Caller: ['057100000001'],
      NumberStatusIdent: false,
      RetryType: 0,
    })) as { Data: string };
    const taskId = String(task.Data);
    const jobs = chunks(numbers, DYVMS_CHUNK);
    const t0 = performance.now();
    if (pace) clientErrors = await addAll(client, 'dyvms', taskId, numbers);
    else {
      await inLanes(jobs, LANES, async (chunk) => {
        try {
          await client.invoke('dyvms.UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: chunk });
        } catch {
          clientErrors++;
        }
      });
    }
    const wallMs = performance.now() - t0;
    const ledger = await host.report({ type: 'report', vendor: 'dyvms', count: numbers.length, seed: SEED });
    // State: a task holds at most 300,000 callees and drops repeats, so one more new number is refused exactly
    // when it already holds 300,000 distinct numbers. (Only meaningful for the full 300,000 run.)
    let stateOk = true;
    let stateCheck = 'sandbox ledger only (the task is not full, so the limit probe does not apply)';
    if (numbers.length === 300_000) {
      try {
        await client.invoke('dyvms.UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: ['13999999999'] });
        stateOk = false;
        stateCheck = 'the task accepted a 300,001st number: it held fewer than 300,000';
      } catch (error) {
        stateOk = error instanceof CallbridgeError && error.code === 'isv.VOICE_ROBOT_CALLEE_LIMIT';
        stateCheck = stateOk ? 'task full at exactly 300,000: one more number refused with isv.VOICE_ROBOT_CALLEE_LIMIT' : `unexpected: ${String(error)}`;
      }
    }
    return summarise(`dyvms robot task${latencyMs ? `, ${latencyMs} ms answer latency` : ''}${pace ? '' : ' (pacing OFF, control)'}`, numbers, jobs.length, wallMs, qps, ledger, clientErrors, stateOk, stateCheck, peakPerSecond(transport.times));
  } finally {
    await transport.close();
    await host.close();
  }
}

async function volcengineRun(numbers: string[]): Promise<BulkRun> {
  const host = await startHost();
  const { client, transport } = clientFor(host.env, true);
  const qps = catalog.get('volcengine.BatchAppend')?.qps;
  let clientErrors = 0;
  try {
    const now = Date.now();
    const created = (await client.invoke('volcengine.CreateTask', {
      Name: 'bulk pacing',
      Type: 1,
      Resource: 'sandbox-tts-001',
      NumberPoolNo: 'NP162212345678900001',
      Start: false,
      StartTime: beijingDateTime(now + 86_400_000),
      EndTime: beijingDateTime(now + 2 * 86_400_000),
      Concurrency: 10,
      Unique: true,
    })) as { Result: { TaskOpenId: string } };
    const taskId = created.Result.TaskOpenId;
    const jobs = chunks(numbers, VOLC_CHUNK);
    const t0 = performance.now();
    clientErrors = await addAll(client, 'volcengine', taskId, numbers);
    const wallMs = performance.now() - t0;
    const ledger = await host.report({ type: 'report', vendor: 'volcengine', taskId, count: numbers.length, seed: SEED });
    const st = ledger.state;
    const stateOk = !!st && st.entries === numbers.length && st.distinct === numbers.length && st.missing === 0 && st.unexpected === 0;
    const stateCheck = st
      ? `task holds ${st.entries.toLocaleString('en-US')} entries, ${st.distinct.toLocaleString('en-US')} distinct, ${st.missing} missing, ${st.unexpected} unexpected`
      : 'task state not readable';
    return summarise('Volcengine task (BatchAppend)', numbers, jobs.length, wallMs, qps, ledger, clientErrors, stateOk, stateCheck, peakPerSecond(transport.times));
  } finally {
    await transport.close();
    await host.close();
  }
}

function summarise(
  scenario: string,
  numbers: string[],
  requests: number,
  wallMs: number,
  qps: number | undefined,
  ledger: LedgerReport,
  clientErrors: number,
  stateOk: boolean,
  stateCheck: string,
  sentPeakPerSecond: number,
): BulkRun {
  const theoreticalMs = qps ? (requests / qps) * 1000 : undefined;
  return {
    scenario,
    callees: numbers.length,
    requests,
    wallMs,
    theoreticalMs,
    qpsUsed: qps ? requests / (wallMs / 1000) / qps : undefined,
    calleesPerSecond: numbers.length / (wallMs / 1000),
    peakPerSecond: ledger.peakPerSecond,
    sentPeakPerSecond,
    arrivalRate: ledger.spanMs > 0 ? ((ledger.requests - 1) / ledger.spanMs) * 1000 : NaN,
    throttled: ledger.throttled,
    otherErrors: ledger.otherErrors + ledger.unexpected,
    clientErrors,
    missing: ledger.missing,
    duplicated: ledger.duplicated,
    stateOk,
    stateCheck,
  };
}

export interface BulkSummary {
  scenario: string;
  callees: number;
  requests: number;
  repeats: number;
  wallMs: Spread;
  theoreticalMs?: number;
  qpsUsed?: Spread;
  calleesPerSecond: Spread;
  /** Most requests the sandbox saw within any one second, over all repeats. */
  peakPerSecond: number;
  /** Most requests the client sent within any one second, over all repeats. */
  sentPeakPerSecond: number;
  /** Arrival rate at the sandbox, first to last request (requests per second). */
  arrivalRate: Spread;
  throttled: number;
  otherErrors: number;
  missing: number;
  duplicated: number;
  stateOk: boolean;
  stateCheck: string;
  /** Met when: >= 98% of the QPS used (where one is documented), zero throttling, nothing lost or doubled, state agrees. */
  met: boolean;
  target: string;
}

export interface BulkResult {
  machine: ReturnType<typeof machine>;
  seed: number;
  /** Requests in flight in the paced runs (core/actions/add-callees.ts). */
  chunksInFlight: number;
  /** Requests in flight in the control run. */
  lanes: number;
  summaries: BulkSummary[];
  runs: BulkRun[];
}

function summariseRuns(runs: BulkRun[], control = false): BulkSummary {
  const first = runs[0];
  const qpsUsed = first.qpsUsed !== undefined ? spread(runs.map((r) => r.qpsUsed ?? NaN)) : undefined;
  const throttled = runs.reduce((s, r) => s + r.throttled, 0);
  const clean = runs.every((r) => r.otherErrors === 0 && r.clientErrors === 0 && r.missing === 0 && r.duplicated === 0 && r.stateOk);
  const target = control ? 'none (shows what pacing prevents)' : qpsUsed ? '≥ 98% of QPS, 0 throttled, 0 lost/duplicated' : '0 throttled, 0 lost/duplicated (no QPS documented)';
  return {
    scenario: first.scenario,
    callees: first.callees,
    requests: first.requests,
    repeats: runs.length,
    wallMs: spread(runs.map((r) => r.wallMs)),
    theoreticalMs: first.theoreticalMs,
    qpsUsed,
    calleesPerSecond: spread(runs.map((r) => r.calleesPerSecond)),
    peakPerSecond: Math.max(...runs.map((r) => r.peakPerSecond)),
    sentPeakPerSecond: Math.max(...runs.map((r) => r.sentPeakPerSecond)),
    arrivalRate: spread(runs.map((r) => r.arrivalRate)),
    throttled,
    otherErrors: runs.reduce((s, r) => s + r.otherErrors + r.clientErrors, 0),
    missing: runs.reduce((s, r) => s + r.missing, 0),
    duplicated: runs.reduce((s, r) => s + r.duplicated, 0),
    stateOk: runs.every((r) => r.stateOk),
    stateCheck: [...new Set(runs.map((r) => r.stateCheck))].join('; '),
    met: control ? true : clean && throttled === 0 && (!qpsUsed || qpsUsed.median >= 0.98),
    target,
  };
}

export async function runBulkPacing(flags: Record<string, string | boolean>): Promise<BulkResult> {
  const started = machine();
  const callees = Number(flags.callees ?? (flags.quick ? 100_000 : 300_000));
  const repeats = Number(flags.repeats ?? (flags.quick ? 1 : 3));
  const numbers = distinctPhoneNumbers(callees, SEED);
  const runs: BulkRun[] = [];
  const groups: BulkRun[][] = [[], [], [], []];
  for (let i = 0; i < repeats; i++) {
    const d = await dyvmsRun(numbers, true);
    const v = await volcengineRun(numbers);
    const l = await dyvmsRun(numbers, true, LATENCY_MS);
    groups[0].push(d);
    groups[1].push(v);
    groups[2].push(l);
    runs.push(d, v, l);
    process.stderr.write(
      `repeat ${i + 1}/${repeats}: dyvms ${(d.wallMs / 1000).toFixed(2)} s (${((d.qpsUsed ?? 0) * 100).toFixed(1)}% of QPS, ${d.throttled} throttled); volcengine ${(v.wallMs / 1000).toFixed(2)} s; dyvms with ${LATENCY_MS} ms latency ${(l.wallMs / 1000).toFixed(2)} s (${((l.qpsUsed ?? 0) * 100).toFixed(1)}%)\n`,
    );
  }
  // Control: the same upload with the client's pacer off (the client still retries throttled requests).
  const control = await dyvmsRun(numbers, false);
  groups[3].push(control);
  runs.push(control);
  process.stderr.write(`control (pacing off): ${(control.wallMs / 1000).toFixed(2)} s, ${control.throttled} throttled answers\n`);
  return {
    machine: { ...started, loadAverageEnd: machine().loadAverage },
    seed: SEED,
    chunksInFlight: CHUNKS_IN_FLIGHT,
    lanes: LANES,
    summaries: [summariseRuns(groups[0]), summariseRuns(groups[2]), summariseRuns(groups[1]), summariseRuns(groups[3], true)],
    runs,
  };
}

export function bulkTable(result: BulkResult): string {
  const pct = (s?: Spread) => (s ? `${(s.median * 100).toFixed(1)}% (${(s.min * 100).toFixed(1)}–${(s.max * 100).toFixed(1)})` : 'n/a (no QPS documented)');
  return table(
    ['scenario', 'callees / requests', 'wall s (min–max)', 'theoretical min s', 'QPS used', 'arrival rate req/s', 'peak in 1 s: sent / received', 'throttled', 'lost', 'duplicated', 'sandbox state', 'met'],
    result.summaries.map((s) => [
      s.scenario,
      `${s.callees.toLocaleString('en-US')} / ${s.requests}`,
      `${(s.wallMs.median / 1000).toFixed(2)} (${(s.wallMs.min / 1000).toFixed(2)}–${(s.wallMs.max / 1000).toFixed(2)})`,
      s.theoreticalMs !== undefined ? (s.theoreticalMs / 1000).toFixed(2) : '—',
      pct(s.qpsUsed),
      s.arrivalRate.median.toFixed(1),
      `${s.sentPeakPerSecond} / ${s.peakPerSecond}`,
      String(s.throttled),
      String(s.missing),
      String(s.duplicated),
      s.stateOk ? 'ok' : 'NOT OK',
      s.target.startsWith('none') ? '—' : s.met ? 'yes' : 'NO',
    ]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flags = parseFlags(process.argv.slice(2));
  const result = await runBulkPacing(flags);
  writeResult(flags.quick ? 'bulk-pacing-quick' : 'bulk-pacing', result);
  console.log(bulkTable(result));
  for (const s of result.summaries) console.log(`- ${s.scenario}: ${s.stateCheck}`);
}
