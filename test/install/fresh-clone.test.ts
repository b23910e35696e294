// A new user's first minutes: a fresh clone, the README's set-up (npm ci, build) and quick start
// (a sandbox, `callbridge call ... --wait`, `callbridge task add ... --file`), and the clone is
// still clean afterwards (no rewritten lock file, no generated files).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { freshStateHome } from '../helpers/state-home.js';

const run = promisify(execFile);
const parent = mkdtempSync(join(tmpdir(), 'callbridge-clone-'));
const clone = join(parent, 'callbridge');
/** Only what npm and node need: no project settings passed down by `npm test`, no vendor credentials. */
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XDG_STATE_HOME: freshStateHome() };
let sandbox: ChildProcess | undefined;

afterAll(() => {
  if (sandbox?.exitCode === null) sandbox.kill('SIGINT');
  rmSync(parent, { recursive: true, force: true });
});

const sh = (file: string, args: string[], extra: Record<string, string> = {}) =>
  run(file, args, { cwd: clone, env: { ...env, ...extra }, maxBuffer: 64 * 1024 * 1024 });

/** `npx callbridge sandbox --port 0`, resolved with its address once it serves. */
function startSandbox(): Promise<string> {
  const child = spawn('npx', ['callbridge', 'sandbox', '--port', '0', '--speed', '600'], { cwd: clone, env, stdio: ['ignore', 'pipe', 'pipe'] });
  sandbox = child;
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /callbridge sandbox on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url && out.includes('Ctrl-C')) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code}): ${out}`)));
  });
}

describe('fresh clone', () => {
  it('the README set-up and quick start leave the clone clean', async () => {
    await run('git', ['clone', '--quiet', ROOT, clone], { env });
    const readme = readFileSync(join(clone, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npm run build');
    expect(readme).toMatch(/npx callbridge call dyvms \S+ --tts \S+ --params \S+ --wait/);
    expect(readme).toMatch(/npx callbridge task add dyvms <task ID> --file examples\/callees\.csv/);
    const engines = (JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(readme).toContain(`Requires Node.js ${engines.replace('>=', '')} or later`);

    await sh('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund']);
    // `npm install` must not rewrite the lock file either (it used to add other platforms' packages).
    await sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund']);
    expect((await sh('git', ['status', '--porcelain'])).stdout).toBe('');
    await sh('npm', ['run', 'build']);
    const url = await startSandbox();
    const withSandbox = { CALLBRIDGE_SANDBOX_URL: url };

    const call = await sh('npx', ['callbridge', 'call', 'dyvms', '13800000000', '--tts', 'TTS_100001', '--params', 'code=123456', '--wait'], withSandbox);
    expect(JSON.parse(call.stdout)).toMatchObject({ final: true, timed_out: false });
    const created = await sh('npx', ['callbridge', 'invoke', 'dyvms.CreateRobotTask', '--input', '{"TaskName":"survey","DialogId":"1000000000001","Caller":["057100005678"],"RetryType":0}'], withSandbox);
    const taskId = (JSON.parse(created.stdout) as { Data: string }).Data;
    const added = await sh('npx', ['callbridge', 'task', 'add', 'dyvms', taskId, '--file', 'examples/callees.csv'], withSandbox);
    expect(JSON.parse(added.stdout)).toMatchObject({ accepted: 3, rejected: 0 });

    const status = await sh('git', ['status', '--porcelain']);
    expect(status.stdout).toBe('');
  }, 900_000);
});
