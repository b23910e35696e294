// Runs inside one child process per client and run: warm-up, a sequential phase and a phase at
// concurrency C, measuring wall time and this process's own CPU (process.cpuUsage), then peak RSS.
import { performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';

export interface Target {
  url: string;
  port: number;
}

export interface BenchClient {
  /** One complete call: build, sign, send, read and check the answer; throws on any failure. */
  call(i: number): Promise<void>;
  close?(): Promise<void>;
}

export type ClientFactory = (target: Target) => BenchClient | Promise<BenchClient>;

export interface WorkerConfig extends Target {
  warmup: number;
  sequential: number;
  concurrent: number;
  concurrency: number;
}

export interface PhaseResult {
  calls: number;
  wallMs: number;
  cpuUserUs: number;
  cpuSystemUs: number;
  rps: number;
  cpuUsPerCall: number;
}

export interface WorkerResult {
  client: string;
  sequential: PhaseResult;
  concurrent: PhaseResult;
  maxRssMiB: number;
  /** Garbage-collection pauses during the measured phases, ms per 1000 calls. */
  gcMsPerKCall?: number;
  /** The young generation's size at the end (V8 doubles it when much survives its collections). */
  youngGenMiB?: number;
}

async function phase(client: BenchClient, start: number, calls: number, concurrency: number): Promise<PhaseResult> {
  let next = start;
  const end = start + calls;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const lane = async () => {
    while (next < end) await client.call(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    calls,
    wallMs,
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
    rps: calls / (wallMs / 1000),
    cpuUsPerCall: (cpu.user + cpu.system) / calls,
  };
}

export async function runWorker(name: string, factory: ClientFactory): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as WorkerConfig;
  const client = await factory(config);
  let index = 0;
  for (; index < config.warmup; index++) await client.call(index);
  let gcMs = 0;
  const addGc = (entries: PerformanceEntry[]) => entries.forEach((e) => (gcMs += e.duration));
  const gc = new PerformanceObserver((list) => addGc(list.getEntries()));
  gc.observe({ entryTypes: ['gc'] });
  const sequential = await phase(client, index, config.sequential, 1);
  index += config.sequential;
  const concurrent = await phase(client, index, config.concurrent, config.concurrency);
  addGc(gc.takeRecords());
  gc.disconnect();
  await client.close?.();
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  const result: WorkerResult = {
    client: name,
    sequential,
    concurrent,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    gcMsPerKCall: (gcMs / (config.sequential + config.concurrent)) * 1000,
    youngGenMiB: young ? young.space_size / 1048576 : undefined,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
