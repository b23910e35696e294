// The CLI under the same call policy as the MCP server, tried as a hostile script would: emergency and
// denied numbers in other forms, one subscriber in several forms against a cap shared by two
// processes, a roster by file. Judged by the calls the sandbox recorded and the exit codes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { runCli } from '../helpers/cli.js';
import { freshStateHome } from '../helpers/state-home.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, speed: 600, seed: 'cli-hostile' });
});
afterAll(() => sandbox.close());

const callsTo = (national: string) => sandbox.context.calls().filter((c) => c.number.endsWith(national)).length;
const tts = (to: string) => JSON.stringify({ CalledNumber: to, TtsCode: 'TTS_100001' });

describe('the CLI obeys the call policy', () => {
  it('emergency numbers in every form exit 4 and place nothing', async () => {
    const env = { CALLBRIDGE_SANDBOX_URL: sandbox.url };
    for (const form of ['0086110', '+1911', '86120']) {
      const r = await runCli(['call', 'dyvms', form, '--tts', 'TTS_100001'], env);
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toContain('emergency-numbers');
    }
    const r = await runCli(['invoke', 'dyvms.SingleCallByTts', '--input', tts('0110')], env);
    expect(r.code, r.stderr).toBe(4);
    expect(sandbox.context.calls().filter((c) => /(110|911|120)$/.test(c.number))).toHaveLength(0);
  });

  it('a number denied in the shared settings is refused in any form, naming the variable that changes it', async () => {
    const env = { CALLBRIDGE_SANDBOX_URL: sandbox.url, CALLBRIDGE_MCP_DENY_NUMBERS: '+8613800000801' };
    for (const form of ['13800000801', '013800000801', '008613800000801']) {
      const r = await runCli(['invoke', 'dyvms.SingleCallByTts', '--input', tts(form)], env);
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toContain('CALLBRIDGE_MCP_DENY_NUMBERS');
    }
    expect(callsTo('13800000801')).toBe(0);
  });

  it('two processes on one store share the per-number cap, whatever form each writes', async () => {
    const env = { CALLBRIDGE_SANDBOX_URL: sandbox.url, CALLBRIDGE_MCP_MAX_PER_NUMBER_PER_HOUR: '1', XDG_STATE_HOME: freshStateHome() };
    const [a, b] = await Promise.all([
      runCli(['invoke', 'dyvms.SingleCallByTts', '--input', tts('13800000802')], env),
      runCli(['invoke', 'dyvms.SingleCallByTts', '--input', tts('+8613800000802')], env),
    ]);
    expect([a.code, b.code].sort(), `${a.stderr}\n${b.stderr}`).toEqual([0, 4]);
    expect(callsTo('13800000802')).toBe(1);
  });

  it('calls to a running sandbox are counted in a store of their own, never against the caps of real calls', async () => {
    const state = freshStateHome();
    const r = await runCli(['invoke', 'dyvms.SingleCallByTts', '--input', tts('13800000803')], { CALLBRIDGE_SANDBOX_URL: sandbox.url, XDG_STATE_HOME: state });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(state, 'callbridge', 'sandbox-policy.sqlite'))).toBe(true);
    expect(existsSync(join(state, 'callbridge', 'policy.sqlite'))).toBe(false);
  });

  it('a roster by file is refused: it dials people the command does not name', async () => {
    const roster = { InstanceId: 'c3a1e0f2-5b7d-4e39-9a61-0d2f4b8e7c15', JobGroupId: 'g-1', BatchJobName: 'all', ScriptId: 's-1', JobFilePath: 'oss://bucket/people.xlsx', Submitted: 'submit' };
    const r = await runCli(['invoke', 'outboundbot.ModifyBatchJobs', '--input', JSON.stringify(roster)], { CALLBRIDGE_SANDBOX_URL: sandbox.url });
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toContain('unknown-callees');
  });
});
