// The task-level commands (call, result, task add) as processes against a sandbox that outlives
// them, as `callbridge sandbox` does; judged by what the sandbox recorded.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { ROOT, runCli, type CliResult } from '../helpers/cli.js';
import { startRecordingServer } from '../helpers/recording-server.js';

let sandbox: RunningSandbox;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'callbridge-cli-'));

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, speed: 600, seed: 'cli-commands' });
  env = { CALLBRIDGE_SANDBOX_URL: sandbox.url };
});
afterAll(() => sandbox.close());

const json = <T>(r: CliResult): T => JSON.parse(r.stdout) as T;

/** Runs the CLI with a terminal for stdout and stderr (util-linux `script`), as a person would; returns what the terminal showed. */
function runCliOnTerminal(args: string[], extraEnv: Record<string, string>): Promise<CliResult> {
  const command = [join(ROOT, 'node_modules', '.bin', 'tsx'), join(ROOT, 'mcp', 'cli.ts'), ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'callbridge-cli-state-')), TERM: 'xterm', ...extraEnv }, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end();
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr: '' }));
  });
}

describe('callbridge call / result against a running sandbox', () => {
  it('call --wait places one call, follows it and prints the final result; the sandbox lasts across commands', async () => {
    const r = await runCli(['call', 'dyvms', '138 0000 1001', '--tts', 'TTS_100001', '--params', 'code=1234', '--out-id', 'cli-call-1', '--wait'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`using the sandbox running at ${sandbox.url}`);
    expect(r.stderr).not.toContain('waiting for the call result');
    const out = json<{ call_id: string; operation: string; final: boolean; timed_out: boolean; result: { status: string; callee: string; final: boolean } }>(r);
    expect(out).toMatchObject({ operation: 'dyvms.SingleCallByTts', final: true, timed_out: false, result: { callee: '13800001001', final: true } });
    const placed = sandbox.context.calls().filter((c) => c.number === '13800001001');
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ id: out.call_id, outId: 'cli-call-1' });

    const later = await runCli(['result', 'dyvms', out.call_id], env);
    expect(later.code).toBe(0);
    expect(json<{ callId: string; status: string; final: boolean }>(later)).toMatchObject({ callId: out.call_id, status: out.result.status, final: true });
  });

  it('on a terminal: a summary of the placed call and its result, and a progress bar on stderr', async () => {
    const r = await runCliOnTerminal(['call', 'dyvms', '13800001002', '--tts', 'TTS_100001', '--wait'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Call placed: +\d+\^\d+/);
    expect(r.stdout).toContain('waiting for the call result [');
    expect(r.stdout).toMatch(/status: +(completed|no_answer|busy|failed)/);
    expect(r.stdout).not.toContain('"call_id"');
    expect(sandbox.context.calls().filter((c) => c.number === '13800001002')).toHaveLength(1);
  });

  it('--dry-run sends no call and prints the signed request without the secret', async () => {
    const before = sandbox.context.calls().length;
    const r = await runCli(['call', 'dyvms', '13800001003', '--tts', 'TTS_100001', '--params', 'code=1234', 'name=Wang', '--dry-run'], env);
    expect(r.code).toBe(0);
    const out = json<{ operation: string; dry_run: { requests: Array<{ method: string; body: string }> } }>(r);
    expect(out.operation).toBe('dyvms.SingleCallByTts');
    expect(out.dry_run.requests[0].body).toContain('CalledNumber=13800001003');
    expect(new URLSearchParams(out.dry_run.requests[0].body).get('TtsParam')).toBe('{"code":"1234","name":"Wang"}');
    expect(r.stdout).not.toContain('sandbox-secret');
    expect(sandbox.context.calls().length).toBe(before);
  });

  it('without a running sandbox, the in-process one says that its state ends with the command', async () => {
    const r = await runCli(['call', 'dyvms', '13800001004', '--tts', 'TTS_100001'], { CALLBRIDGE_SANDBOX_SPEED: '600' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('using an in-process sandbox whose calls and tasks end with this command');
    expect(r.stderr).toContain('callbridge sandbox');
    expect(sandbox.context.calls().filter((c) => c.number === '13800001004')).toHaveLength(0);
  });
});

describe('callbridge task add', () => {
  it('adds 2,500 callees from a CSV in chunks of 1,000, and lists the rejected numbers with reasons', async () => {
    const created = await runCli(['invoke', 'dyvms.CreateRobotTask', '--input', JSON.stringify({ TaskName: 'cli-bulk', DialogId: '1000000000001', Caller: ['057100005678'], RetryType: 0 })], env);
    expect(created.code).toBe(0);
    const taskId = json<{ Data: string }>(created).Data;
    const rows = Array.from({ length: 2500 }, (_, i) => `1390000${String(i).padStart(4, '0')},${i}`);
    const file = join(dir, 'callees.csv');
    writeFileSync(file, ['number,code', ...rows, 'not-a-number,1', '13900000000,2'].join('\n'));

    const r = await runCli(['task', 'add', 'dyvms', taskId, '--file', file], env);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('adding');
    const out = json<{ accepted: number; rejected: number; requests: number; rejections: Array<{ number: string; reason: string }> }>(r);
    expect(out).toMatchObject({ accepted: 2500, rejected: 2, requests: 3 });
    expect(out.rejections).toEqual([
      { number: 'not-a-number', reason: 'not a phone number (3-20 digits, optional +)' },
      { number: '13900000000', reason: 'duplicate in this request' },
    ]);
    const detail = await runCli(['invoke', 'dyvms.QueryRobotTaskDetail', '--input', JSON.stringify({ Id: taskId })], env);
    expect(json<{ Data: unknown }>(detail).Data).toMatchObject({ totalCount: 2500 });
  });

  it('on a terminal: a progress bar and a summary; `task calls` then lists the calls the task placed', async () => {
    // One policy store for the whole flow: the start is judged against the callees `task add` recorded.
    const shared = { ...env, XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'callbridge-cli-flow-')) };
    const created = await runCli(['invoke', 'dyvms.CreateRobotTask', '--input', JSON.stringify({ TaskName: 'cli-tty', DialogId: '1000000000001', Caller: ['057100005678'], RetryType: 0 })], shared);
    const taskId = json<{ Data: string }>(created).Data;
    const r = await runCliOnTerminal(['task', 'add', 'dyvms', taskId, '--file', join(ROOT, 'examples', 'callees.csv')], shared);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('adding 3 callees [');
    expect(r.stdout).toMatch(/Accepted: +3/);
    expect(r.stdout).toMatch(/Rejected: +0/);

    const started = await runCli(['invoke', 'dyvms.StartRobotTask', '--input', JSON.stringify({ TaskId: taskId })], shared);
    expect(started.code).toBe(0);
    const numbers = ['13800000001', '13800000002', '13800000003'];
    await vi.waitFor(() => expect(sandbox.context.calls().filter((c) => c.taskId === taskId && numbers.includes(c.number))).toHaveLength(3), { timeout: 60_000, interval: 200 });
    const calls = await runCli(['task', 'calls', 'dyvms', taskId], env);
    expect(calls.code).toBe(0);
    expect(json<Array<{ callee: string }>>(calls).map((c) => c.callee).sort()).toEqual(numbers);
  });
});

describe('per-request limits are enforced locally for invoke', () => {
  it('1,500 numbers to dyvms.UploadRobotTaskCalledFile: input error naming the limit and `task add`, nothing sent', async () => {
    const server = await startRecordingServer(() => ({ status: 200, body: { Code: 'OK' } }));
    try {
      const input = { Id: '4001110001', CalledNumber: Array.from({ length: 1500 }, (_, i) => `1370000${String(i).padStart(4, '0')}`) };
      const file = join(dir, 'big.json');
      writeFileSync(file, JSON.stringify(input));
      const r = await runCli(['invoke', 'dyvms.UploadRobotTaskCalledFile', '--input-file', file], {
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'limit-id',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'limit-secret',
        CALLBRIDGE_DYVMS_ENDPOINT: `${server.url}/dyvms/`,
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('CalledNumber: at most 1,000 numbers per request');
      expect(r.stderr).toContain('callbridge task add dyvms <task> --file callees.csv');
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});

describe('outcome unknown', () => {
  it('a call whose connection drops after the vendor processed it exits 5 and names what to check', async () => {
    const faulty = await startSandbox({ port: 0, speed: 600, seed: 'cli-unknown', faults: 'dyvms.SingleCallByTts:reset-after-processing=1' });
    try {
      const r = await runCli(['call', 'dyvms', '13800001005', '--tts', 'TTS_100001', '--out-id', 'cli-unknown-1'], { CALLBRIDGE_SANDBOX_URL: faulty.url });
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('outcome=unknown');
      expect(r.stderr).toContain('cli-unknown-1');
      expect(faulty.context.calls().filter((c) => c.number === '13800001005')).toHaveLength(1);
    } finally {
      await faulty.close();
    }
  });
});
