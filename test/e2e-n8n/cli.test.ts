/**
 * The packed community package in a real, pinned n8n, headless: `npm i` of the tarball into a
 * fresh user folder, `n8n import:credentials` / `import:workflow`, `n8n execute --id` of
 * workflows that call the sandbox, and an AI Agent (scripted fake OpenAI server) that uses
 * Alibaba Cloud Voice as a tool. Everything on 127.0.0.1, started and stopped here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { callToolOnce, startFakeOpenAi, toolResults, type FakeOpenAi } from './fake-openai.js';
import { N8n, nodeItems, packedTarball, workflow, type ExecutionJson } from './harness.js';
import {
  agentToolWorkflow,
  credentialData,
  CREDENTIAL_ID,
  CREDENTIAL_NAME,
  CREDENTIAL_TYPE,
  manualTrigger,
  NEUTRAL_STATUS,
  NODE,
  sandboxCalls,
  sandboxCredentials,
  startRecordingProxy,
  uses,
  type RecordingProxy,
} from './support.js';

const MINUTE = 60_000;

let sandbox: RunningSandbox;
let n8n: N8n;
let openAi: FakeOpenAi;
let proxy: RecordingProxy;
const VOLC_PROXY = { id: 'cbVolcProxied001', name: 'Volcengine (sandbox, recorded)' };

/** A node's single output item, with the execution's JSON in the message when it is not there. */
function onlyItem(execution: ExecutionJson | undefined, node: string): Record<string, unknown> {
  expect(execution, 'n8n execute printed no run JSON').toBeDefined();
  const items = nodeItems(execution as ExecutionJson, node);
  expect(items, `${node} output: ${JSON.stringify(items).slice(0, 2000)}`).toHaveLength(1);
  return items[0];
}

describe('n8n CLI: install, import, execute against the sandbox', () => {
  beforeAll(async () => {
    // Sandbox time runs 60x faster, so calls (up to ~75 s of sandbox time) end within ~1.5 s.
    sandbox = await startSandbox({ speed: 60, seed: 'e2e-n8n-cli' });
    openAi = await startFakeOpenAi(callToolOnce({ CalledNumber: '13900000042' }));
    proxy = await startRecordingProxy(sandbox.url);
    n8n = new N8n('cli');
    await n8n.installPackage(packedTarball());
    await n8n.importCredentials([
      ...sandboxCredentials(sandbox.url),
      { ...VOLC_PROXY, type: CREDENTIAL_TYPE.volcengine, data: { ...credentialData(sandbox.url).volcengine, endpoint: `${proxy.url}/volcengine/` } },
      { id: CREDENTIAL_ID.openAi, name: CREDENTIAL_NAME.openAi, type: 'openAiApi', data: { apiKey: 'sk-callbridge-fake', url: openAi.url } },
    ]);
  }, 10 * MINUTE);

  afterAll(async () => {
    await n8n?.dispose();
    await openAi?.close();
    await proxy?.close();
    await sandbox?.close();
  });

  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => console.error(`--- n8n output (tail) of ${n8n?.userFolder}:\n${n8n?.tail(120)}`));
  });

  it('places a dyvms TTS call and waits for its vendor-neutral result', async () => {
    const wf = workflow('cbE2eTtsWait0001', 'e2e: TTS call and wait', [
      manualTrigger(),
      {
        name: 'Call',
        type: NODE.alibabaVoice,
        typeVersion: 1,
        credentials: uses('alibaba'),
        parameters: {
          resource: 'call',
          operation: 'SingleCallByTts',
          CalledNumber: '13800000001',
          TtsCode: 'TTS_100001',
          waitForResult: true,
          waitTimeout: 60,
          pollInterval: 1,
          additionalFields: { TtsParam: '{"code":"123456"}', OutId: 'e2e-tts-1' },
        },
      },
    ]);
    await n8n.importWorkflow(wf);
    const { execution } = await n8n.execute(wf.id);
    const out = onlyItem(execution, 'Call');

    const calls = await sandboxCalls(sandbox.url);
    expect(calls, `sandbox calls: ${JSON.stringify(calls)}`).toHaveLength(1);
    const [call] = calls;
    expect(call).toMatchObject({ vendor: 'dyvms', operation: 'dyvms.SingleCallByTts', number: '13800000001', outId: 'e2e-tts-1' });
    expect(out.CallId).toBe(call.id);
    expect(out.callId).toBe(call.id);
    const result = out.result as Record<string, unknown>;
    expect(result, JSON.stringify(out)).toMatchObject({ provider: 'dyvms', final: true, status: NEUTRAL_STATUS[call.status] });
    expect(out.wait).toMatchObject({ final: true, timedOut: false });
    if (call.status === 'completed') expect(result.durationSeconds).toBe(call.durationSeconds);
    expect(out.raw, 'the raw vendor record is returned next to the result').toBeTruthy();
  }, 5 * MINUTE);

  it('creates a robot task, uploads callees, starts it and lists its calls', async () => {
    const callees = ['13700000001', '13700000002', '13700000003'];
    const step = (name: string, operation: string, parameters: Record<string, unknown>) => ({
      name,
      type: NODE.alibabaVoice,
      typeVersion: 1,
      credentials: uses('alibaba'),
      parameters: { resource: 'robotTask', operation, ...parameters },
    });
    const wf = workflow('cbE2eRobotTask01', 'e2e: robot task', [
      manualTrigger(),
      step('Create Task', 'CreateRobotTask', { TaskName: 'e2e robot task', DialogId: '1000000000001', Caller: '057100000001', RetryType: 0, additionalFields: { CorpName: 'Callbridge Test' } }),
      step('Upload Callees', 'UploadRobotTaskCalledFile', { Id: '={{ $json.Data }}', CalledNumber: callees.join(',') }),
      step('Start Task', 'StartRobotTask', { TaskId: "={{ $('Create Task').item.json.Data }}" }),
      // Sandbox time runs 60x: 4 real seconds are 4 sandbox minutes, longer than any call.
      { name: 'Wait', type: 'n8n-nodes-base.wait', typeVersion: 1.1, webhookId: '4b1d6a4e-61f4-4c55-9a3e-5d0f3c2a7e01', parameters: { amount: 4, unit: 'seconds' } },
      step('List Calls', 'QueryRobotTaskCallList', { TaskId: "={{ $('Create Task').item.json.Data }}", returnAll: true }),
    ]);
    await n8n.importWorkflow(wf);
    const { execution } = await n8n.execute(wf.id);

    const taskId = String(onlyItem(execution, 'Create Task').Data);
    expect(taskId).toMatch(/^\d+$/);
    expect(onlyItem(execution, 'Upload Callees')).toMatchObject({ Code: 'OK' });
    expect(onlyItem(execution, 'Start Task')).toMatchObject({ Code: 'OK' });
    const listed = nodeItems(execution as ExecutionJson, 'List Calls');
    const placed = await sandboxCalls(sandbox.url, { taskId });
    expect(placed.map((c) => c.number).sort(), `sandbox calls of task ${taskId}`).toEqual(callees);
    expect(listed, `List Calls output: ${JSON.stringify(listed).slice(0, 2000)}`).toHaveLength(callees.length);
    expect(listed.map((r) => String(r.called)).sort()).toEqual(callees);
    expect(listed.map((r) => String(r.callId)).sort()).toEqual(placed.map((c) => c.id).sort());
  }, 5 * MINUTE);

  it('Volcengine one-off call from a List item with only its required fields: nothing else is sent, and Wait for Result follows it', async () => {
    const item = { SingleOpenId: 'e2e-volc-min-1', Phone: '13500000002', Type: 1, Resource: 'sandbox-tts-001', NumberPoolNo: 'NP162212345678900001' };
    const wf = workflow('cbE2eVolcSingle1', 'e2e: Volcengine one-off call, required fields only', [
      manualTrigger(),
      {
        name: 'Call',
        type: NODE.volcengineVoice,
        typeVersion: 1,
        credentials: { [CREDENTIAL_TYPE.volcengine]: VOLC_PROXY },
        parameters: { resource: 'singleCall', operation: 'SingleBatchAppend', List: { values: [item] }, waitForResult: true, waitTimeout: 60, pollInterval: 1 },
      },
    ]);
    await n8n.importWorkflow(wf);
    const { execution, result } = await n8n.execute(wf.id, { allowFailure: true });
    const error = execution?.data.resultData.error;
    expect(error, `the node failed: ${error?.message ?? ''} ${error?.description ?? ''}\n${result.stderr.slice(-1500)}`).toBeUndefined();

    // n8n fills every unset field of a fixed-collection item with its default; none may reach the vendor.
    const sent = proxy.requests.filter((r) => r.path.includes('Action=SingleBatchAppend'));
    expect(sent, 'one SingleBatchAppend request').toHaveLength(1);
    const list = (JSON.parse(sent[0].body) as { List: Record<string, unknown>[] }).List;
    expect(list, `sent: ${sent[0].body}`).toEqual([item]);

    const out = onlyItem(execution, 'Call');
    const [call] = await sandboxCalls(sandbox.url, { vendor: 'volcengine', number: item.Phone });
    expect(call, 'the sandbox placed the call').toBeDefined();
    expect(out.result, JSON.stringify(out)).toMatchObject({ provider: 'volcengine', final: true, status: NEUTRAL_STATUS[call.status] });
    expect(proxy.requests.some((r) => r.path.includes('Action=QuerySingleInfo')), 'Wait for Result polled QuerySingleInfo').toBe(true);
  }, 5 * MINUTE);

  it('an AI Agent calls Alibaba Cloud Voice as a tool (fake OpenAI-compatible model)', async () => {
    const before = (await sandboxCalls(sandbox.url)).length;
    const wf = agentToolWorkflow('cbE2eAgentTool01', 'e2e: AI agent uses callbridge as a tool', 'Call 13900000042 with template TTS_100001.', uses('alibaba'), { OutId: 'e2e-agent-1' });
    await n8n.importWorkflow(wf);
    const { execution } = await n8n.execute(wf.id);

    // The model saw our tool, called it, and got its result back.
    expect(openAi.requests.length, JSON.stringify(openAi.requests).slice(0, 3000)).toBeGreaterThanOrEqual(2);
    const offered = openAi.requests[0].tools?.map((t) => t.function.name) ?? [];
    expect(offered.length, `tools offered: ${offered.join(', ')}`).toBe(1);
    expect(openAi.authorizations).toContain('Bearer sk-callbridge-fake');
    const results = toolResults(openAi.requests[openAi.requests.length - 1]).join('\n');

    // The sandbox saw exactly one new call, to the number the model chose.
    const calls = (await sandboxCalls(sandbox.url)).slice(before);
    expect(calls, JSON.stringify(calls)).toHaveLength(1);
    expect(calls[0]).toMatchObject({ vendor: 'dyvms', operation: 'dyvms.SingleCallByTts', number: '13900000042', outId: 'e2e-agent-1' });
    expect(results, 'the tool result sent back to the model names the CallId').toContain(calls[0].id);
    expect(String(onlyItem(execution, 'Agent').output)).toContain(calls[0].id);
  }, 5 * MINUTE);
});
