import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlacedCall } from '../../sandbox/types.js';
import { NO_SHARED_SANDBOX } from '../helpers/cli.js';
import { freshStateHome } from '../helpers/state-home.js';

const run = promisify(execFile);
const CLI = ['--import', 'tsx', 'mcp/cli.ts'];
/** Only what node needs: no vendor credentials leak in from the developer's shell. */
const BASE_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XDG_STATE_HOME: freshStateHome(), CALLBRIDGE_SANDBOX_URL: NO_SHARED_SANDBOX };

function cli(args: string[], env: Record<string, string>) {
  return run(process.execPath, [...CLI, ...args], { env, cwd: process.cwd(), timeout: 60_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }),
  );
}

/** Starts `callbridge sandbox --port 0` and resolves with its printed env once it is serving. */
function startCliSandbox(args: string[], extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; env: Record<string, string>; banner: string[] }> {
  const child = spawn(process.execPath, [...CLI, 'sandbox', '--port', '0', ...args], { env: { ...BASE_ENV, ...extraEnv }, cwd: process.cwd() });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (!out.includes('Ctrl-C')) return;
      clearTimeout(timer);
      const lines = out.split('\n').filter(Boolean);
      const env = Object.fromEntries(lines.filter((l) => !l.startsWith('#')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      resolve({ child, env, banner: lines.filter((l) => l.startsWith('#')) });
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited early (${code}): ${out}`)));
  });
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('callbridge sandbox (CLI end to end)', () => {
  it('--print-env prints the env lines for the default port 8790 and exits', async () => {
    const out = await cli(['sandbox', '--print-env'], BASE_ENV);
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toContain('CALLBRIDGE_DYVMS_ENDPOINT=http://127.0.0.1:8790/dyvms/');
    expect(lines).toContain('CALLBRIDGE_PBX_URL=http://127.0.0.1:8790/pbx');
    expect(lines).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID=sandbox-ak');
    expect(lines.every((l) => /^[A-Z_]+=\S+$/.test(l))).toBe(true);
    const custom = await cli(['sandbox', '--print-env', '--port', '9999'], { ...BASE_ENV, ALIBABA_CLOUD_ACCESS_KEY_ID: 'my-ak', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'my-secret' });
    expect(custom.stdout).toContain('CALLBRIDGE_DYVMS_ENDPOINT=http://127.0.0.1:9999/dyvms/');
    expect(custom.stdout).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID=my-ak');
    // A secret from the environment is never printed: not on stdout, not on stderr.
    expect(custom.stdout + custom.stderr).not.toContain('my-secret');
    expect(custom.stderr).toContain('ALIBABA_CLOUD_ACCESS_KEY_SECRET is taken from your environment and not printed');
    expect(custom.stdout.trim().split('\n').every((l) => /^[A-Z_]+=\S+$/.test(l))).toBe(true);
    const bad = await cli(['sandbox', '--faults', 'dyvms.X:boom=1'], BASE_ENV);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown fault');
  }, 60_000);

  it('the banner never prints a secret taken from the environment', async () => {
    const secret = 'real-looking-secret-7f3a';
    const { child, env, banner } = await startCliSandbox([], { VOLCENGINE_ACCESS_KEY: 'AKLTreal', VOLCENGINE_SECRET_KEY: secret });
    children.push(child);
    expect(JSON.stringify({ env, banner })).not.toContain(secret);
    expect(banner).toContain('# VOLCENGINE_SECRET_KEY is taken from your environment and not printed.');
    expect(env.ALIBABA_CLOUD_ACCESS_KEY_SECRET).toBeDefined();
    child.kill('SIGTERM');
  }, 60_000);

  it('serves; `callbridge invoke dyvms.SingleCallByTts` with the printed env places a call it lists', async () => {
    const { child, env, banner } = await startCliSandbox(['--speed', '50', '--seed', '9']);
    children.push(child);
    expect(banner.join('\n')).toContain('no real calls are placed');
    const invoke = await cli(['invoke', 'dyvms.SingleCallByTts', '--input', JSON.stringify({ CalledNumber: '13700000001', TtsCode: 'TTS_100001', TtsParam: { code: '1234' }, OutId: 'cli-1' })], {
      ...BASE_ENV,
      ...env,
    });
    expect(invoke.code).toBe(0);
    expect(invoke.stderr).not.toContain('sandbox: no real calls');
    const out = JSON.parse(invoke.stdout) as { CallId: string; Code: string };
    expect(out.Code).toBe('OK');
    const base = env.CALLBRIDGE_DYVMS_ENDPOINT.replace(/\/dyvms\/$/, '');
    const calls = (await (await fetch(`${base}/_sandbox/calls`)).json()) as PlacedCall[];
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ id: out.CallId, number: '13700000001', outId: 'cli-1' });
    const wrong = await cli(['invoke', 'dyvms.SingleCallByTts', '--input', '{"CalledNumber":"13700000002","TtsCode":"TTS_1"}'], { ...BASE_ENV, ...env, ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'wrong-secret-value' });
    expect(wrong.code, wrong.stderr).toBe(1);
    expect(wrong.stderr).toContain('SignatureDoesNotMatch');
    expect(wrong.stderr).not.toContain('wrong-secret-value');
    const stopped = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await stopped).toBe(0);
  }, 60_000);

  it('with no credentials at all, invoke uses an in-process sandbox and says so', async () => {
    const out = await cli(['invoke', 'dyvms.SingleCallByTts', '--input', '{"CalledNumber":"13700000003","TtsCode":"TTS_100001"}'], BASE_ENV);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain('sandbox: no real calls are placed');
    expect((JSON.parse(out.stdout) as { CallId: string }).CallId).toMatch(/^\d+\^\d+$/);
    const dry = await cli(['invoke', 'dyvms.SingleCallByTts', '--dry-run', '--input', '{"CalledNumber":"13700000003","TtsCode":"TTS_100001"}'], BASE_ENV);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, request: { method: 'POST' } });
    expect(dry.stdout).not.toContain('sandbox-secret');
    const off = await cli(['invoke', 'dyvms.SingleCallByTts', '--input', '{"CalledNumber":"13700000003","TtsCode":"TTS_100001"}'], { ...BASE_ENV, CALLBRIDGE_SANDBOX: 'off' });
    expect(off.code, off.stderr).toBe(3);
    expect(off.stderr).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
  }, 60_000);
});
