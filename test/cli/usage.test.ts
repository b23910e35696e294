// The command line as a person meets it: help, version, "did you mean", flags, input and the exit
// codes of usage mistakes (issue 17's findings, each run as a process). Nothing here reaches a vendor.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { startRecordingServer } from '../helpers/recording-server.js';

let server: Awaited<ReturnType<typeof startRecordingServer>>;
let env: Record<string, string>;

beforeAll(async () => {
  server = await startRecordingServer(() => ({ status: 200, body: { RequestId: 'req-1', Code: 'OK', Message: 'OK', CallId: '1^2' } }));
  env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'usage-id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'usage-secret-123', CALLBRIDGE_DYVMS_ENDPOINT: `${server.url}/dyvms/` };
});
afterAll(() => server.close());

const tts = JSON.stringify({ CalledNumber: '13800000000', TtsCode: 'TTS_100001' });
/** What a sandbox started by a command would say: it must not appear when the command line is wrong. */
const SANDBOX_NOTICE = 'sandbox: no real calls are placed';

describe.concurrent('help and version', () => {
  it('each command has its own help with examples', async () => {
    const [sandbox, invoke, opsList] = await Promise.all([runCli(['sandbox', '--help']), runCli(['invoke', '--help']), runCli(['ops', 'list', '--help'])]);
    for (const r of [sandbox, invoke, opsList]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
    }
    expect(sandbox.stdout).toContain('Usage: callbridge sandbox');
    expect(sandbox.stdout).toMatch(/--speed <factor>.*faster[\s\S]*default: 1/);
    expect(sandbox.stdout).toMatch(/--faults <spec>/);
    expect(invoke.stdout).toContain('Usage: callbridge invoke [options] <operation-id>');
    expect(invoke.stdout).toContain('--input-file <path>');
    expect(opsList.stdout).toContain('Usage: callbridge ops list');
    expect(new Set([sandbox.stdout, invoke.stdout, opsList.stdout]).size).toBe(3);
  });

  it('`callbridge help` prints the overview with the exit-code table; `help <command>` that command\'s help', async () => {
    const [help, helpCall, callHelp] = await Promise.all([runCli(['help']), runCli(['help', 'call']), runCli(['call', '--help'])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    for (const line of ['0  success', '1  the vendor', '2  invalid input or usage', '3  configuration', '4  refused by the call policy', '5  outcome unknown']) expect(help.stdout).toContain(line);
    expect(helpCall.code).toBe(0);
    expect(helpCall.stdout).toBe(callHelp.stdout);
    expect(helpCall.stdout).toContain('callbridge call dyvms 13800000000 --tts TTS_100001');
  });

  it('--version prints the package version', async () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('the README and --help show the same exit-code table', async () => {
    const help = (await runCli(['--help'])).stdout;
    const table = help.slice(help.indexOf('Exit codes:'), help.indexOf('\n\n', help.indexOf('Exit codes:')));
    expect(table.split('\n').length).toBe(7);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(table);
  });
});

describe.concurrent('mistakes get a clear message, a suggestion and exit 2, before anything starts', () => {
  it('`invoke` without an operation ID says what is missing', async () => {
    const r = await runCli(['invoke']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'operation-id'");
    expect(r.stderr).not.toContain('Unknown command');
  });

  it('a mistyped command gets "did you mean"', async () => {
    const r = await runCli(['invoek', 'dyvms.SingleCallByTts']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'invoek'");
    expect(r.stderr).toContain('Did you mean invoke?');
  });

  it('an unknown operation ID gets the closest IDs, and no sandbox is started', async () => {
    const r = await runCli(['invoke', 'dyvms.SingleCallByTs', '--input', tts]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown operation "dyvms.SingleCallByTs". Did you mean dyvms.SingleCallByTts');
    expect(r.stderr).not.toContain(SANDBOX_NOTICE);
    const bare = await runCli(['invoke', 'singlecallbytss', '--input', tts]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Did you mean dyvms.SingleCallByTts');
  });

  it('operation IDs are found in any letter case and without the product prefix', async () => {
    const before = server.requests.length;
    const [lower, bare] = await Promise.all([runCli(['invoke', 'dyvms.singlecallbytts', '--input', tts], env), runCli(['invoke', 'SingleCallByTts', '--input', tts], env)]);
    for (const r of [lower, bare]) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ Code: 'OK' });
    }
    const actions = server.requests.slice(before).map((req) => new URLSearchParams(req.body).get('Action'));
    expect(actions).toEqual(['SingleCallByTts', 'SingleCallByTts']);
    const described = await runCli(['ops', 'describe', 'singlecallbytts']);
    expect(JSON.parse(described.stdout)).toMatchObject({ id: 'dyvms.SingleCallByTts' });
  });

  it('unknown flags get "did you mean" (ops list --prodcut, mcp --allow-call)', async () => {
    const [ops, mcp] = await Promise.all([runCli(['ops', 'list', '--prodcut', 'dyvms']), runCli(['mcp', '--allow-call'])]);
    expect(ops.code).toBe(2);
    expect(ops.stderr).toContain("unknown option '--prodcut'");
    expect(ops.stderr).toContain('Did you mean --product?');
    expect(mcp.code).toBe(2);
    expect(mcp.stderr).toContain("unknown option '--allow-call'");
    expect(mcp.stderr).toContain('Did you mean --allow-calls?');
    expect(mcp.stderr).not.toContain('positional argument');
  });

  it("another command's flag is refused, naming the command it belongs to", async () => {
    const marked = JSON.stringify({ CalledNumber: '13800000123', TtsCode: 'TTS_100001' });
    const r = await runCli(['invoke', 'dyvms.SingleCallByTts', '--input', marked, '--port', '9999'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--port'");
    expect(r.stderr).toContain('--port is a flag of: callbridge sandbox');
    // Nothing of this invocation reached the vendor (judged by its own number, whatever else runs meanwhile).
    expect(server.requests.filter((q) => JSON.stringify(q).includes('13800000123'))).toHaveLength(0);
  });

  it('--input with no value exits 2', async () => {
    const r = await runCli(['invoke', 'dyvms.SingleCallByTts', '--input']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--input <json>' argument missing");
  });

  it('a missing --input-file is named in plain words, without errno text, exit 2', async () => {
    const r = await runCli(['invoke', 'dyvms.SingleCallByTts', '--input-file', '/no/such/input.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --input-file /no/such/input.json: no such file or directory\n');
    expect(r.stderr).not.toMatch(/ENOENT|errno|at .*\.ts:\d+/);
  });

  it('--input and --input-file together are refused', async () => {
    const r = await runCli(['invoke', 'dyvms.SingleCallByTts', '--input', tts, '--input-file', 'x.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--input <json>' cannot be used with option '--input-file <path>'");
  });

  it('--input-file - reads the input from standard input', async () => {
    const before = server.requests.length;
    const r = await runCli(['invoke', 'dyvms.SingleCallByTts', '--input-file', '-'], env, JSON.stringify({ CalledNumber: '13800000009', TtsCode: 'TTS_STDIN' }));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(new URLSearchParams(server.requests[before].body).get('TtsCode')).toBe('TTS_STDIN');
  });

  it('input that is not JSON is refused without repeating it', async () => {
    const r = await runCli(['invoke', 'dyvms.SingleCallByTts', '--input', 'password=hunter2-secret']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--input is not valid JSON');
    expect(r.stderr).not.toContain('hunter2');
  });

  it('bad flag values exit 2 alike for sandbox and mcp, with the rule and not the parser\'s jargon', async () => {
    const [speed, port, mcpPort, mcpHours] = await Promise.all([
      runCli(['sandbox', '--speed', '-1']),
      runCli(['sandbox', '--port', '70000']),
      runCli(['mcp', '--port', 'abc']),
      runCli(['mcp', '--calling-hours', '9-5']),
    ]);
    expect(speed.code).toBe(2);
    expect(speed.stderr).toContain("option '--speed <factor>' argument '-1' is invalid. It must be a number greater than 0.");
    expect(speed.stderr).not.toContain('ambiguous');
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('It must be a whole number from 0 to 65535');
    expect(mcpPort.code).toBe(2);
    expect(mcpPort.stderr).toContain('--port');
    expect(mcpHours.code).toBe(2);
    expect(mcpHours.stderr).toContain('--calling-hours must look like 09:00-20:00');
  });

  it('call: a number that is not one, or no content, is refused before anything starts', async () => {
    const [number, content, params] = await Promise.all([
      runCli(['call', 'dyvms', 'not-a-number', '--tts', 'TTS_1']),
      runCli(['call', 'dyvms', '13800000000']),
      runCli(['call', 'dyvms', '13800000000', '--voice-file', 'v.wav', '--params', 'a=1']),
    ]);
    expect(number.code).toBe(2);
    expect(number.stderr).toContain('<number> "not-a-number" is not a phone number');
    expect(content.code).toBe(2);
    expect(content.stderr).toContain('exactly one of --tts <template>, --voice-file <id> or --prompt <file>');
    expect(params.code).toBe(2);
    expect(params.stderr).toContain('--params goes with --tts');
    for (const r of [number, content, params]) expect(r.stderr).not.toContain(SANDBOX_NOTICE);
    const provider = await runCli(['call', 'outboundbot', '13800000000', '--tts', 'T']);
    expect(provider.code).toBe(2);
    expect(provider.stderr).toContain('Allowed choices are dyvms, volcengine, pbx');
  });

  it('task add: a missing or malformed callee file is a usage error naming it', async () => {
    const [missing, noNumber] = await Promise.all([
      runCli(['task', 'add', 'dyvms', '1', '--file', '/no/such/callees.csv']),
      runCli(['task', 'add', 'dyvms', '1', '--file', '-'], {}, 'phone,name\n13800000000,Wang\n'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error: --file /no/such/callees.csv: no such file or directory\n');
    expect(noNumber.code).toBe(2);
    expect(noNumber.stderr).toContain('one of them "number" (got: phone, name)');
  });
});

describe.concurrent('exit codes of the other failure kinds', () => {
  it('configuration: no credentials with the sandbox turned off exits 3 naming the variables', async () => {
    const r = await runCli(['invoke', 'dyvms.SingleCallByTts', '--input', tts], { CALLBRIDGE_SANDBOX: 'off' });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
  });

  it('configuration: a malformed endpoint variable exits 3', async () => {
    const r = await runCli(['invoke', 'dyvms.SingleCallByTts', '--input', tts], { ...env, CALLBRIDGE_DYVMS_ENDPOINT: 'not-a-url' });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('CALLBRIDGE_DYVMS_ENDPOINT must be a full http(s) URL');
  });

  it('network: an unreachable vendor exits 1 in plain words', async () => {
    const r = await runCli(['invoke', 'dyvms.QueryCallDetailByCallId', '--input', JSON.stringify({ CallId: '1^2', ProdId: '11000000300006', QueryDate: Date.now() })], {
      ...env,
      CALLBRIDGE_DYVMS_ENDPOINT: 'http://127.0.0.1:9/',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: /);
    expect(r.stderr).toContain('connection refused');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
