// A real redis-server for tests: loopback, a free port, no persistence. Fails (never skips) when the
// redis-server binary is missing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { freePort } from '../../helpers/free-port.js';

export interface TestRedis {
  url: string;
  port: number;
  /** Stops the server and waits until it has exited. */
  stop(): Promise<void>;
  /** Kills it (SIGKILL: commands it holds are never answered) and waits until it has exited. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: nothing was persisted). */
  start(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  const found = spawnSync('redis-server', ['--version']);
  if (found.error) throw new Error(`redis-server is needed for the Redis store tests and was not found (${found.error.message}); install it: apt-get install -y redis-server`);
  const port = await freePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = server;
    const output: string[] = [];
    const lines = createInterface({ input: server.stdout });
    const ready = new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => {
        output.push(line);
        if (line.includes('Ready to accept connections')) resolve();
      });
      server.on('exit', (code) => reject(new Error(`redis-server exited (${String(code)}) before it was ready: ${output.join('\n')}`)));
    });
    await ready;
  };

  const end = async (signal: NodeJS.Signals) => {
    const server = child;
    child = undefined;
    if (!server || server.exitCode !== null) return;
    const exited = once(server, 'exit');
    server.kill(signal);
    await exited;
  };

  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop: () => end('SIGTERM'), kill: () => end('SIGKILL'), start };
}
