// A sandbox in its own process (see sandbox-process-main.ts), driven over loopback HTTP only.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { PlacedCall } from '../../../sandbox/types.js';
import { ROOT } from '../../helpers/cli.js';
import type { Processed } from './observed-sandbox.js';
import type { SandboxProcessOptions } from './sandbox-process-main.js';
import { freshStateHome } from '../../helpers/state-home.js';

export interface SandboxProcess {
  url: string;
  port: number;
  env: Record<string, string>;
  /** Sandbox time now (the sandbox's clock runs `speed` times real time). */
  now(): number;
  calls(query?: Record<string, string>): Promise<PlacedCall[]>;
  setFaults(spec: string): Promise<void>;
  /** Requests the simulators processed, for one operation. */
  processed(operationId: string): Promise<Processed[]>;
  /** The sandbox's own count of the faults it injected, per operation id and fault. */
  injectedFaults(): Promise<Record<string, Record<string, number>>>;
  close(): Promise<void>;
}

export async function startSandboxProcess(options: SandboxProcessOptions = {}, timeoutMs = 60_000): Promise<SandboxProcess> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(import.meta.dirname, 'sandbox-process-main.ts'), JSON.stringify(options)], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XDG_STATE_HOME: freshStateHome() },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const info = await new Promise<{
    url: string;
    port: number;
    env: Record<string, string>;
    observerUrl: string;
    speed: number;
    clockOffset: number;
  }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox process did not start:\n${stderr}`)), timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n')) {
        clearTimeout(timer);
        resolve(JSON.parse(line));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox process exited (${code}):\n${stderr}`));
    });
  });
  const json = async <T>(url: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(url, init);
    if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    url: info.url,
    port: info.port,
    env: info.env,
    now: () => Date.now() * info.speed + info.clockOffset,
    calls: (query = {}) => json<PlacedCall[]>(`${info.url}/_sandbox/calls?${new URLSearchParams(query)}`),
    setFaults: async (spec) => {
      await json(`${info.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ spec }) });
    },
    injectedFaults: async () => (await json<{ injected: Record<string, Record<string, number>> }>(`${info.url}/_sandbox/faults`)).injected,
    processed: (operationId) => json<Processed[]>(`${info.observerUrl}/processed?${new URLSearchParams({ operationId })}`),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.stdin.end();
      }),
  };
}
