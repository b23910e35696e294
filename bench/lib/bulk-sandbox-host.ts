// The sandbox of the bulk-pacing benchmark, in its own process (as a real vendor is): it books every
// answer it gives to the bulk action (accepted numbers, throttling, errors) and reports the ledger
// and its task state to the parent over IPC.
import { performance } from 'node:perf_hooks';
import { rpcParams } from '../../sandbox/alibaba-rpc.js';
import createDyvmsSimulator from '../../sandbox/dyvms/index.js';
import { startSandbox } from '../../sandbox/server.js';
import type { SandboxRequest, SandboxResponse, VendorSimulator } from '../../sandbox/types.js';
import createVolcengineSimulator from '../../sandbox/volcengine/index.js';
import { distinctPhoneNumbers, peakPerSecond } from './common.js';

export interface LedgerReport {
  requests: number;
  throttled: number;
  otherErrors: number;
  /** Distinct numbers the sandbox accepted. */
  acceptedDistinct: number;
  /** Numbers accepted more than once. */
  duplicated: number;
  /** Expected numbers never accepted. */
  missing: number;
  /** Accepted numbers that were not expected. */
  unexpected: number;
  /** Sandbox-side span between the first and the last booked request, ms. */
  spanMs: number;
  /** Largest number of booked requests within any 1-second window. */
  peakPerSecond: number;
  /** Volcengine only: what the simulator's task holds. */
  state?: { entries: number; distinct: number; missing: number; unexpected: number };
}

export type HostMessage = { type: 'report'; vendor: 'dyvms' | 'volcengine'; taskId?: string; count: number; seed: number } | { type: 'close' };

interface Ledger {
  requests: number;
  throttled: number;
  otherErrors: number;
  accepted: Map<string, number>;
  times: number[];
}

const newLedger = (): Ledger => ({ requests: 0, throttled: 0, otherErrors: 0, accepted: new Map(), times: [] });
const ledgers = { dyvms: newLedger(), volcengine: newLedger() };

const text = (res: SandboxResponse) => (typeof res.body === 'string' ? res.body : Buffer.from(res.body).toString('utf8'));

function watched(sim: VendorSimulator, book: (req: SandboxRequest, res: SandboxResponse) => void): VendorSimulator {
  return {
    vendor: sim.vendor,
    handle: async (req, ctx) => {
      const res = await sim.handle(req, ctx);
      book(req, res);
      return res;
    },
    reset: () => sim.reset(),
    tick: sim.tick ? (ctx) => sim.tick?.(ctx) : undefined,
    faultResponse: sim.faultResponse ? (fault, req) => sim.faultResponse!(fault, req) : undefined,
    close: sim.close ? () => sim.close?.() : undefined,
  };
}

function bookDyvms(req: SandboxRequest, res: SandboxResponse): void {
  const params = rpcParams(req);
  if (params.Action !== 'UploadRobotTaskCalledFile') return;
  const l = ledgers.dyvms;
  l.requests++;
  l.times.push(performance.now());
  const body = JSON.parse(text(res)) as { Code?: string };
  if (String(body.Code ?? '').startsWith('Throttling')) l.throttled++;
  else if (res.status !== 200 || body.Code !== 'OK') l.otherErrors++;
  else for (const n of (params.CalledNumber ?? '').split(',')) l.accepted.set(n, (l.accepted.get(n) ?? 0) + 1);
}

function bookVolcengine(req: SandboxRequest, res: SandboxResponse): void {
  if (req.query.Action !== 'BatchAppend') return;
  const l = ledgers.volcengine;
  l.requests++;
  l.times.push(performance.now());
  const body = JSON.parse(text(res)) as { ResponseMetadata?: { Error?: { Code?: string } }; Result?: { FailList?: { Index: number }[] } };
  const code = body.ResponseMetadata?.Error?.Code;
  if (code === 'FlowLimitExceeded' || res.status === 429) l.throttled++;
  else if (code || res.status !== 200) l.otherErrors++;
  else {
    const failed = new Set((body.Result?.FailList ?? []).map((f) => f.Index));
    if (failed.size) l.otherErrors++;
    (JSON.parse(req.body) as { PhoneList: { Phone: string }[] }).PhoneList.forEach((p, i) => {
      if (!failed.has(i)) l.accepted.set(p.Phone, (l.accepted.get(p.Phone) ?? 0) + 1);
    });
  }
}

const volcengine = createVolcengineSimulator();
const sandbox = await startSandbox({
  seed: Number(process.env.BENCH_SEED ?? 1),
  faults: process.env.BENCH_FAULTS || undefined,
  simulators: { dyvms: watched(createDyvmsSimulator(), bookDyvms), volcengine: watched(volcengine, bookVolcengine) },
});

process.on('message', (message: HostMessage) => {
  if (message.type === 'close') {
    void sandbox.close().then(() => process.exit(0));
    return;
  }
  const l = ledgers[message.vendor];
  const expected = distinctPhoneNumbers(message.count, message.seed);
  const wanted = new Set(expected);
  const report: LedgerReport = {
    requests: l.requests,
    throttled: l.throttled,
    otherErrors: l.otherErrors,
    acceptedDistinct: l.accepted.size,
    duplicated: [...l.accepted.values()].filter((c) => c > 1).length,
    missing: expected.filter((n) => !l.accepted.has(n)).length,
    unexpected: [...l.accepted.keys()].filter((n) => !wanted.has(n)).length,
    spanMs: l.times.length ? l.times[l.times.length - 1] - l.times[0] : 0,
    peakPerSecond: peakPerSecond(l.times),
  };
  if (message.vendor === 'volcengine' && message.taskId) {
    // The simulator's own task state.
    const entries = volcengine.state.tasks.get(message.taskId)?.entries;
    if (entries) {
      const held = entries.map((e) => e.phone);
      const distinct = new Set(held);
      report.state = {
        entries: held.length,
        distinct: distinct.size,
        missing: expected.filter((n) => !distinct.has(n)).length,
        unexpected: held.filter((n) => !wanted.has(n)).length,
      };
    }
  }
  process.send?.(report);
});

process.send?.({ type: 'ready', env: sandbox.env, url: sandbox.url });
