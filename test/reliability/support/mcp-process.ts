// `callbridge mcp` as a separate process (the CLI from source), so a test measures the server the
// way a user runs it: stdio, or --http on 127.0.0.1 with its URL read from stderr.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { packedCallbridgeBin } from '../../helpers/packed-callbridge.js';

export interface McpProcess {
  child: ChildProcess;
  /** Everything the process wrote to stderr so far (its log). */
  stderr(): string;
  stdout(): string;
  stop(): Promise<void>;
}

export interface McpHttpProcess extends McpProcess {
  url: string;
}

export function spawnMcp(args: string[], env: Record<string, string>): McpProcess {
  const child = spawn(packedCallbridgeBin(), ['mcp', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'callbridge-state-')), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  let out = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  return {
    child,
    stderr: () => err,
    stdout: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.stdin?.end();
        child.kill('SIGTERM');
      }),
  };
}

/** Starts `callbridge mcp --http --port 0 ...` and waits for "listening on <url>". */
export async function spawnMcpHttp(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<McpHttpProcess> {
  const proc = spawnMcp(['--http', '--port', '0', ...args], env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`callbridge mcp --http did not start within ${timeoutMs} ms:\n${proc.stderr()}`)), timeoutMs);
    const check = () => {
      const m = /listening on (http:\/\/\S+)/.exec(proc.stderr());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.child.stderr?.on('data', check);
    proc.child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`callbridge mcp --http exited (${code}):\n${proc.stderr()}`));
    });
  });
  return { ...proc, url };
}
