// No duplicate billed calls under faults. For every billed ('call') operation in the catalog, and for
// the 'write' operations that create tasks, 1,000 intended calls go through the core client against
// the sandbox while it injects a mix of faults on that operation: before processing (connection
// reset, 5xx, throttling: the simulator never sees the request) and after processing (connection
// reset, 5xx, an answer held past the client's timeout: the simulator carried the request out), plus
// read timeouts on a loopback link: a share of the attempts reach the sandbox over a link that holds
// the answer far longer than the client's timeout. Afterwards the
// sandbox's own record is compared with what the client reported:
//  - no intended call was placed twice, and the calls placed never exceed the intents the client
//    reported as placed or unknown;
//  - a request that may have been processed was never sent again (the simulator saw it at most once);
//  - every attempt that may or may not have been carried out is reported as 'outcome_unknown',
//    naming the identifier to check; a definite failure really placed nothing;
//  - every attempt whose request the simulator carried out before the sandbox lost, replaced or held
//    its answer is reported as 'outcome_unknown', and that request reached the simulator exactly once
//    (the simulator's own log of processed requests, the sandbox's own count of injected faults);
//  - a success really placed its call(s).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallbridgeClient } from '../../core/client.js';
import { CallbridgeError } from '../../core/errors.js';
import { operations } from '../../core/catalog/index.js';
import { UndiciTransport } from '../../mcp/undici-transport.js';
import type { PlacedCall } from '../../sandbox/types.js';
import { emptyTally, pool, sandboxClient, TallyTransport, type SendTally } from './support/clients.js';
import { recordFigures } from './support/figures.js';
import type { Processed } from './support/observed-sandbox.js';
import { startSandboxProcess, type SandboxProcess } from './support/sandbox-process.js';
import { startSlowLink, type SlowLink } from './support/slow-link.js';
import { indexCalls, type Intent, type Scenario, type VendorSnapshot } from './support/scenario-kit.js';
import { scenarios } from './support/scenarios.js';

const ATTEMPTS = Number(process.env.CALLBRIDGE_RELIABILITY_ATTEMPTS ?? 1000);
const CONCURRENCY = 16;
/** Every request of the operation under test waits this long in the sandbox before anything else happens. */
const LATENCY_MS = 5;
/**
 * Share of attempts made over the slow link, whose answers arrive SLOW_LINK_MS late, by a client
 * whose timeout is SHORT_TIMEOUT_MS: read timeouts after the sandbox processed the request.
 * (undici's header timer ticks about every 0.5 s, so the hold is well above that.)
 */
const SHORT_TIMEOUT_SHARE = 0.1;
const SHORT_TIMEOUT_MS = 100;
const SLOW_LINK_MS = 1_500;
/** Timeout of the other attempts: a timeout-after-processing fault holds the answer until the client gives up. */
const NORMAL_TIMEOUT_MS = 5_000;
const FAULTS = {
  '5xx': 0.04,
  throttle: 0.08,
  'reset-before-processing': 0.04,
  'reset-after-processing': 0.04,
  '5xx-after-processing': 0.04,
  'timeout-after-processing': 0.04,
};
/** The faults after which the simulator has carried the request out but the client has no answer. */
const AFTER_PROCESSING = ['reset-after-processing', '5xx-after-processing', 'timeout-after-processing'];
const faultRule = (op: string) => `${op}:latency=${LATENCY_MS},${Object.entries(FAULTS).map(([k, v]) => `${k}=${v}`).join(',')}`;

/** Task-creating 'write' operations held to the same rule. */
const TASK_WRITES = ['dyvms.CreateCallTask', 'dyvms.CreateRobotTask', 'outboundbot.CreateJobGroup'];
/**
 * 'call' operations whose effect the sandbox does not count as placed calls: an SMS, and the PBX operations
 * that ring outside numbers only on API v2.0.0 (the sandbox PBX answers as 1.x, where they ring extensions).
 */
const NOT_PLACED_CALLS = ['dyvms.SendVerification', 'pbx.extension.dial_extension', 'pbx.extension.playprompt'];
const UNDER_TEST = operations.filter((op) => (op.access === 'call' && !NOT_PLACED_CALLS.includes(op.id)) || TASK_WRITES.includes(op.id)).map((op) => op.id);

interface Attempt {
  intent: Intent;
  outcome: 'ok' | 'unknown' | 'failed';
  error?: CallbridgeError;
  shortTimeout: boolean;
}

interface OpRun {
  scenario: Scenario;
  attempts: Attempt[];
  tally: SendTally;
  ms: number;
  calls: Map<string, PlacedCall[]>;
  vendorCounts?: Map<string, number>;
  snapshot?: VendorSnapshot;
}

let sandbox: SandboxProcess;
/** What the simulators processed, per operation under test (read once after the run). */
const processedLog = new Map<string, Processed[]>();
let slowLink: SlowLink;
let setup: CallbridgeClient;
const transports: UndiciTransport[] = [];
const runs = new Map<string, OpRun>();
let all: Scenario[] = [];
let totalMs = 0;
/** GET /_sandbox/faults after the run: how often the sandbox injected each fault, per operation. */
let injected: Record<string, Record<string, number>> = {};
const phases = { prepareMs: 0, attemptsMs: 0, settleMs: 0 };

function newTransport(): UndiciTransport {
  const t = new UndiciTransport();
  transports.push(t);
  return t;
}

function placedFor(run: OpRun, intent: Intent): PlacedCall[] {
  return run.calls.get(intent.key) ?? [];
}

function processedFor(opId: string): Map<string, { total: number; notRefused: number; succeeded: number; codes: string[] }> {
  const scenario = all.find((s) => s.opId === opId) as Scenario;
  const out = new Map<string, { total: number; notRefused: number; succeeded: number; codes: string[] }>();
  for (const p of processedLog.get(opId) ?? []) {
    const key = scenario.keyOf(p.params);
    if (key === undefined) continue;
    const entry = out.get(key) ?? { total: 0, notRefused: 0, succeeded: 0, codes: [] };
    entry.total++;
    if (!p.refused) entry.notRefused++;
    if (p.status < 400 && p.code === undefined) entry.succeeded++;
    if (p.code) entry.codes.push(p.code);
    out.set(key, entry);
  }
  return out;
}

beforeAll(async () => {
  const started = Date.now();
  sandbox = await startSandboxProcess({ speed: 600, seed: 'no-duplicates', unlimitedQps: true });
  slowLink = await startSlowLink(sandbox.port, SLOW_LINK_MS);
  setup = sandboxClient(sandbox, { transport: newTransport(), maxAttempts: 1 });
  all = scenarios(started.toString(36).slice(-6), () => sandbox.now());

  // 1. Fault-free preparation of every intent (tasks to start, groups to fill...).
  const intents = new Map<string, Intent[]>();
  await Promise.all(
    all.map(async (s) => {
      const list: Intent[] = new Array(ATTEMPTS);
      await pool(ATTEMPTS, 8, async (i) => {
        list[i] = await s.prepare(i, setup);
      });
      intents.set(s.opId, list);
    }),
  );

  phases.prepareMs = Date.now() - started;

  // 2. Faults on every operation under test, then all operations' attempts in parallel.
  const runStarted = Date.now();
  await sandbox.setFaults(all.map((s) => faultRule(s.opId)).join(';'));
  await Promise.all(
    all.map(async (s) => {
      const tally = emptyTally();
      const normal = sandboxClient(sandbox, { transport: new TallyTransport(newTransport(), tally), timeoutMs: NORMAL_TIMEOUT_MS });
      const short = sandboxClient(sandbox, { transport: new TallyTransport(newTransport(), tally), timeoutMs: SHORT_TIMEOUT_MS, via: slowLink.url });
      const list = intents.get(s.opId) as Intent[];
      const attempts: Attempt[] = new Array(list.length);
      const t0 = Date.now();
      await pool(list.length, CONCURRENCY, async (i) => {
        const shortTimeout = Math.random() < SHORT_TIMEOUT_SHARE;
        try {
          await (shortTimeout ? short : normal).invoke(s.opId, list[i].input);
          attempts[i] = { intent: list[i], outcome: 'ok', shortTimeout };
        } catch (error) {
          if (!(error instanceof CallbridgeError)) throw error;
          attempts[i] = { intent: list[i], outcome: error.kind === 'outcome_unknown' ? 'unknown' : 'failed', error, shortTimeout };
        }
      });
      runs.set(s.opId, { scenario: s, attempts, tally, ms: Date.now() - t0, calls: new Map() });
    }),
  );
  await sandbox.setFaults('');
  injected = await sandbox.injectedFaults();
  phases.attemptsMs = Date.now() - runStarted;
  const settleStarted = Date.now();
  // Answers the client gave up on (timeouts) may still be on the slow link: wait until it has no connection left.
  const drained = Date.now() + 30_000;
  while (slowLink.openConnections() > 0) {
    if (Date.now() > drained) throw new Error(`the slow link still holds ${slowLink.openConnections()} connections after 30 s`);
    await new Promise((r) => setTimeout(r, 50));
  }

  // 3. Read the vendors' own state back, fault-free, and wait for every successful intent's calls.
  for (const run of runs.values()) {
    processedLog.set(run.scenario.opId, await sandbox.processed(run.scenario.opId));
    if (run.scenario.snapshot) run.snapshot = await run.scenario.snapshot(setup);
    if (run.scenario.vendorCount) run.vendorCounts = await run.scenario.vendorCount(setup, new Set(run.attempts.map((a) => a.intent.key)));
  }
  const deadline = Date.now() + 30_000;
  for (;;) {
    const calls = indexCalls(await sandbox.calls());
    let missing = 0;
    for (const run of runs.values()) {
      run.calls = new Map();
      for (const a of run.attempts) {
        const placed = run.scenario.placedFor ? run.scenario.placedFor(a.intent, calls, run.snapshot) : (calls.byNumber.get(a.intent.number) ?? []);
        run.calls.set(a.intent.key, placed);
        if (a.outcome === 'ok' && placed.length < run.scenario.callsPerSuccess) missing++;
      }
    }
    if (missing === 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  totalMs = Date.now() - started;
  phases.settleMs = Date.now() - settleStarted;

  const figures: Record<string, unknown> = {};
  for (const [opId, run] of runs) {
    const processed = processedFor(opId);
    const count = (o: Attempt['outcome']) => run.attempts.filter((a) => a.outcome === o).length;
    const unknown = run.attempts.filter((a) => a.outcome === 'unknown');
    figures[opId] = {
      attempts: run.attempts.length,
      succeeded: count('ok'),
      outcomeUnknown: count('unknown'),
      failedDefinitely: count('failed'),
      definiteFailureCodes: run.attempts
        .filter((a) => a.outcome === 'failed')
        .reduce<Record<string, number>>((acc, a) => {
          const k = `${a.error?.kind}:${a.error?.code ?? ''}`;
          acc[k] = (acc[k] ?? 0) + 1;
          return acc;
        }, {}),
      // Placed its call(s), or (task-creating writes) created its task.
      unknownThatTookEffect: unknown.filter((a) => placedFor(run, a.intent).length > 0 || (run.vendorCounts?.get(a.intent.key) ?? 0) > 0).length,
      unknownNamingIdentifier: unknown.filter((a) => Object.values(a.error?.checkWith ?? {}).includes(a.intent.key)).length,
      requestsSent: run.tally.sends,
      faultsSeenByClient: { timeouts: run.tally.timeouts, resets: run.tally.resets, http5xx: run.tally.http5xx, throttled: run.tally.throttled },
      retries: run.tally.sends - run.attempts.length,
      callsPlaced: [...run.calls.values()].reduce((n, c) => n + c.length, 0),
      callsPerSuccess: run.scenario.callsPerSuccess,
      intentsPlacedTwice: run.attempts.filter((a) => placedFor(run, a.intent).length > Math.max(1, run.scenario.callsPerSuccess)).length,
      resentAfterProcessing: [...processed.values()].filter((p) => p.notRefused > 1).length,
      faultsInjected: injected[opId] ?? {},
      ms: run.ms,
    };
  }
  recordFigures('no-duplicate-calls', 'core', {
    attemptsPerOperation: ATTEMPTS,
    concurrencyPerOperation: CONCURRENCY,
    latencyMs: LATENCY_MS,
    shortTimeoutShare: SHORT_TIMEOUT_SHARE,
    shortTimeoutMs: SHORT_TIMEOUT_MS,
    slowLinkMs: SLOW_LINK_MS,
    faultProbabilities: FAULTS,
    totalMs,
    phases,
    operations: figures,
  });
}, 240_000);

afterAll(async () => {
  await Promise.all(transports.map((t) => t.close()));
  await slowLink?.close();
  await sandbox?.close();
});

describe('no duplicate billed calls under faults (core client, 1,000 attempts per operation)', () => {
  it('covers every call operation of the catalog and the task-creating writes, of all four vendors', () => {
    for (const id of UNDER_TEST) expect(runs.has(id), `${id} has no fault scenario`).toBe(true);
    expect(new Set(UNDER_TEST.map((id) => id.split('.')[0]))).toEqual(new Set(['dyvms', 'outboundbot', 'volcengine', 'pbx']));
  });

  it.each(UNDER_TEST)('%s: never placed twice, never re-sent after it may have been processed, placed <= ok + unknown', (opId) => {
    expect.hasAssertions();
    const run = runs.get(opId);
    if (!run) throw new Error(`${opId} did not run`);
    const per = Math.max(1, run.scenario.callsPerSuccess);
    const processed = processedFor(opId);
    let placedTotal = 0;
    for (const a of run.attempts) {
      const placed = placedFor(run, a.intent);
      placedTotal += placed.length;
      const where = `${opId} intent ${a.intent.key} (${a.outcome}${a.error ? `: ${a.error.message}` : ''})`;
      // Never twice: at most the calls one request places, each to a different callee.
      expect(placed.length, `${where} placed ${placed.length} calls`).toBeLessThanOrEqual(run.scenario.callsPerSuccess);
      expect(new Set(placed.map((c) => c.number)).size, where).toBe(placed.length);
      // Never sent again once it may have been processed.
      expect(processed.get(a.intent.key)?.notRefused ?? 0, `${where} reached the vendor more than once`).toBeLessThanOrEqual(1);
      if (a.outcome === 'ok') {
        expect(placed.length, `${where}: success but not placed`).toBe(run.scenario.callsPerSuccess);
        if (run.vendorCounts) expect(run.vendorCounts.get(a.intent.key) ?? 0, `${where}: success but not in the vendor's state`).toBe(1);
      }
      if (a.outcome === 'failed') {
        expect(placed.length, `${where}: reported as failed but placed`).toBe(0);
        expect(processed.get(a.intent.key)?.succeeded ?? 0, `${where}: reported as failed but the vendor carried it out`).toBe(0);
        if (run.vendorCounts) expect(run.vendorCounts.get(a.intent.key) ?? 0, `${where}: reported as failed but created`).toBe(0);
      }
      if (a.outcome === 'unknown') expect([0, run.scenario.callsPerSuccess], where).toContain(placed.length);
      if (run.vendorCounts) expect(run.vendorCounts.get(a.intent.key) ?? 0, `${where} created more than once`).toBeLessThanOrEqual(1);
    }
    const placedOrUnknown = run.attempts.filter((a) => a.outcome !== 'failed').length;
    expect(placedTotal).toBeLessThanOrEqual(placedOrUnknown * per);
    // Each retry was signed afresh: the gateway never saw a nonce twice.
    const codes = [...processed.values()].flatMap((p) => p.codes);
    expect(codes.filter((c) => /Nonce|Signature/i.test(c))).toEqual([]);
  });

  it.each(UNDER_TEST)('%s: every request carried out and then answered by a fault was reported as outcome unknown and sent exactly once', (opId) => {
    const run = runs.get(opId);
    if (!run) throw new Error(`${opId} did not run`);
    // The sandbox injected every after-processing fault on this operation (its own count)...
    for (const fault of AFTER_PROCESSING) expect(injected[opId]?.[fault] ?? 0, `${opId}: no ${fault} injected`).toBeGreaterThan(0);
    const log = processedLog.get(opId) ?? [];
    const faulted = log.filter((p) => p.faultAfterProcessing && AFTER_PROCESSING.includes(p.faultAfterProcessing));
    // ...and the simulator's log shows each of them on a request it processed.
    for (const fault of AFTER_PROCESSING) expect(faulted.some((p) => p.faultAfterProcessing === fault), `${opId}: no processed request got ${fault}`).toBe(true);
    const attemptByKey = new Map(run.attempts.map((a) => [a.intent.key, a]));
    for (const p of faulted) {
      const key = run.scenario.keyOf(p.params);
      const attempt = key === undefined ? undefined : attemptByKey.get(key);
      expect(attempt, `${opId}: a processed request (${p.faultAfterProcessing}) names no intent`).toBeDefined();
      const where = `${opId} intent ${key} (${p.faultAfterProcessing}, reported ${attempt?.outcome}${attempt?.error ? `: ${attempt.error.message}` : ''})`;
      expect(attempt?.outcome, `${where}: the client must report the outcome as unknown`).toBe('unknown');
      const sameKey = log.filter((q) => run.scenario.keyOf(q.params) === key);
      expect(sameKey.indexOf(p), `${where}: sent again after the fault`).toBe(sameKey.length - 1);
      // A request the vendor refused (a PBX session that had expired) was not carried out; any other was, once.
      if (!p.refused) expect(sameKey.filter((q) => !q.refused), `${where}: carried out more than once`).toHaveLength(1);
    }
  });

  const unknowns = (opId: string) => (runs.get(opId)?.attempts ?? []).filter((a) => a.outcome === 'unknown');
  for (const opId of UNDER_TEST) {
    it(`${opId}: every unknown outcome is reported as outcome_unknown, may-have-been-processed`, () => {
      expect(unknowns(opId).length, `${opId}: no unknown outcome`).toBeGreaterThan(0);
      for (const a of unknowns(opId)) {
        const error = a.error as CallbridgeError;
        expect(error.kind).toBe('outcome_unknown');
        expect(error.mayHaveBeenProcessed).toBe(true);
        expect(error.message).toMatch(/Outcome unknown/);
      }
    });
    const namesIdentifier = () => {
      const run = runs.get(opId);
      expect(unknowns(opId).length, `${opId}: no unknown outcome`).toBeGreaterThan(0);
      for (const a of unknowns(opId)) {
        expect(
          Object.values(a.error?.checkWith ?? {}),
          `${opId}: an unknown outcome must name ${run?.scenario.checkField}=${a.intent.key} to check; got checkWith ${JSON.stringify(a.error?.checkWith)}`,
        ).toContain(a.intent.key);
      }
    };
    it(`${opId}: every unknown outcome names the identifier to check`, namesIdentifier);
  }

  it('the fault mix really happened: retries, timeouts, resets, 5xx, throttling and unknown outcomes', () => {
    const tally = emptyTally();
    let unknown = 0;
    for (const run of runs.values()) {
      for (const k of Object.keys(tally) as Array<keyof SendTally>) tally[k] += run.tally[k];
      unknown += run.attempts.filter((a) => a.outcome === 'unknown').length;
      expect(run.attempts.filter((a) => a.outcome === 'unknown').length, `${run.scenario.opId} saw no unknown outcome`).toBeGreaterThan(0);
      expect(run.tally.sends, `${run.scenario.opId} never retried`).toBeGreaterThan(run.attempts.length);
    }
    expect(tally.timeouts).toBeGreaterThan(0);
    expect(tally.resets).toBeGreaterThan(0);
    expect(tally.http5xx).toBeGreaterThan(0);
    expect(tally.throttled).toBeGreaterThan(0);
    expect(unknown).toBeGreaterThan(0);
  });
});
