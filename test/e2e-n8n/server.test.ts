/**
 * The packed community package under `n8n start` (real, pinned n8n on 127.0.0.1): every
 * credential's test through /rest/credentials/test (right and wrong secret), and a published
 * Call Receipt Trigger workflow that receives the receipts the sandbox pushes, one item per event.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { callbridgeClient } from '../sandbox/helpers.js';
import { N8n, packedTarball, waitFor, workflow, type ExecutionJson } from './harness.js';
import { volcengineAuthCode } from '../../nodes/shared/receipt-auth.js';
import { credentialData, CREDENTIAL_TYPE, NEUTRAL_STATUS, NODE, sandboxCalls, sandboxConfig } from './support.js';

const MINUTE = 60_000;
const TOKEN = 'e2e-receipt-token-7f3a';
const ALIBABA_HOOK_ID = '7d3c1f0e-5b8a-4c3e-9f61-2a4b6c8d0e11';
const ALIBABA_WORKFLOW = 'cbE2eReceipts001';
const VOLC_HOOK_ID = '0c9e2b7a-3f41-4d8e-a5b6-7e8f9a0b1c22';
const VOLC_WORKFLOW = 'cbE2eReceipts002';
/** The sandbox Volcengine account's callback AuthToken (sandbox/volcengine/index.ts). */
const VOLC_AUTH_TOKEN = 'SandboxTok01';
/** A trigger published with no token set: authentication is on by default, so it accepts nothing. */
const UNSET_HOOK_ID = '5e1d9c3b-7a2f-4b6e-8d10-3c5e7f9a1b33';
const UNSET_WORKFLOW = 'cbE2eReceipts003';

let sandbox: RunningSandbox;
let n8n: N8n;

interface ApiExecution {
  id: string;
  status: string;
  finished: boolean;
  data?: ExecutionJson['data'];
}

/** Items the trigger emitted in each finished execution of a workflow (public API, with data). */
async function triggerItems(workflowId: string, node: string): Promise<{ executions: ApiExecution[]; items: Record<string, unknown>[] }> {
  const res = await n8n.api<{ data: ApiExecution[] }>('GET', `/api/v1/executions?workflowId=${workflowId}&includeData=true&limit=250`);
  if (res.status !== 200) throw new Error(`GET /api/v1/executions -> ${res.status} ${JSON.stringify(res.body)}`);
  const executions = res.body.data ?? [];
  const items = executions.flatMap((e) => (e.data?.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map((i) => i.json));
  return { executions, items };
}

/** Every credential field at its default (from n8n's own type list), then ours: /rest/credentials/test needs them all. */
async function fullCredentialData(type: string, data: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await n8n.rest<{ name: string; properties: { name: string; default: unknown }[] }[]>('GET', '/types/credentials.json');
  const types = res.body;
  if (!Array.isArray(types)) throw new Error(`GET /types/credentials.json -> ${res.status} ${JSON.stringify(types).slice(0, 300)}`);
  const found = types.find((t) => t.name === type);
  if (!found) throw new Error(`n8n does not know the credential type ${type}; known callbridge types: ${types.filter((t) => t.name.startsWith('callbridge')).map((t) => t.name).join(', ')}`);
  return { ...Object.fromEntries(found.properties.map((p) => [p.name, p.default])), ...data };
}

let saved = 0;

/**
 * Tests a credential as the editor does: save it (POST /rest/credentials), then test the saved one
 * with its full data. (An unsaved credential, id "", cannot be tested when its type has a
 * preAuthentication step such as the PBX login: n8n 2.41 then fails with "Found credential with no ID".)
 */
async function testCredential(type: string, data: Record<string, unknown>) {
  const full = await fullCredentialData(type, data);
  const name = `e2e ${type} ${++saved}`;
  const created = await n8n.rest<{ data?: { id?: string } }>('POST', '/rest/credentials', { name, type, data: full });
  const id = created.body.data?.id;
  expect(id, `POST /rest/credentials -> ${created.status} ${JSON.stringify(created.body)}`).toBeTruthy();
  const res = await n8n.rest<{ data?: { status: string; message: string } }>('POST', '/rest/credentials/test', { credentials: { id, name, type, data: full } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.data, JSON.stringify(res.body)).toBeDefined();
  return res.body.data as { status: string; message: string };
}

describe('n8n start: credential tests and the Call Receipt Trigger', () => {
  beforeAll(async () => {
    // 60x sandbox time: calls end within ~1.5 s, Alibaba's re-push after 1 minute comes after 1 s.
    sandbox = await startSandbox({ speed: 60, seed: 'e2e-n8n-server' });
    n8n = new N8n('server');
    await n8n.installPackage(packedTarball());
    const receipts = workflow(ALIBABA_WORKFLOW, 'e2e: Alibaba receipts', [
      {
        name: 'Receipts',
        type: NODE.receiptTrigger,
        typeVersion: 1,
        webhookId: ALIBABA_HOOK_ID,
        parameters: { vendor: 'alibaba', secretToken: TOKEN, tokenLocation: 'query', options: {} },
      },
    ]);
    const volcReceipts = workflow(VOLC_WORKFLOW, 'e2e: Volcengine receipts', [
      {
        name: 'Receipts',
        type: NODE.receiptTrigger,
        typeVersion: 1,
        webhookId: VOLC_HOOK_ID,
        parameters: { vendor: 'volcengine', options: { volcengineAuthToken: VOLC_AUTH_TOKEN } },
      },
    ]);
    const unset = workflow(UNSET_WORKFLOW, 'e2e: receipts, no token set', [
      { name: 'Receipts', type: NODE.receiptTrigger, typeVersion: 1, webhookId: UNSET_HOOK_ID, parameters: { vendor: 'alibaba', options: {} } },
    ]);
    for (const wf of [receipts, volcReceipts, unset]) {
      await n8n.importWorkflow(wf);
      await n8n.publishWorkflow(wf.id);
    }
    await n8n.start();
    await n8n.setupOwner();
  }, 10 * MINUTE);

  afterAll(async () => {
    await n8n?.dispose();
    await sandbox?.close();
  });

  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => console.error(`--- n8n output (tail) of ${n8n?.userFolder}:\n${n8n?.tail(120)}`));
  });

  describe('credential tests through /rest/credentials/test', () => {
    const right = () => credentialData(sandbox.url);
    const wrong = () => credentialData(sandbox.url, true);

    it('Alibaba Cloud API: OK with the right secret, a clear error with a wrong one', async () => {
      expect(await testCredential(CREDENTIAL_TYPE.alibaba, right().alibaba)).toMatchObject({ status: 'OK' });
      // Test With: Outbound Bot, for a RAM user allowed only that product.
      expect(await testCredential(CREDENTIAL_TYPE.alibaba, { ...right().alibaba, testProduct: 'outboundbot' })).toMatchObject({ status: 'OK' });
      const failedOnBot = await testCredential(CREDENTIAL_TYPE.alibaba, { ...wrong().alibaba, testProduct: 'outboundbot' });
      expect(failedOnBot.status).toBe('Error');
      expect(failedOnBot.message).toMatch(/secret|signature/i);
      const failed = await testCredential(CREDENTIAL_TYPE.alibaba, wrong().alibaba);
      expect(failed.status).toBe('Error');
      expect(failed.message).toMatch(/secret|signature/i);
      expect(failed.message).not.toContain(wrong().alibaba.accessKeySecret);
    });

    it('Volcengine API: OK with the right secret, a clear error with a wrong one', async () => {
      expect(await testCredential(CREDENTIAL_TYPE.volcengine, right().volcengine)).toMatchObject({ status: 'OK' });
      const failed = await testCredential(CREDENTIAL_TYPE.volcengine, wrong().volcengine);
      expect(failed.status).toBe('Error');
      expect(failed.message).toMatch(/secret|signature/i);
      expect(failed.message).not.toContain(wrong().volcengine.secretAccessKey);
    });

    it('PBX API: OK with the right password, a clear error with a wrong one', async () => {
      expect(await testCredential(CREDENTIAL_TYPE.pbx, right().pbx)).toMatchObject({ status: 'OK' });
      const failed = await testCredential(CREDENTIAL_TYPE.pbx, wrong().pbx);
      expect(failed.status).toBe('Error');
      expect(failed.message).toMatch(/password|login|user/i);
      expect(failed.message).not.toContain(wrong().pbx.password);
    });
  });

  describe('Call Receipt Trigger (Alibaba VMS HTTP batch push)', () => {
    const hook = () => `${n8n.url}/webhook/${ALIBABA_HOOK_ID}/receipt`;

    it('a trigger with no token set refuses every push (authentication is on by default)', async () => {
      const res = await fetch(`${n8n.url}/webhook/${UNSET_HOOK_ID}/receipt`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
      expect(res.status).toBe(403);
      expect((await triggerItems(UNSET_WORKFLOW, 'Receipts')).executions).toHaveLength(0);
    });

    it('refuses a push without the secret token', async () => {
      const res = await fetch(hook(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
      expect(res.status).toBe(401);
      const { executions } = await triggerItems(ALIBABA_WORKFLOW, 'Receipts');
      expect(executions).toHaveLength(0);
    });

    it('runs the workflow for each sandbox push, one item per receipt, and drops a repeated delivery', async () => {
      await sandboxConfig(sandbox.url, { receiptUrls: { VoiceReport: `${hook()}?token=${TOKEN}` } });
      const numbers = ['13600000001', '13600000002', '13600000003'];
      const { client, close } = callbridgeClient(sandbox.env);
      const callIds: string[] = [];
      try {
        for (const [i, CalledNumber] of numbers.entries()) {
          const answer = (await client.invoke('dyvms.SingleCallByTts', { CalledNumber, TtsCode: 'TTS_100001', OutId: `e2e-receipt-${i}` })) as { CallId: string };
          callIds.push(answer.CallId);
        }
      } finally {
        await close();
      }

      // The sandbox pushes one VoiceReport per call once it has ended (batched per tick).
      const { executions, items } = await waitFor(
        'an execution with one item per pushed receipt',
        async () => {
          const got = await triggerItems(ALIBABA_WORKFLOW, 'Receipts');
          return got.items.length >= numbers.length && got.executions.every((e) => e.finished) ? got : undefined;
        },
        60_000,
      );
      // A push n8n answered too late for the sandbox (700 ms, like Alibaba) is pushed again; the
      // trigger drops the repeat, so each receipt still gives exactly one item.
      const pushes = ((await (await fetch(`${sandbox.url}/_sandbox/pushes`)).json()) as { attempts: { kind?: string; ok: boolean }[] }).attempts;
      expect(pushes.some((a) => a.kind === 'VoiceReport' && a.ok), `push attempts: ${JSON.stringify(pushes)}`).toBe(true);
      expect(executions.map((e) => e.status)).toEqual(executions.map(() => 'success'));
      expect(executions.length, `push attempts: ${JSON.stringify(pushes)}`).toBeLessThanOrEqual(pushes.filter((a) => a.kind === 'VoiceReport').length);
      expect(items, JSON.stringify(items).slice(0, 3000)).toHaveLength(numbers.length);

      const calls = await sandboxCalls(sandbox.url, { vendor: 'dyvms' });
      for (const call of calls) {
        const mine = items.filter((item) => item.callId === call.id);
        expect(mine, `items for call ${call.id}`).toHaveLength(1);
        expect(mine[0]).toMatchObject({ vendor: 'alibaba', eventType: 'VoiceReport', provider: 'dyvms', final: true, status: NEUTRAL_STATUS[call.status], callee: call.number, outId: call.outId });
        expect((mine[0].raw as Record<string, unknown>).call_id).toBe(call.id);
      }
      expect(calls.map((c) => c.id).sort()).toEqual([...callIds].sort());

      /** A receipt of a call not seen before (Alibaba's format, from the first one). */
      const receipt = (callId: string, outId: string) => ({ ...(items[0].raw as Record<string, unknown>), call_id: callId, out_id: outId });
      /**
       * Posts a fresh receipt after `what` and waits until its item is out and every execution has finished.
       * n8n answered `what` first, so any execution it started already exists and has finished by then.
       */
      const afterMarker = async (what: string, n: number) => {
        const marker = receipt(`8${String(n).padStart(8, '0')}^1`, `marker-${n}`);
        const res = await fetch(`${hook()}?token=${TOKEN}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([marker]) });
        expect(res.status).toBe(200);
        return waitFor(
          `the receipt posted after ${what}`,
          async () => {
            const got = await triggerItems(ALIBABA_WORKFLOW, 'Receipts');
            return got.items.some((item) => item.callId === marker.call_id) && got.executions.every((e) => e.finished) ? got.items : undefined;
          },
          60_000,
        );
      };

      // Alibaba re-pushes a message after a timeout: the same message again gives the vendor's answer and no new item.
      const again = await fetch(`${hook()}?token=${TOKEN}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json;charset=utf-8' },
        body: JSON.stringify([items[0].raw]),
      });
      expect(again.status).toBe(200);
      expect(((await again.json()) as { code?: unknown }).code).toBe(0);
      expect(await afterMarker('the repeated delivery', 1), 'a repeated delivery adds no item (the marker adds one)').toHaveLength(numbers.length + 1);

      // Replayed after 1200 other receipts, the first one is still known: no new item.
      const others = Array.from({ length: 1200 }, (_, i) => receipt(`9${String(i).padStart(8, '0')}^1`, `other-${i}`));
      const many = await fetch(`${hook()}?token=${TOKEN}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(others) });
      expect(many.status).toBe(200);
      await waitFor('the 1200 other receipts as items', async () => ((await triggerItems(ALIBABA_WORKFLOW, 'Receipts')).items.length >= numbers.length + 1 + others.length ? true : undefined), 60_000);
      const replay = await fetch(`${hook()}?token=${TOKEN}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([items[0].raw]) });
      expect(replay.status).toBe(200);
      expect(await afterMarker('the replay', 2), 'the replay adds no item (the marker adds one)').toHaveLength(numbers.length + 1 + others.length + 1);
    }, 3 * MINUTE);
  });

  describe('Call Receipt Trigger (Volcengine call-record push, authCode checked)', () => {
    const hook = () => `${n8n.url}/webhook/${VOLC_HOOK_ID}/receipt`;

    it('receives the call record the sandbox pushes for a one-off call, one item', async () => {
      await sandboxConfig(sandbox.url, { receiptUrls: { VolcengineCallRecord: hook() } });
      const { client, close } = callbridgeClient(sandbox.env);
      try {
        await client.invoke('volcengine.SingleBatchAppend', {
          List: [{ SingleOpenId: 'e2e-volc-1', Phone: '13500000001', Type: 1, Resource: 'sandbox-tts-001', NumberPoolNo: 'NP162212345678900001', PhoneParam: { code: '1234' }, Ext: 'e2e-volc-ext' }],
        });
      } finally {
        await close();
      }
      const { executions, items } = await waitFor(
        'an execution of the Volcengine receipt workflow',
        async () => {
          const got = await triggerItems(VOLC_WORKFLOW, 'Receipts');
          return got.items.length >= 1 && got.executions.every((e) => e.finished) ? got : undefined;
        },
        60_000,
      );
      expect(executions.map((e) => e.status)).toEqual(['success']);
      expect(items, JSON.stringify(items).slice(0, 3000)).toHaveLength(1);
      const [call] = await sandboxCalls(sandbox.url, { vendor: 'volcengine' });
      expect(call, 'the sandbox placed the one-off call').toBeDefined();
      expect(items[0]).toMatchObject({ vendor: 'volcengine', eventType: 'CallRecord', provider: 'volcengine', final: true, status: NEUTRAL_STATUS[call.status] });
      expect((items[0].raw as Record<string, unknown>).callee ?? (items[0].raw as Record<string, unknown>).Callee).toBe('13500000001');
    }, 3 * MINUTE);

    it('refuses a push signed in 2001, though its authCode matches', async () => {
      const body = JSON.stringify({ callId: 'replayed-2001', callee: '13500000008', callResult: 1 });
      const timestamp = String(Math.floor(Date.UTC(2001, 8, 9) / 1000));
      const res = await fetch(`${hook()}?timestamp=${timestamp}&authCode=${volcengineAuthCode(timestamp, body, VOLC_AUTH_TOKEN)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(401);
    });

    it('refuses a push whose authCode does not match the callback AuthToken', async () => {
      const body = JSON.stringify({ callId: 'forged', callee: '13500000009', callResult: 1 });
      const res = await fetch(`${hook()}?timestamp=${Math.floor(Date.now() / 1000)}&authCode=${'0'.repeat(64)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(401);
    });
  });
});
