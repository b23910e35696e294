/**
 * The example workflows in examples/n8n/ (docs/n8n.md's, one per back end) in a real n8n with the
 * packed package, set up the way docs/n8n.md tells a user: `callbridge sandbox --speed 60`,
 * credentials with the sandbox values under the names the examples use (n8n links imported
 * workflows to them by name), then import. Each example imports cleanly and uses only node types
 * that exist; each one started by hand runs against the sandbox (`n8n execute`), places a call
 * there and, when it waits, gets a final result; each trigger example is published under
 * `n8n start` and runs when the sandbox pushes a receipt to it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callbridgeClient } from '../sandbox/helpers.js';
import { N8n, nodeItems, PACKAGE_NAME, packedTarball, ROOT, tail, waitFor, type ExecutionJson, type Workflow } from './harness.js';
import { credentialData, CREDENTIAL_TYPE, NODE, sandboxCalls, sandboxConfig, startSandboxCli, type SandboxProcess } from './support.js';

const MINUTE = 60_000;
const DIR = join(ROOT, 'examples', 'n8n');
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')).sort() : [];
const examples = files.map((file) => ({ file, path: join(DIR, file), wf: JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Workflow }));

const isTrigger = (wf: Workflow) => wf.nodes.some((n) => n.type === NODE.receiptTrigger);
const manual = examples.filter((e) => e.wf.nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger') && !isTrigger(e.wf));
const triggered = examples.filter((e) => isTrigger(e.wf));

let sandbox: SandboxProcess;
let n8n: N8n;

/** Node type names the installed package provides (from its package.json `n8n.nodes` paths). */
function packageNodeTypes(): Set<string> {
  const names = (n8n.installedPackageJson().n8n?.nodes ?? []).map((p) => basename(p).replace(/\.node\.js$/, ''));
  const types = names.map((n) => `${PACKAGE_NAME}.${n.charAt(0).toLowerCase()}${n.slice(1)}`);
  return new Set([...types, ...types.map((t) => `${t}Tool`)]);
}

/**
 * The sandbox credentials the examples name, as a user makes them: the same name and type, but
 * their own IDs (n8n's import links the workflows' nodes to them by name and type).
 */
function credentialsFor(wfs: Workflow[]) {
  const data = credentialData(sandbox.url);
  const byType: Record<string, Record<string, unknown>> = {
    [CREDENTIAL_TYPE.alibaba]: data.alibaba,
    [CREDENTIAL_TYPE.volcengine]: data.volcengine,
    [CREDENTIAL_TYPE.pbx]: data.pbx,
  };
  const found = new Map<string, { id: string; name: string; type: string; data: Record<string, unknown> }>();
  for (const node of wfs.flatMap((wf) => wf.nodes)) {
    for (const [type, ref] of Object.entries(node.credentials ?? {})) {
      if (!byType[type]) throw new Error(`an example uses credential type ${type}, which this test cannot point at the sandbox`);
      const key = `${type}/${ref.name}`;
      if (!found.has(key)) found.set(key, { id: `cbUser${String(found.size + 1).padStart(10, '0')}`, name: ref.name, type, data: byType[type] });
    }
  }
  return [...found.values()];
}

describe('example workflows (examples/n8n)', () => {
  beforeAll(async () => {
    sandbox = await startSandboxCli(['--speed', '60', '--seed', 'e2e-n8n-examples']);
    n8n = new N8n('examples');
    await n8n.installPackage(packedTarball());
    const credentials = credentialsFor(examples.map((e) => e.wf));
    if (credentials.length) await n8n.importCredentials(credentials);
  }, 10 * MINUTE);

  afterAll(async () => {
    await n8n?.dispose();
    await sandbox?.close();
  });

  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => console.error(`--- n8n output (tail) of ${n8n?.userFolder}:\n${n8n?.tail(120)}`));
  });

  it('has one example per back end and one for the Call Receipt Trigger', () => {
    const used = new Set(examples.flatMap((e) => e.wf.nodes.map((n) => n.type)));
    for (const type of [NODE.alibabaVoice, NODE.outboundBot, NODE.volcengineVoice, NODE.pbx, NODE.receiptTrigger]) {
      expect(used.has(type), `no example in examples/n8n uses ${type} (files: ${files.join(', ') || 'none'})`).toBe(true);
    }
  });

  it('docs/n8n.md gives the sandbox values these credentials use, and the names the examples use', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'n8n.md'), 'utf8');
    const atDocsPort = (v: unknown) => String(v).replace(sandbox.url, 'http://127.0.0.1:8790');
    const data = credentialData(sandbox.url);
    const values = [
      data.alibaba.accessKeyId, data.alibaba.accessKeySecret, data.alibaba.endpoint,
      data.volcengine.accessKeyId, data.volcengine.secretAccessKey, data.volcengine.region, data.volcengine.endpoint,
      data.pbx.baseUrl, data.pbx.username, data.pbx.password, data.pbx.apiVersion,
    ].map(atDocsPort);
    for (const v of values) expect(docs, `docs/n8n.md should give \`${v}\``).toContain(`\`${v}\``);
    expect(docs, "docs/n8n.md starts the sandbox on the port its values name").toMatch(/callbridge sandbox[^\n]*--port 8790/);
    for (const c of credentialsFor(examples.map((e) => e.wf))) expect(docs, `docs/n8n.md should name the credential "${c.name}"`).toContain(`"${c.name}"`);
  });

  it('each imports cleanly, with a fixed id and only node types that exist', async () => {
    const ours = packageNodeTypes();
    for (const { file, wf } of examples) {
      expect(wf.id, `${file}: give the workflow a fixed id`).toMatch(/^[A-Za-z0-9]{16}$/);
      for (const node of wf.nodes) {
        if (node.type.startsWith(`${PACKAGE_NAME}.`)) expect(ours.has(node.type), `${file}: node "${node.name}" has type ${node.type}; the package has ${[...ours].join(', ')}`).toBe(true);
        else expect(node.type, `${file}: node "${node.name}"`).toMatch(/^(n8n-nodes-base|@n8n\/n8n-nodes-langchain)\./);
      }
    }
    // All files in one `n8n import:workflow --separate` (each n8n CLI start costs seconds); when that
    // fails, one file at a time, to name the one that does not import.
    const all = await n8n.cli(['import:workflow', '--separate', `--input=${DIR}`], { allowFailure: true });
    if (all.code !== 0) {
      for (const { file, path } of examples) {
        const one = await n8n.cli(['import:workflow', `--input=${path}`], { allowFailure: true });
        expect(one.code, `n8n import:workflow --input=examples/n8n/${file}:\n${tail(one.output)}`).toBe(0);
      }
    }
    expect(all.code, tail(all.output)).toBe(0);
    expect(all.output).toMatch(new RegExp(`Successfully imported ${examples.length} workflows?`));
    const listed = await n8n.cli(['list:workflow']);
    for (const { wf } of examples) expect(listed.stdout, 'n8n list:workflow').toContain(`${wf.id}|${wf.name}`);
  }, 6 * MINUTE);

  describe.each(manual)('$file', ({ file, wf }) => {
    it('runs against the sandbox and places a call there', async () => {
      const before = (await sandboxCalls(sandbox.url)).length;
      const { execution } = await n8n.execute(wf.id, { timeoutMs: 4 * MINUTE });
      const run = execution as ExecutionJson;
      expect(run.status, `${file}: ${JSON.stringify(run.data.resultData.error ?? {})}`).toBe('success');
      const ran = Object.keys(run.data.resultData.runData);
      expect(ran.sort(), `${file}: every node ran`).toEqual(wf.nodes.map((n) => n.name).sort());
      for (const node of wf.nodes.filter((n) => n.parameters.waitForResult === true)) {
        const out = nodeItems(run, node.name);
        expect(out.length, `${file}: "${node.name}" output`).toBeGreaterThanOrEqual(1);
        for (const item of out) expect(item, `${file}: "${node.name}" waits for a final result`).toMatchObject({ result: { final: true }, wait: { final: true } });
      }
      const calls = (await sandboxCalls(sandbox.url)).slice(before);
      expect(calls.length, `${file}: new sandbox calls ${JSON.stringify(calls)}`).toBeGreaterThanOrEqual(1);
    }, 5 * MINUTE);
  });

  describe.runIf(triggered.length > 0)('trigger examples under n8n start', () => {
    beforeAll(async () => {
      for (const { wf } of triggered) await n8n.publishWorkflow(wf.id);
      await n8n.start();
      await n8n.setupOwner();
    }, 5 * MINUTE);

    it.each(triggered)('$file runs when the sandbox pushes a receipt', async ({ file, wf }) => {
      const trigger = wf.nodes.find((n) => n.type === NODE.receiptTrigger);
      const params = trigger?.parameters as { vendor?: string; secretToken?: string; tokenLocation?: string };
      expect(trigger?.webhookId, `${file}: the trigger needs a fixed webhookId`).toBeTruthy();
      expect(params.vendor, `${file}: this test pushes Alibaba receipts`).toBe('alibaba');
      const suffix = !params.secretToken ? '' : params.tokenLocation === 'path' ? `/${params.secretToken}` : `?token=${params.secretToken}`;
      await sandboxConfig(sandbox.url, { receiptUrl: `${n8n.url}/webhook/${trigger?.webhookId}/receipt${suffix}` });

      // One TTS call placed while the receipt URL is set: the sandbox pushes its receipts when it ends.
      const { client, close } = callbridgeClient(sandbox.env);
      try {
        await client.invoke('dyvms.SingleCallByTts', { CalledNumber: '13800000077', TtsCode: 'TTS_100001', OutId: 'e2e-example-1' });
      } finally {
        await close();
      }
      const res = await waitFor(
        `an execution of ${wf.id}`,
        async () => {
          const r = await n8n.api<{ data: { status: string; finished: boolean; data?: ExecutionJson['data'] }[] }>('GET', `/api/v1/executions?workflowId=${wf.id}&includeData=true`);
          const list = r.body.data ?? [];
          return list.length && list.every((e) => e.finished) ? list : undefined;
        },
        60_000,
      );
      expect(res.map((e) => e.status)).toEqual(res.map(() => 'success'));
      const items = res.flatMap((e) => e.data?.resultData.runData[trigger!.name]?.[0]?.data?.main?.[0] ?? []);
      expect(items.length).toBeGreaterThanOrEqual(1);
    }, 5 * MINUTE);
  });
});
