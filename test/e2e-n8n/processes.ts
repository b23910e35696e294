// Child processes of the n8n tests: bounded in time, killed with their process group.
import { spawn, type ChildProcess } from 'node:child_process';

/** The last `lines` lines of a text (what a failure prints). */
export function tail(text: string, lines = 60): string {
  // eslint-disable-next-line no-control-regex -- strips the ANSI colours n8n prints
  const all = text.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  return all.slice(-lines).join('\n');
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they came. */
  output: string;
  timedOut: boolean;
  ms: number;
}

/** Runs a command in its own process group; on timeout the whole group is killed. */
export function run(command: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string; timeoutMs: number }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(command, args, { env: options.env, cwd: options.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      output += d.toString();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output, timedOut, ms: Date.now() - started });
    });
  });
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

