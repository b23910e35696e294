// Child processes for the multi-process store tests: run a TypeScript script under the Node that runs the
// tests (it must have node:sqlite), wait until every child says "ready", say "go" to all at once, and collect
// each child's last output line as JSON.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface Child {
  process: ChildProcessWithoutNullStreams;
  lines: string[];
  stderr: string[];
}

export function startChild(script: string, args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], { cwd: root });
  const lines: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  return { process: child, lines, stderr };
}

async function lineFrom(child: Child, wanted: string): Promise<void> {
  while (!child.lines.includes(wanted)) {
    if (child.process.exitCode !== null) throw new Error(`child exited (${child.process.exitCode}) before "${wanted}": ${child.stderr.join('')}`);
    await Promise.race([once(child.process.stdout, 'data'), once(child.process, 'exit')]);
  }
}

/** Starts the children together and returns each one's result (its last stdout line, parsed). */
export async function runTogether(script: string, argsPerChild: string[][]): Promise<unknown[]> {
  const children = argsPerChild.map((args) => startChild(script, args));
  await Promise.all(children.map((c) => lineFrom(c, 'ready')));
  for (const c of children) c.process.stdin.write('go\n');
  return Promise.all(
    children.map(async (c) => {
      const [code] = c.process.exitCode === null ? await once(c.process, 'exit') : [c.process.exitCode];
      if (code !== 0) throw new Error(`child exited with ${String(code)}: ${c.stderr.join('')}`);
      return JSON.parse(c.lines[c.lines.length - 1]) as unknown;
    }),
  );
}

/** Resolves when the parent says "go" on stdin (after this process printed "ready"). */
export async function readyThenGo(): Promise<void> {
  const input = createInterface({ input: process.stdin });
  const go = new Promise<void>((resolve) => input.on('line', (line) => line === 'go' && resolve()));
  process.stdout.write('ready\n');
  await go;
  input.close();
}
