/**
 * The call policy and the never-dial-twice rule in a real n8n (the packed package, `n8n execute`),
 * judged by the calls the sandbox recorded: Retry On Fail after a lost answer places one call; a node
 * dialling an emergency number or a denied number in another written form places none; an AI Agent
 * using the node as a tool (scripted fake OpenAI model) is refused the same.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALLING_NUMBER, DEFAULT_INSTANCE_ID, DEFAULT_SCRIPT_ID } from '../../sandbox/outboundbot/state.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { callbridgeClient } from '../sandbox/helpers.js';
import { startFakeOpenAi, toolResults, type ChatRequest, type FakeOpenAi, type ScriptedReply } from './fake-openai.js';
import { N8n, packedTarball, workflow, type WorkflowNode } from './harness.js';
import { agentToolWorkflow, credentialData, CREDENTIAL_ID, CREDENTIAL_NAME, CREDENTIAL_TYPE, manualTrigger, NODE, sandboxCalls, sandboxCredentials, uses } from './support.js';

const MINUTE = 60_000;
const DENIED = '+8613800000444';
const POLICY_CREDENTIAL = { id: 'cbAlibabaPolicy1', name: 'Alibaba Cloud (sandbox, denied numbers)' };

let sandbox: RunningSandbox;
let n8n: N8n;
let openAi: FakeOpenAi;

/**
 * The numbers the scripted model asks the tool to call, one tool call each, then a final answer: an
 * emergency number, a denied number in another form, then two allowed numbers (each tool call is its own
 * attempt: the second is not mistaken for a retry of the first).
 */
const MODEL_DIALS = ['0086110', '008613800000444', '13800000455', '13800000456'];

function modelScript(request: ChatRequest): ScriptedReply {
  const number = MODEL_DIALS[toolResults(request).length];
  const name = request.tools?.[0]?.function.name;
  return number && name ? { toolCall: { name, arguments: { CalledNumber: number } } } : { content: 'done' };
}

async function setFaults(spec: string): Promise<void> {
  const res = await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ spec }) });
  expect(res.status, await res.text()).toBe(200);
}

function ttsNode(name: string, CalledNumber: string, credential: WorkflowNode['credentials'], extra: Partial<WorkflowNode> = {}): WorkflowNode {
  return {
    name,
    type: NODE.alibabaVoice,
    typeVersion: 1,
    credentials: credential,
    parameters: { resource: 'call', operation: 'SingleCallByTts', CalledNumber, TtsCode: 'TTS_100001', additionalFields: {} },
    ...extra,
  };
}

describe('n8n: call policy and Retry On Fail against the sandbox', () => {
  beforeAll(async () => {
    sandbox = await startSandbox({ speed: 60, seed: 'e2e-n8n-policy' });
    openAi = await startFakeOpenAi(modelScript);
    n8n = new N8n('policy');
    await n8n.installPackage(packedTarball());
    await n8n.importCredentials([
      ...sandboxCredentials(sandbox.url),
      { ...POLICY_CREDENTIAL, type: CREDENTIAL_TYPE.alibaba, data: { ...credentialData(sandbox.url).alibaba, deniedNumbers: DENIED } },
      { id: CREDENTIAL_ID.openAi, name: CREDENTIAL_NAME.openAi, type: 'openAiApi', data: { apiKey: 'sk-callbridge-fake', url: openAi.url } },
    ]);
  }, 10 * MINUTE);

  afterAll(async () => {
    await n8n?.dispose();
    await openAi?.close();
    await sandbox?.close();
  });

  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => console.error(`--- n8n output (tail) of ${n8n?.userFolder}:\n${n8n?.tail(120)}`));
  });

  afterEach(async () => {
    await setFaults('');
  });

  it('Retry On Fail with a lost answer places exactly one call; the retries refuse naming the Out ID', async () => {
    await setFaults('dyvms.SingleCallByTts:reset-after-processing=1');
    const wf = workflow('cbE2eRetryOnce01', 'e2e: Retry On Fail never re-dials', [
      manualTrigger(),
      ttsNode('Call', '13800000401', uses('alibaba'), { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 }),
    ]);
    await n8n.importWorkflow(wf);
    const { execution, result } = await n8n.execute(wf.id, { allowFailure: true });

    const calls = await sandboxCalls(sandbox.url, { number: '13800000401' });
    expect(calls, `sandbox calls: ${JSON.stringify(calls)}`).toHaveLength(1);
    const runs = execution?.data.resultData.runData.Call ?? [];
    const error = JSON.stringify(runs.map((r) => r.error ?? null)) + JSON.stringify(execution?.data.resultData.error ?? null) + result.stdout.slice(-3000);
    expect(error, 'the last try refused to send again').toContain('Not sent again');
    expect(calls[0].outId, 'the Out ID was derived from the execution, node and item').toMatch(/^n8n[0-9a-f]{12}$/);
    expect(error).toContain(calls[0].outId);
  }, 5 * MINUTE);

  it('Retry On Fail on a campaign after a lost answer adds each callee once; the retries refuse naming the job group', async () => {
    const { client, close } = callbridgeClient(sandbox.env);
    const group = async () => {
      const made = (await client.invoke('outboundbot.CreateJobGroup', { InstanceId: DEFAULT_INSTANCE_ID, JobGroupName: 'e2e retry', ScriptId: DEFAULT_SCRIPT_ID, CallingNumber: [DEFAULT_CALLING_NUMBER] })) as { JobGroup?: { JobGroupId?: string } };
      return made.JobGroup?.JobGroupId ?? '';
    };
    try {
      const jobGroupId = await group();
      expect(jobGroupId).not.toBe('');
      await setFaults('outboundbot.AssignJobs:reset-after-processing=1');
      const rl = (value: string) => ({ __rl: true, mode: 'id', value });
      const wf = workflow('cbE2eRetryCamp01', 'e2e: Retry On Fail never re-adds callees', [
        manualTrigger(),
        {
          name: 'Add',
          type: NODE.outboundBot,
          typeVersion: 1,
          credentials: uses('alibaba'),
          parameters: { resource: 'campaign', operation: 'addCallees', InstanceId: rl(DEFAULT_INSTANCE_ID), JobGroupId: rl(jobGroupId), calleeSource: 'list', callees: { values: [{ phoneNumber: '13800000471' }, { phoneNumber: '13800000472' }] } },
          retryOnFail: true,
          maxTries: 3,
          waitBetweenTries: 0,
        },
      ]);
      await n8n.importWorkflow(wf);
      const { execution, result } = await n8n.execute(wf.id, { allowFailure: true });
      const faults = (await (await fetch(`${sandbox.url}/_sandbox/faults`)).json()) as { injected: Record<string, unknown> };
      expect(faults.injected['outboundbot.AssignJobs'], 'AssignJobs reached the sandbox once, and its answer was lost').toEqual({ 'reset-after-processing': 1 });
      const error = JSON.stringify(execution?.data.resultData.error ?? null) + result.stdout.slice(-3000);
      expect(error, 'the last try refused to send again').toContain('Not sent again');
      expect(error).toContain(`job group ${jobGroupId}`);
      // The job group as the sandbox holds it: each callee once, each with a Reference ID derived from the run.
      const described = (await client.invoke('outboundbot.ListJobsByGroup', { InstanceId: DEFAULT_INSTANCE_ID, JobGroupId: jobGroupId, PageNumber: 1, PageSize: 50 })) as { Jobs?: { List?: Array<{ Contacts?: Array<{ PhoneNumber?: string; ReferenceId?: string }> }> } };
      const contacts = (described.Jobs?.List ?? []).flatMap((job) => job.Contacts ?? []);
      expect(contacts.map((c) => c.PhoneNumber).sort()).toEqual(['13800000471', '13800000472']);
      for (const c of contacts) expect(c.ReferenceId).toMatch(/^n8n[0-9a-f]{12}$/);
    } finally {
      await close();
    }
  }, 5 * MINUTE);

  it('a node dialling an emergency number or a denied number in another written form places no call', async () => {
    const before = (await sandboxCalls(sandbox.url)).length;
    for (const [id, number, credential] of [
      ['cbE2eEmergency01', '0086110', uses('alibaba')],
      ['cbE2eDenied00001', '008613800000444', { [CREDENTIAL_TYPE.alibaba]: POLICY_CREDENTIAL }],
      ['cbE2eDenied00002', '13800000444', { [CREDENTIAL_TYPE.alibaba]: POLICY_CREDENTIAL }],
    ] as const) {
      const wf = workflow(id, `e2e: hostile ${number}`, [manualTrigger(), ttsNode('Call', number, credential)]);
      await n8n.importWorkflow(wf);
      const { execution, result } = await n8n.execute(wf.id, { allowFailure: true });
      const error = JSON.stringify(execution?.data.resultData.error ?? null) + result.stdout.slice(-3000);
      expect(error, number).toMatch(number === '0086110' ? /emergency-numbers/ : /deny-numbers/);
    }
    expect(await sandboxCalls(sandbox.url), 'the sandbox recorded no call').toHaveLength(before);
  }, 5 * MINUTE);

  it('an AI Agent using the node as a tool is refused the emergency number and the denied number, and may call allowed ones', async () => {
    const before = (await sandboxCalls(sandbox.url)).length;
    const wf = agentToolWorkflow('cbE2eAgentGuard1', 'e2e: AI agent tool under the call policy', 'Call these numbers.', { [CREDENTIAL_TYPE.alibaba]: POLICY_CREDENTIAL });
    await n8n.importWorkflow(wf);
    const { execution, result } = await n8n.execute(wf.id, { allowFailure: true });

    // The model asked for both calls; each refusal came back to it as the tool's result, and it finished.
    const results = openAi.requests.flatMap((r) => toolResults(r)).join('\n');
    expect(openAi.requests.length, `${results}\n${JSON.stringify(execution?.data.resultData.error ?? null)}\n${result.stdout.slice(-2000)}`).toBe(MODEL_DIALS.length + 1);
    expect(results).toContain('emergency-numbers');
    expect(results).toContain('deny-numbers');
    const placed = (await sandboxCalls(sandbox.url)).slice(before);
    expect(placed.map((c) => c.number).sort(), 'only the two allowed numbers were called').toEqual(['13800000455', '13800000456']);
  }, 5 * MINUTE);
});
