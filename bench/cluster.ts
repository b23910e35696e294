// Scale-out on Redis, measured on this machine: 1, 2 and 3 `callbridge mcp --http` replicas (the packed
// callbridge) on one Redis and one sandbox.
//  - throughput: closed-loop clients call place_call (billed: every call is a Redis reserve, a shared
//    pacing slot and a call id written back) round-robin over the replicas; requests/s and p50/p99;
//  - pacing accuracy: three replicas together send one operation as fast as they may; the sandbox's own
//    record (GET /_sandbox/rates) gives the arrival rate, the most requests in any second and how many
//    its token bucket (the documented QPS, burst = QPS) throttled.
// Run: npx tsx bench/cluster.ts [--quick]   Writes bench/results/cluster[-quick].json and prints the tables.
import { performance } from 'node:perf_hooks';
import { startRedis } from '../test/store/support/redis-server.js';
import { callTool, mobile, sandboxRates, startReplicas } from '../test/cluster/support.js';
import { startSandboxProcess } from '../test/reliability/support/sandbox-process.js';
import { machine, parseFlags, table, writeResult } from './lib/common.js';
import { percentile } from '../test/reliability/support/figures.js';

const flags = parseFlags(process.argv.slice(2));
const quick = flags.quick === true;
const SECONDS = quick ? 4 : 10;
const CLIENTS = 32;
const UNLIMITED = ['max-concurrent-calls', 'max-calls-per-hour', 'max-calls-per-day', 'max-per-number-per-hour', 'max-per-number-per-day'].flatMap((l) => [`--${l}`, 'unlimited']);

const redis = await startRedis();
// The sandbox runs in its own process, so the load this process generates does not delay its answers or its record.
const sandbox = await startSandboxProcess();
let numberSeq = 0;

interface ThroughputRow {
  replicas: number;
  requests: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

async function throughput(count: number): Promise<ThroughputRow> {
  const replicas = await startReplicas(count, ['--store', `${redis.url}/?prefix=bench-${count}`, '--allow-calls', '--no-confirm', '--calling-hours', 'off', ...UNLIMITED], sandbox);
  try {
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    const place = (url: string) =>
      callTool(url, 'place_call', { provider: 'dyvms', to: mobile(20_000_000 + numberSeq++), caller_id: '+8657100000000', tts_template: 'TTS_100000001' });
    for (let i = 0; i < count * 4; i++) await place(replicas[i % count].url); // warm-up
    const started = performance.now();
    const end = started + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < end) {
          const url = replicas[next++ % count].url;
          const t = performance.now();
          const answer = await place(url);
          latencies.push(performance.now() - t);
          if (!answer.result?.call_id) errors++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return { replicas: count, requests: latencies.length, errors, perSecond: Math.round(latencies.length / elapsed), p50Ms: Math.round(percentile(latencies, 50)), p99Ms: Math.round(percentile(latencies, 99)) };
  } finally {
    await Promise.all(replicas.map((r) => r.stop()));
  }
}

interface PacingRow {
  operation: string;
  qps: number;
  requests: number;
  arrivalPerSecond: number;
  peakInOneSecond: number;
  throttled: number;
}

async function pacing(operation: string, input: Record<string, unknown>, qps: number, requests: number): Promise<PacingRow> {
  const replicas = await startReplicas(3, ['--store', `${redis.url}/?prefix=pace-${operation}`, '--calling-hours', 'off'], sandbox);
  const send = (i: number) => callTool(replicas[i % 3].url, 'invoke_operation', { id: operation, input });
  try {
    // Warm-up (connections, first signatures, compiled code), then a clean record: the run measures pacing, not start-up.
    for (let i = 0; i < 6; i++) await send(i);
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST' });
    await Promise.all(Array.from({ length: requests }, (_, i) => send(i)));
  } finally {
    await Promise.all(replicas.map((r) => r.stop()));
  }
  const rate = (await sandboxRates(sandbox))[operation];
  const span = ((rate.lastAt ?? 0) - (rate.firstAt ?? 0)) / 1000;
  return { operation, qps, requests, arrivalPerSecond: Math.round(((rate.accepted - 1) / span) * 10) / 10, peakInOneSecond: rate.peakInOneSecond, throttled: rate.throttled };
}

const before = machine();
const rows: ThroughputRow[] = [];
for (const count of [1, 2, 3]) rows.push(await throughput(count));
const pacingRows = [
  await pacing('dyvms.GetToken', { TokenType: 'dyvms' }, 20, quick ? 120 : 300),
  await pacing('dyvms.QueryCallDetailByCallId', { CallId: '1^1', ProdId: '11000000300006', QueryDate: Date.now() }, 100, quick ? 600 : 1500),
];
await sandbox.close();
await redis.stop();

const file = writeResult(quick ? 'cluster-quick' : 'cluster', { machine: { ...before, loadAverageEnd: machine().loadAverage }, seconds: SECONDS, clients: CLIENTS, throughput: rows, pacing: pacingRows });
console.log(table(['replicas', 'requests', 'errors', 'requests/s', 'p50 ms', 'p99 ms'], rows.map((r) => [r.replicas, r.requests, r.errors, r.perSecond, r.p50Ms, r.p99Ms])));
console.log();
console.log(table(['operation', 'documented QPS', 'requests', 'arrival rate /s', 'most in 1 s', 'throttled'], pacingRows.map((r) => [r.operation, r.qps, r.requests, r.arrivalPerSecond, r.peakInOneSecond, r.throttled])));
console.log(`\nwritten to ${file}`);
