// Secrets never leak. The CLI, the MCP server (stdio and HTTP, each its own process) and a real n8n (the
// packed community package in n8n 2.41.1 under `n8n start`, debug logs) are driven through successes, vendor
// errors, network faults, invalid input, dry runs (n8n: a call refused by the credential's policy) and
// wrong credentials against one sandbox configured with secrets made up for this run. Every output, error,
// log line and preview is scanned for each secret (as is, URL-encoded, JSON-escaped): the AccessKey secret
// and STS token, the Volcengine SK and session token, the PBX password, its MD5, every PBX session token
// the sandbox issued, the MCP bearer token, the receipt trigger's token, and the wrong secrets used to
// provoke signature errors. From n8n: its webhook answers and credential tests, every execution through its
// public API and as stored in its database, the credentials as stored, its console output and its log file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INSTANCE_ID } from '../../sandbox/outboundbot/state.js';
import { NODE, sandboxConfig } from '../e2e-n8n/support.js';
import { runCli } from '../helpers/cli.js';
import { packedCallbridgeBin } from '../helpers/packed-callbridge.js';
import { waitFor } from '../helpers/wait-for.js';
import { pool } from './support/clients.js';
import { recordFigures } from './support/figures.js';
import { spawnMcpHttp } from './support/mcp-process.js';
import { SecretsN8n, type SavedCredential } from './support/n8n-run.js';
import { ACCOUNTS, MCP_TOKEN, RECEIPT_TOKEN, STS_TOKEN, VOLC_SESSION_TOKEN, WRONG } from './support/canaries.js';
import { N8N_SCENARIOS, n8nCredentials, RECEIPT_CALLEE, type CredentialKey, type N8nScenario } from './support/n8n-scenarios.js';
import { startObservedSandbox, type ObservedSandbox } from './support/observed-sandbox.js';
import { SecretScanner } from './support/secrets.js';

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
/** What the n8n part saw (reported with the figures). */
let n8nFigures: { executions: number; storedExecutions: number; logBytes: number } | undefined;
let env: Record<string, string>;
const scanner = new SecretScanner(() => ({
  alibabaSecret: ACCOUNTS.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
  alibabaStsToken: STS_TOKEN,
  volcengineSk: ACCOUNTS.VOLCENGINE_SECRET_KEY,
  volcengineSessionToken: VOLC_SESSION_TOKEN,
  pbxPassword: ACCOUNTS.CALLBRIDGE_PBX_PASSWORD,
  pbxPasswordMd5: createHash('md5').update(ACCOUNTS.CALLBRIDGE_PBX_PASSWORD).digest('hex'),
  mcpBearerToken: MCP_TOKEN,
  receiptTriggerToken: RECEIPT_TOKEN,
  wrongAlibabaSecret: WRONG.alibaba,
  wrongVolcengineSk: WRONG.volcengine,
  wrongPbxPassword: WRONG.pbx,
  wrongPbxPasswordMd5: createHash('md5').update(WRONG.pbx).digest('hex'),
  wrongReceiptToken: WRONG.receiptToken,
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
      receiptTriggerToken: 1,
      wrongSecrets: 1,
    }),
    pbxTokensIssued: sandbox?.pbxTokens.length ?? 0,
    surfaces: scanner.summary(),
    n8n: n8nFigures,
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

  it('n8n (a real n8n 2.41.1 under `n8n start`, debug logs): webhook answers, credential tests, receipts, every execution through the public API and as stored in its database, its console and its log file', async () => {
    const credentials = n8nCredentials(sandbox);
    const run = await SecretsN8n.start();
    try {
      const saved = {} as Record<CredentialKey, SavedCredential>;
      for (const [key, c] of Object.entries(credentials) as [CredentialKey, (typeof credentials)[CredentialKey]][]) saved[key] = await run.saveCredential(`secrets ${key}`, c.type, c.data);

      // n8n's credential test (the editor's Test button), right and wrong secret.
      for (const [key, expected] of [['alibaba', 'OK'], ['alibabaWrong', 'Error'], ['volcengine', 'OK'], ['volcengineWrong', 'Error'], ['pbx', 'OK'], ['pbxWrong', 'Error']] as const) {
        const tested = await run.testCredential(saved[key]);
        scanner.scan('n8n-http', `credential test: ${key}`, tested);
        expect(tested.body.data?.status, `credential test ${key}: ${JSON.stringify(tested.body)}`).toBe(expected);
      }

      // A Call Receipt Trigger with its secret token in the push URL, as Alibaba is told to push.
      const hookId = randomUUID();
      const receiptWorkflow = await run.publish('secrets: receipts', [
        { name: 'Receipts', type: NODE.receiptTrigger, typeVersion: 1, webhookId: hookId, parameters: { vendor: 'alibaba', secretToken: RECEIPT_TOKEN, tokenLocation: 'query', options: {} } },
      ]);
      const receiptUrl = `${run.n8n.url}/webhook/${hookId}/receipt`;
      const forged = await run.post(`${receiptUrl}?token=${encodeURIComponent(WRONG.receiptToken)}`, '[]');
      scanner.scan('n8n-http', 'receipt push with a wrong token', forged);
      expect(forged.status).toBe(401);
      await sandboxConfig(sandbox.url, { receiptUrls: { VoiceReport: `${receiptUrl}?token=${encodeURIComponent(RECEIPT_TOKEN)}` } });

      const scenarioOf = new Map<string, N8nScenario>();
      for (const s of N8N_SCENARIOS) {
        const { type } = credentials[s.credential];
        const { id, url } = await run.publishWebhook(`secrets: ${s.label}`, { name: 'Callbridge', ...s.node, credentials: { [type]: { id: saved[s.credential].id, name: saved[s.credential].name } } });
        scenarioOf.set(id, s);
        scanner.scan('n8n-http', `${s.label}: webhook answer`, await run.post(url, JSON.stringify({ scenario: s.label })));
      }

      // The sandbox pushes the receipt of the n8n call once it has ended; then no more pushes.
      const [receiptCall] = await sandbox.calls({ number: RECEIPT_CALLEE });
      expect(receiptCall, `the sandbox placed the n8n call to ${RECEIPT_CALLEE}`).toBeDefined();
      await waitFor(
        'the n8n call\'s receipt as a trigger item',
        async () => ((await run.executions()).some((e) => e.workflowId === receiptWorkflow && e.finished && JSON.stringify(e.data ?? {}).includes(receiptCall.id)) ? true : undefined),
        120_000,
      );
      await sandboxConfig(sandbox.url, { receiptUrls: null });
      const executions = await run.settled(N8N_SCENARIOS.length + 1);
      await run.stop();

      // Every scenario ran once, ended as expected and did what it claims; the trigger ran only on true pushes.
      const byWorkflow = (id: string) => executions.filter((e) => e.workflowId === id);
      for (const [id, s] of scenarioOf) {
        const mine = byWorkflow(id);
        expect(mine.map((e) => e.status), `${s.label}: executions`).toEqual([s.status]);
        if (s.shows) expect(JSON.stringify(mine[0].data?.resultData ?? {}), `${s.label}: what its execution says`).toMatch(s.shows);
      }
      const receipts = byWorkflow(receiptWorkflow);
      expect(receipts.length).toBeGreaterThan(0);
      expect(receipts.map((e) => e.status)).toEqual(receipts.map(() => 'success'));
      expect(executions.length, 'executions of unknown workflows').toBe(scenarioOf.size + receipts.length);

      // The workflow each execution keeps a copy of holds the trigger's token as typed into the node (n8n
      // keeps every node parameter so); every other secret is looked for there too.
      const configured = ['receiptTriggerToken'];
      for (const { workflowData, ...e } of executions) {
        const label = `${scenarioOf.get(e.workflowId)?.label ?? 'receipts'}: execution ${e.id} (${e.status})`;
        expect(workflowData, `${label}: the workflow it ran`).toBeDefined();
        scanner.scan('n8n-api', label, e);
        scanner.scan('n8n-api', `${label}: the workflow it ran`, workflowData, configured);
      }
      // As stored: every execution the API listed is in the database with its run data.
      const stored = run.storedExecutions();
      expect(stored.map((e) => e.id)).toEqual(expect.arrayContaining(executions.map((e) => e.id)));
      for (const e of stored) {
        expect(e.data.length, `execution ${e.id}: stored run data`).toBeGreaterThan(0);
        scanner.scan('n8n-db', `execution_data ${e.id} (${e.status})`, e.data);
        scanner.scan('n8n-db', `execution_data ${e.id}: the workflow it ran`, e.workflowData, configured);
      }
      const storedCredentials = run.storedCredentials();
      expect(storedCredentials).toHaveLength(Object.keys(credentials).length);
      for (const c of storedCredentials) scanner.scan('n8n-db', `credentials_entity: ${c.name}`, c.data);

      // n8n's own logs at debug level, which name every execution they ran.
      const consoleText = run.consoleOutput();
      const logFile = run.logFileText();
      scanner.scan('n8n-log', 'console (stdout, stderr)', consoleText);
      scanner.scan('n8n-log', 'log file', logFile);
      expect(consoleText, 'n8n logs at debug level').toMatch(/\bdebug\b/);
      for (const e of executions) expect(logFile, `the log file names execution ${e.id}`).toContain(`"executionId":"${e.id}"`);
      n8nFigures = { executions: executions.length, storedExecutions: stored.length, logBytes: Buffer.byteLength(consoleText) + Buffer.byteLength(logFile) };
    } catch (error) {
      console.error(`--- n8n output (tail) of ${run.n8n.userFolder}:\n${run.n8n.tail(120)}`);
      throw error;
    } finally {
      await run.dispose();
    }
    expect(unknownHits()).toEqual([]);
  }, 10 * 60_000);

  it('every output, scanned again with every PBX token the sandbox issued during the whole run', () => {
    expect(sandbox.pbxTokens.length).toBeGreaterThan(0);
    expect(scanner.recheck().filter((h) => !isKnown(h))).toEqual([]);
    expect(Object.keys(scanner.summary()).sort()).toEqual(['cli', 'mcp-http', 'mcp-stdio', 'mcp-stdio-dry-run', 'n8n-api', 'n8n-db', 'n8n-http', 'n8n-log']);
  });

  it('the Alibaba STS token is redacted in every form, dry-run previews and vendor messages included', () => {
    expect(scanner.recheck()).toEqual([]);
  });
});
