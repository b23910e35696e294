// Secrets never leak. The CLI, the MCP server (stdio and HTTP, each its own process) and the n8n nodes
// (execute() with a stand-in for n8n's execution context, every request authenticated by the real
// credential classes) are driven through successes, vendor errors, network faults, invalid input and
// dry runs against one sandbox configured with distinctive secrets. Every output, error, log line and
// preview is scanned for each secret (as is, URL-encoded, JSON-escaped): the AccessKey secret and STS
// token, the Volcengine SK and session token, the PBX password, its MD5, every PBX session token the
// sandbox issued, the MCP bearer token, and the wrong secrets used to provoke signature errors.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeProduct } from '../../nodes/shared/execute.js';
import { DEFAULT_INSTANCE_ID, DEFAULT_SCRIPT_ID } from '../../sandbox/outboundbot/state.js';
import { runCli } from '../helpers/cli.js';
import { packedCallbridgeBin } from '../helpers/packed-callbridge.js';
import { fakeExecute } from '../n8n/helpers.js';
import { pool } from './support/clients.js';
import { recordFigures } from './support/figures.js';
import { spawnMcpHttp } from './support/mcp-process.js';
import { startObservedSandbox, type ObservedSandbox } from './support/observed-sandbox.js';
import { SecretScanner } from './support/secrets.js';

const ACCOUNTS = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIreliabilityId01',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'AliSecret+9fQ2/xZ7=wK1pL',
  VOLCENGINE_ACCESS_KEY: 'AKLTreliabilityAk01',
  VOLCENGINE_SECRET_KEY: 'VolcSK/b3R8+mN4vT6yU=',
  CALLBRIDGE_PBX_USERNAME: 'admin-rel',
  CALLBRIDGE_PBX_PASSWORD: 'PbxPass-h5J2+cD8/eW3',
};
const STS_TOKEN = 'StsToken+Qw3/Er5=Ty7Ui9';
const VOLC_SESSION_TOKEN = 'VolcSession+Zx8/Cv2=Bn4';
const MCP_TOKEN = 'McpBearer-q7Z1aS9dF4gH2jK';
const WRONG = { alibaba: 'AliWrong+1234/5678=abcd', volcengine: 'VolcWrong+abcd/efgh=1234', pbx: 'PbxWrong+5678/abcd=efgh' };

/** Faults on operations used only for the fault scenarios. */
const FAULTS = [
  'dyvms.SingleCallByVoice:reset-after-processing=1',
  'dyvms.QueryCallDetailByCallId:5xx=1',
  'volcengine.SingleBatchAppend:5xx=1',
  'pbx.outbound.playprompt:reset-before-processing=1',
  'outboundbot.ListScripts:throttle=1',
].join(';');

/** What a tool result says when each kind of injected fault really happened. */
const FAULT_SHOWN = {
  // The connection closed after the request was sent: the client cannot know whether it was carried out.
  resetAfter: /Outcome unknown: dyvms\.SingleCallByVoice: no answer from dyvms: .*\(UND_ERR_SOCKET\)/,
  resetBefore: /Outcome unknown: pbx\.outbound\.playprompt: no answer from pbx: .*\(UND_ERR_SOCKET\)/,
  http5xxOnWrite: /Outcome unknown: volcengine\.SingleBatchAppend failed: InternalError/,
  http5xxOnRead: /dyvms\.QueryCallDetailByCallId failed: ServiceUnavailable/,
  throttled: /outboundbot\.ListScripts failed: Throttling\.User/,
};

let sandbox: ObservedSandbox;
let env: Record<string, string>;
const scanner = new SecretScanner(() => ({
  alibabaSecret: ACCOUNTS.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
  alibabaStsToken: STS_TOKEN,
  volcengineSk: ACCOUNTS.VOLCENGINE_SECRET_KEY,
  volcengineSessionToken: VOLC_SESSION_TOKEN,
  pbxPassword: ACCOUNTS.CALLBRIDGE_PBX_PASSWORD,
  pbxPasswordMd5: createHash('md5').update(ACCOUNTS.CALLBRIDGE_PBX_PASSWORD).digest('hex'),
  mcpBearerToken: MCP_TOKEN,
  wrongAlibabaSecret: WRONG.alibaba,
  wrongVolcengineSk: WRONG.volcengine,
  wrongPbxPassword: WRONG.pbx,
  wrongPbxPasswordMd5: createHash('md5').update(WRONG.pbx).digest('hex'),
  ...Object.fromEntries(sandbox.pbxTokens.map((t, i) => [`pbxToken${i}`, t])),
}));

/**
 * Leaks found by this test and not fixed yet. core's redact() hides a secret as is, URL-encoded and
 * JSON-escaped, but the Alibaba gateway's SignatureDoesNotMatch message repeats its "string to sign",
 * in which the STS token is URL-encoded twice, and error messages pass that text on. Any other form
 * or secret is still a failure.
 */
const KNOWN_LEAKS: RegExp[] = [];
const isKnown = (hit: string) => KNOWN_LEAKS.some((k) => k.test(hit));
const unknownHits = () => scanner.hits.filter((h) => !isKnown(h));

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  sandbox = await startObservedSandbox({ speed: 600, seed: 'secrets', env: ACCOUNTS, faults: FAULTS });
  env = { ...sandbox.env, ALIBABA_CLOUD_SECURITY_TOKEN: STS_TOKEN, VOLCENGINE_SESSION_TOKEN: VOLC_SESSION_TOKEN };
});

afterAll(async () => {
  recordFigures('secrets', 'scan', {
    secretsLookedFor: Object.keys({
      alibabaSecret: 1,
      alibabaStsToken: 1,
      volcengineSk: 1,
      volcengineSessionToken: 1,
      pbxPassword: 1,
      pbxPasswordMd5: 1,
      mcpBearerToken: 1,
      wrongSecrets: 1,
    }),
    pbxTokensIssued: sandbox?.pbxTokens.length ?? 0,
    surfaces: scanner.summary(),
    hits: scanner.recheck().length,
    knownLeaks: scanner.hits.filter(isKnown).map((h) => h.replace(/ at \.\.\..*$/, '')),
  });
  await sandbox?.close();
});

const tts = (n: string, extra: Record<string, unknown> = {}) => ({ CalledNumber: n, TtsCode: 'TTS_100001', TtsParam: { code: '1234' }, ...extra });

describe('secrets never leak', () => {
  it('CLI: successes, vendor errors, faults, invalid input, dry runs, wrong credentials, unreachable vendor', async () => {
    const dead = await closedPort();
    const scenarios: Array<{ label: string; args: string[]; env?: Record<string, string>; code: number }> = [
      { label: 'dyvms success', args: ['invoke', 'dyvms.SingleCallByTts', '--input', JSON.stringify(tts('13600000001'))], code: 0 },
      { label: 'dyvms vendor error', args: ['invoke', 'dyvms.SingleCallByTts', '--input', JSON.stringify({ ...tts('13600000002'), TtsCode: 'NOT_A_TEMPLATE' })], code: 1 },
      {
        label: 'dyvms reset after processing (outcome unknown)',
        args: ['invoke', 'dyvms.SingleCallByVoice', '--input', JSON.stringify({ CalledNumber: '13600000003', VoiceCode: 'v.wav', OutId: 'sec-3' })],
        code: 5,
      },
      { label: 'dyvms 5xx on a read', args: ['invoke', 'dyvms.QueryCallDetailByCallId', '--input', JSON.stringify({ CallId: '1^2', ProdId: '11000000300006', QueryDate: Date.now() })], code: 1 },
      { label: 'volcengine success', args: ['invoke', 'volcengine.NumberPoolList', '--input', '{}'], code: 0 },
      { label: 'volcengine vendor error', args: ['invoke', 'volcengine.PauseTask', '--input', JSON.stringify({ TaskOpenId: '999999' })], code: 1 },
      {
        label: 'volcengine 5xx (outcome unknown)',
        args: ['invoke', 'volcengine.SingleBatchAppend', '--input', JSON.stringify({ List: [{ SingleOpenId: 'sec-v1', Phone: '13600000004', Type: 1, Resource: 'sandbox-tts-001', NumberPoolNo: 'NP162212345678900001' }] })],
        code: 5,
      },
      { label: 'pbx success', args: ['invoke', 'pbx.extension.dial_outbound', '--input', JSON.stringify({ extid: '1000', outto: '13600000005' })], code: 0 },
      { label: 'pbx vendor error', args: ['invoke', 'pbx.extension.dial_outbound', '--input', JSON.stringify({ extid: '9999', outto: '13600000006' })], code: 1 },
      { label: 'pbx reset before processing (outcome unknown)', args: ['invoke', 'pbx.outbound.playprompt', '--input', JSON.stringify({ outto: '13600000007', prompt: 'welcome' })], code: 5 },
      { label: 'invalid input', args: ['invoke', 'dyvms.SingleCallByTts', '--input', JSON.stringify({ CalledNumber: 'not a number', TtsCode: '' })], code: 2 },
      { label: 'not JSON', args: ['invoke', 'dyvms.SingleCallByTts', '--input', `password=${ACCOUNTS.CALLBRIDGE_PBX_PASSWORD}`], code: 2 },
      {
        label: 'pbx.login with the password in the input',
        args: ['invoke', 'pbx.login', '--input', JSON.stringify({ username: 'admin-rel', password: ACCOUNTS.CALLBRIDGE_PBX_PASSWORD })],
        code: 3,
      },
      { label: 'dyvms dry run', args: ['invoke', 'dyvms.SingleCallByTts', '--dry-run', '--input', JSON.stringify(tts('13600000008'))], code: 0 },
      { label: 'outboundbot dry run', args: ['invoke', 'outboundbot.ListScripts', '--dry-run', '--input', JSON.stringify({ InstanceId: DEFAULT_INSTANCE_ID, PageNumber: 1, PageSize: 10 })], code: 0 },
      { label: 'volcengine dry run', args: ['invoke', 'volcengine.NumberPoolList', '--dry-run', '--input', '{}'], code: 0 },
      { label: 'pbx dry run', args: ['invoke', 'pbx.extension.dial_outbound', '--dry-run', '--input', JSON.stringify({ extid: '1000', outto: '13600000009' })], code: 0 },
      {
        label: 'wrong Alibaba secret (signature error)',
        args: ['invoke', 'dyvms.SingleCallByTts', '--input', JSON.stringify(tts('13600000010'))],
        env: { ALIBABA_CLOUD_ACCESS_KEY_SECRET: WRONG.alibaba },
        code: 1,
      },
      { label: 'wrong Volcengine SK (signature error)', args: ['invoke', 'volcengine.NumberPoolList', '--input', '{}'], env: { VOLCENGINE_SECRET_KEY: WRONG.volcengine }, code: 1 },
      { label: 'wrong PBX password', args: ['invoke', 'pbx.extensionlist.query', '--input', '{}'], env: { CALLBRIDGE_PBX_PASSWORD: WRONG.pbx }, code: 1 },
      {
        label: 'unreachable vendor',
        args: ['invoke', 'dyvms.SingleCallByTts', '--input', JSON.stringify(tts('13600000011'))],
        env: { CALLBRIDGE_DYVMS_ENDPOINT: `http://127.0.0.1:${dead}/` },
        code: 1,
      },
    ];
    const codes: string[] = [];
    await pool(scenarios.length, 4, async (i) => {
      const s = scenarios[i];
      const result = await runCli(s.args, { ...env, ...s.env });
      scanner.scan('cli', `${s.label}: stdout`, result.stdout);
      scanner.scan('cli', `${s.label}: stderr`, result.stderr);
      if (result.code !== s.code) codes.push(`${s.label}: exit ${result.code}, expected ${s.code}\n${result.stdout}\n${result.stderr}`);
    });
    expect(codes).toEqual([]);
    expect(unknownHits()).toEqual([]);
  }, 180_000);

  /** One pass of tool calls covering every kind of outcome; every result, error and the server's log is scanned. */
  async function mcpScenarios(surface: string, client: Client, live: boolean): Promise<void> {
    /** `fault`: what the result must say when the sandbox's injected fault really happened (live runs only). */
    const call = async (label: string, name: string, args: Record<string, unknown>, fault?: RegExp) => {
      let text: string;
      try {
        const result = await client.callTool({ name, arguments: args });
        scanner.scan(surface, label, result);
        text = JSON.stringify(result);
      } catch (error) {
        scanner.scan(surface, `${label} (thrown)`, error);
        text = String(error);
      }
      if (live && fault) expect(text, `${surface} ${label}: the injected fault did not show`).toMatch(fault);
    };
    scanner.scan(surface, 'tools/list', await client.listTools());
    await call('place_call dyvms', 'place_call', { provider: 'dyvms', to: '13600001001', tts_template: 'TTS_100001', tts_params: { code: '1' } });
    await call('place_call dyvms, reset after processing', 'place_call', { provider: 'dyvms', to: '13600001002', voice_file: 'v.wav' }, FAULT_SHOWN.resetAfter);
    await call('place_call volcengine, 5xx', 'place_call', { provider: 'volcengine', to: '13600001003', tts_template: 'sandbox-tts-001', caller_id: 'NP162212345678900001' }, FAULT_SHOWN.http5xxOnWrite);
    await call('place_call pbx, reset before processing', 'place_call', { provider: 'pbx', to: '13600001004', prompt: 'welcome' }, FAULT_SHOWN.resetBefore);
    await call('get_call_result dyvms, 5xx', 'get_call_result', { provider: 'dyvms', call_id: '1^2' }, FAULT_SHOWN.http5xxOnRead);
    await call('list_robot_scripts dyvms', 'list_robot_scripts', { provider: 'dyvms' });
    await call('list_robot_scripts outboundbot, throttled', 'list_robot_scripts', { provider: 'outboundbot' }, FAULT_SHOWN.throttled);
    await call('list_robot_scripts volcengine', 'list_robot_scripts', { provider: 'volcengine' });
    await call('invoke pbx dial', 'invoke_operation', { id: 'pbx.extension.dial_outbound', input: { extid: '1000', outto: '13600001005' } });
    await call('invoke pbx vendor error', 'invoke_operation', { id: 'pbx.extension.dial_outbound', input: { extid: '9999', outto: '13600001006' } });
    await call('invoke volcengine', 'invoke_operation', { id: 'volcengine.NumberPoolList', input: {} });
    await call('invoke volcengine vendor error', 'invoke_operation', { id: 'volcengine.ResumeTask', input: { TaskOpenId: '999999' } });
    await call('invoke dyvms vendor error', 'invoke_operation', { id: 'dyvms.SingleCallByTts', input: { ...tts('13600001007'), TtsCode: 'NOT_A_TEMPLATE' } });
    await call('invoke invalid input', 'invoke_operation', { id: 'dyvms.SingleCallByTts', input: { CalledNumber: 'x' } });
    await call('invoke pbx.login with the password', 'invoke_operation', { id: 'pbx.login', input: { username: 'admin-rel', password: ACCOUNTS.CALLBRIDGE_PBX_PASSWORD } });
    await call('invoke unknown operation', 'invoke_operation', { id: 'dyvms.NoSuchThing', input: {} });
    await call('describe_operation', 'describe_operation', { id: 'pbx.login' });
    await call('place_call invalid arguments', 'place_call', { provider: 'dyvms', to: '' });
  }

  function stdioClient(args: string[]): { client: Client; transport: StdioClientTransport; stderr: () => string } {
    const transport = new StdioClientTransport({
      command: packedCallbridgeBin(),
      args: ['mcp', ...args],
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'callbridge-state-')), ...env },
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    return { client: new Client({ name: 'secrets', version: '1' }), transport, stderr: () => stderr };
  }

  it('MCP server over stdio: live and dry-run, every tool result and the server log', async () => {
    for (const [surface, args] of [
      ['mcp-stdio', ['--allow-calls', '--no-confirm', '--calling-hours', 'off']],
      ['mcp-stdio-dry-run', ['--allow-calls', '--no-confirm', '--calling-hours', 'off', '--dry-run']],
    ] as const) {
      const { client, transport, stderr } = stdioClient([...args]);
      await client.connect(transport);
      try {
        await mcpScenarios(surface, client, surface !== 'mcp-stdio-dry-run');
      } finally {
        await client.close();
      }
      scanner.scan(surface, 'server log (stderr)', stderr());
      expect(stderr()).toMatch(/speaking MCP on stdio/);
    }
    expect(unknownHits()).toEqual([]);
  }, 120_000);

  it('MCP server over HTTP: tool results, refusals (no/wrong token, Origin, size) and the server log', async () => {
    const server = await spawnMcpHttp(['--allow-calls', '--no-confirm', '--calling-hours', 'off', '--max-body-bytes', '4096'], { ...env, CALLBRIDGE_MCP_TOKEN: MCP_TOKEN });
    try {
      const client = new Client({ name: 'secrets-http', version: '1' });
      await client.connect(new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: { authorization: `Bearer ${MCP_TOKEN}` } } }));
      try {
        await mcpScenarios('mcp-http', client, true);
      } finally {
        await client.close();
      }
      const list = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
      const refusals: Array<[string, Record<string, string>, string]> = [
        ['no token', {}, list],
        ['wrong token', { authorization: `Bearer ${MCP_TOKEN.slice(0, -1)}x` }, list],
        ['foreign Origin', { authorization: `Bearer ${MCP_TOKEN}`, origin: 'https://evil.example.net' }, list],
        ['oversized body', { authorization: `Bearer ${MCP_TOKEN}` }, JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: { pad: MCP_TOKEN.repeat(500) } })],
        ['not JSON', { authorization: `Bearer ${MCP_TOKEN}` }, `token=${MCP_TOKEN}`],
      ];
      for (const [label, headers, body] of refusals) {
        const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body });
        scanner.scan('mcp-http', `refusal: ${label}`, { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() });
        expect(res.status, label).toBeGreaterThanOrEqual(400);
      }
    } finally {
      await server.stop();
    }
    scanner.scan('mcp-http', 'server log (stderr)', server.stderr());
    expect(unknownHits()).toEqual([]);
  }, 120_000);

  it('n8n nodes: outputs, NodeApiError/NodeOperationError (message, description, cause, stack) and continue-on-fail items', async () => {
    const credentials = (): Record<string, ICredentialDataDecryptedObject> => ({
      callbridgeAlibabaCloudApi: {
        accessKeyId: ACCOUNTS.ALIBABA_CLOUD_ACCESS_KEY_ID,
        accessKeySecret: ACCOUNTS.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
        securityToken: STS_TOKEN,
        region: 'cn-shanghai',
        endpoint: `${sandbox.url}/`,
      },
      callbridgeVolcengineApi: {
        accessKeyId: ACCOUNTS.VOLCENGINE_ACCESS_KEY,
        secretAccessKey: ACCOUNTS.VOLCENGINE_SECRET_KEY,
        region: 'cn-north-1',
        endpoint: sandbox.env.CALLBRIDGE_VOLCENGINE_ENDPOINT,
      },
      callbridgePbxApi: {
        token: '',
        baseUrl: sandbox.env.CALLBRIDGE_PBX_URL,
        username: ACCOUNTS.CALLBRIDGE_PBX_USERNAME,
        password: ACCOUNTS.CALLBRIDGE_PBX_PASSWORD,
        apiVersion: 'v1.1.0',
        eventPort: '8260',
        eventUrl: '',
        eventVersion: '',
        ignoreTlsErrors: false,
        caCertificate: '',
      },
    });
    const wrong = credentials();
    wrong.callbridgeAlibabaCloudApi.accessKeySecret = WRONG.alibaba;
    wrong.callbridgeVolcengineApi.secretAccessKey = WRONG.volcengine;
    wrong.callbridgePbxApi.password = WRONG.pbx;
    const dead = await closedPort();
    const unreachable = credentials();
    unreachable.callbridgeVolcengineApi.endpoint = `http://127.0.0.1:${dead}/`;

    const scenarios: Array<{ label: string; product: 'dyvms' | 'outboundbot' | 'volcengine' | 'pbx'; parameters: Record<string, unknown>; creds?: Record<string, ICredentialDataDecryptedObject> }> = [
      { label: 'dyvms success', product: 'dyvms', parameters: { resource: 'call', operation: 'SingleCallByTts', CalledNumber: '13600002001', TtsCode: 'TTS_100001', additionalFields: {}, waitForResult: false } },
      { label: 'dyvms vendor error', product: 'dyvms', parameters: { resource: 'call', operation: 'SingleCallByTts', CalledNumber: '13600002002', TtsCode: 'NOT_A_TEMPLATE', additionalFields: {} } },
      {
        label: 'dyvms reset after processing',
        product: 'dyvms',
        parameters: { resource: 'call', operation: 'SingleCallByVoice', CalledNumber: '13600002003', VoiceCode: 'v.wav', additionalFields: {}, waitForResult: false },
      },
      { label: 'dyvms invalid input', product: 'dyvms', parameters: { resource: 'call', operation: 'SingleCallByTts', CalledNumber: 'not a number', TtsCode: '', additionalFields: {} } },
      { label: 'dyvms wrong secret', product: 'dyvms', parameters: { resource: 'call', operation: 'SingleCallByTts', CalledNumber: '13600002004', TtsCode: 'TTS_100001', additionalFields: {} }, creds: wrong },
      { label: 'outboundbot throttled', product: 'outboundbot', parameters: { resource: 'script', operation: 'ListScripts', InstanceId: DEFAULT_INSTANCE_ID, additionalFields: {} } },
      {
        label: 'outboundbot StartJob',
        product: 'outboundbot',
        parameters: { resource: 'job', operation: 'StartJob', InstanceId: DEFAULT_INSTANCE_ID, ScriptId: DEFAULT_SCRIPT_ID, JobJson: { contacts: [{ phonenumber: '13600002005', referenceId: 'sec-n8n' }] }, additionalFields: {} },
      },
      { label: 'volcengine success', product: 'volcengine', parameters: { resource: 'number', operation: 'NumberPoolList', additionalFields: {} } },
      { label: 'volcengine wrong SK', product: 'volcengine', parameters: { resource: 'number', operation: 'NumberPoolList', additionalFields: {} }, creds: wrong },
      { label: 'volcengine unreachable', product: 'volcengine', parameters: { resource: 'number', operation: 'NumberPoolList', additionalFields: {} }, creds: unreachable },
      {
        label: 'volcengine 5xx',
        product: 'volcengine',
        parameters: {
          resource: 'singleCall',
          operation: 'SingleBatchAppend',
          List: { values: [{ SingleOpenId: 'secn8n01', Phone: '13600002006', Type: 1, Resource: 'sandbox-tts-001', NumberPoolNo: 'NP162212345678900001' }] },
          waitForResult: false,
        },
      },
      { label: 'pbx success', product: 'pbx', parameters: { resource: 'extension', operation: 'extension.dial_outbound', extid: '1000', outto: '13600002007', additionalFields: {}, waitForResult: false } },
      { label: 'pbx vendor error', product: 'pbx', parameters: { resource: 'extension', operation: 'extension.dial_outbound', extid: '9999', outto: '13600002008', additionalFields: {}, waitForResult: false } },
      { label: 'pbx reset before processing', product: 'pbx', parameters: { resource: 'outbound', operation: 'outbound.playprompt', outto: '13600002009', prompt: 'welcome', additionalFields: {}, waitForResult: false } },
      { label: 'pbx wrong password', product: 'pbx', parameters: { resource: 'extension', operation: 'extensionlist.query' }, creds: wrong },
    ];
    const ran: string[] = [];
    for (const continueOnFail of [false, true]) {
      for (const s of scenarios) {
        const label = `${s.label}${continueOnFail ? ' (continue on fail)' : ''}`;
        const { ctx, store } = fakeExecute({ credentials: s.creds ?? credentials(), parameters: [s.parameters], continueOnFail });
        try {
          scanner.scan('n8n', `${label}: output`, await executeProduct.call(ctx, s.product));
          ran.push(`${label}: ok`);
        } catch (error) {
          scanner.scan('n8n', `${label}: error`, error);
          ran.push(`${label}: ${(error as Error).constructor.name}`);
        }
        // The PBX token the credential obtained is a secret too (n8n keeps it in the credential, not in outputs).
        const token = store.callbridgePbxApi?.token;
        if (typeof token === 'string' && token && !sandbox.pbxTokens.includes(token)) sandbox.pbxTokens.push(token);
      }
    }
    // Successes and failures both happened.
    expect(ran.filter((r) => r.endsWith(': ok')).length).toBeGreaterThan(4);
    expect(ran.filter((r) => /Error$/.test(r)).length).toBeGreaterThan(4);
    expect(unknownHits()).toEqual([]);
  }, 120_000);

  it('every output, scanned again with every PBX token the sandbox issued during the whole run', () => {
    expect(sandbox.pbxTokens.length).toBeGreaterThan(0);
    expect(scanner.recheck().filter((h) => !isKnown(h))).toEqual([]);
    expect(Object.keys(scanner.summary()).sort()).toEqual(['cli', 'mcp-http', 'mcp-stdio', 'mcp-stdio-dry-run', 'n8n']);
  });

  it('the Alibaba STS token is redacted in every form, dry-run previews and vendor messages included', () => {
    expect(scanner.recheck()).toEqual([]);
  });
});
