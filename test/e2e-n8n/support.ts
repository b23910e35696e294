/**
 * What the n8n end-to-end files share: the sandbox, its control API, credentials that point at
 * it, and the names of the package's node and credential types.
 */
import type { PlacedCall } from '../../sandbox/types.js';
import { PACKAGE_NAME, workflow, type Workflow, type WorkflowNode } from './harness.js';
import { freshStateHome } from '../helpers/state-home.js';

/** Node type of one of the package's nodes in a workflow. */
export const nodeType = (name: string) => `${PACKAGE_NAME}.${name}`;

export const NODE = {
  alibabaVoice: nodeType('alibabaCloudVoice'),
  alibabaVoiceTool: nodeType('alibabaCloudVoiceTool'),
  outboundBot: nodeType('alibabaCloudOutboundBot'),
  volcengineVoice: nodeType('volcengineVoice'),
  pbx: nodeType('pbx'),
  receiptTrigger: nodeType('callReceiptTrigger'),
} as const;

export const CREDENTIAL_TYPE = {
  alibaba: 'callbridgeAlibabaCloudApi',
  volcengine: 'callbridgeVolcengineApi',
  pbx: 'callbridgePbxApi',
} as const;

/** Fixed credential IDs (n8n IDs are 16 alphanumerics) so workflows can name them. */
export const CREDENTIAL_ID = {
  alibaba: 'cbAlibabaSandbx1',
  volcengine: 'cbVolcSandbox001',
  pbx: 'cbPbxSandbox0001',
  openAi: 'cbFakeOpenAi0001',
} as const;

export const CREDENTIAL_NAME = {
  alibaba: 'Alibaba Cloud (sandbox)',
  volcengine: 'Volcengine (sandbox)',
  pbx: 'PBX (sandbox)',
  openAi: 'Fake OpenAI',
} as const;

/** The sandbox's default accounts (sandbox/accounts.ts). */
export const SANDBOX_ACCOUNTS = {
  alibaba: { accessKeyId: 'sandbox-ak', accessKeySecret: 'sandbox-secret' },
  volcengine: { accessKeyId: 'sandbox-volc-ak', secretAccessKey: 'sandbox-volc-sk' },
  pbx: { username: 'sandbox', password: 'sandbox-password' },
} as const;

/** Credential data (as n8n stores it) for each back end, pointed at a sandbox; `wrong` swaps in a bad secret. */
export function credentialData(sandboxUrl: string, wrong = false) {
  return {
    alibaba: {
      accessKeyId: SANDBOX_ACCOUNTS.alibaba.accessKeyId,
      accessKeySecret: wrong ? 'not-the-secret' : SANDBOX_ACCOUNTS.alibaba.accessKeySecret,
      securityToken: '',
      region: 'cn-shanghai',
      endpoint: `${sandboxUrl}/`,
    },
    volcengine: {
      accessKeyId: SANDBOX_ACCOUNTS.volcengine.accessKeyId,
      secretAccessKey: wrong ? 'not-the-secret' : SANDBOX_ACCOUNTS.volcengine.secretAccessKey,
      region: 'cn-north-1',
      endpoint: `${sandboxUrl}/volcengine/`,
    },
    pbx: {
      baseUrl: `${sandboxUrl}/pbx`,
      username: SANDBOX_ACCOUNTS.pbx.username,
      password: wrong ? 'not-the-password' : SANDBOX_ACCOUNTS.pbx.password,
      apiVersion: 'v1.1.0',
      ignoreTlsErrors: false,
    },
  };
}

/** n8n credentials (import format) for the three back ends, pointed at a sandbox. */
export function sandboxCredentials(sandboxUrl: string) {
  const data = credentialData(sandboxUrl);
  return [
    { id: CREDENTIAL_ID.alibaba, name: CREDENTIAL_NAME.alibaba, type: CREDENTIAL_TYPE.alibaba, data: data.alibaba },
    { id: CREDENTIAL_ID.volcengine, name: CREDENTIAL_NAME.volcengine, type: CREDENTIAL_TYPE.volcengine, data: data.volcengine },
    { id: CREDENTIAL_ID.pbx, name: CREDENTIAL_NAME.pbx, type: CREDENTIAL_TYPE.pbx, data: data.pbx },
  ];
}

/** The `credentials` entry of a node using one of the sandbox credentials. */
export function uses(kind: 'alibaba' | 'volcengine' | 'pbx'): WorkflowNode['credentials'] {
  return { [CREDENTIAL_TYPE[kind]]: { id: CREDENTIAL_ID[kind], name: CREDENTIAL_NAME[kind] } };
}

export const manualTrigger = (name = 'Start'): WorkflowNode => ({ name, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });

/** GET /_sandbox/calls with filters. */
export async function sandboxCalls(sandboxUrl: string, filter: Record<string, string> = {}): Promise<PlacedCall[]> {
  const res = await fetch(`${sandboxUrl}/_sandbox/calls?${new URLSearchParams(filter)}`);
  if (res.status !== 200) throw new Error(`GET /_sandbox/calls -> ${res.status} ${await res.text()}`);
  return (await res.json()) as PlacedCall[];
}

export async function sandboxConfig(sandboxUrl: string, patch: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sandboxUrl}/_sandbox/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) });
  if (res.status !== 200) throw new Error(`POST /_sandbox/config -> ${res.status} ${await res.text()}`);
}

/** The vendor-neutral status core maps each sandbox outcome to (core/call-result.ts). */
export const NEUTRAL_STATUS: Record<string, string> = {
  completed: 'completed',
  no_answer: 'no_answer',
  busy: 'busy',
  power_off: 'failed',
  failed: 'failed',
};

export interface RecordingProxy {
  url: string;
  /** Every request passed on: method, path with query, body text. */
  requests: { method: string; path: string; body: string }[];
  close(): Promise<void>;
}

/**
 * A pass-through proxy on 127.0.0.1 in front of the sandbox that records what n8n sent. Headers go
 * on unchanged (Host included), so signatures made for the proxy's address still verify.
 */
export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  const { createServer, request } = await import('node:http');
  const target = new URL(targetUrl);
  const requests: RecordingProxy['requests'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', body: body.toString('utf8') });
      const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`proxy: ${error.message}`);
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface SandboxProcess {
  url: string;
  /** The KEY=value lines it printed (what points callbridge at it). */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * `callbridge sandbox --port 0 ...` as a user starts it (from source, through tsx), in its own
 * process; resolves once it has printed its address and environment.
 */
export async function startSandboxCli(args: string[], timeoutMs = 60_000): Promise<SandboxProcess> {
  const { spawn } = await import('node:child_process');
  const { join } = await import('node:path');
  const root = join(import.meta.dirname, '..', '..');
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'mcp', 'cli.ts'), 'sandbox', '--port', '0', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_STATE_HOME: freshStateHome() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<SandboxProcess>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`callbridge sandbox printed no address within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const url = /^# callbridge sandbox on (http:\/\/127\.0\.0\.1:\d+)/m.exec(out)?.[1];
      if (!url || !/^# Ctrl-C stops it\./m.test(out)) return;
      clearTimeout(timer);
      const env = Object.fromEntries([...out.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1], m[2]]));
      resolve({
        url,
        env,
        close: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
          if (child.exitCode === null) child.kill('SIGKILL');
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`callbridge sandbox exited (${code}):\n${out}`));
    });
  });
  return ready;
}

/**
 * A workflow in which an AI Agent (its model: the fake OpenAI-compatible server's credential) may use
 * Alibaba Cloud Voice's Place a TTS call as its one tool; the model chooses CalledNumber.
 */
export function agentToolWorkflow(id: string, name: string, prompt: string, credential: WorkflowNode['credentials'], additionalFields: Record<string, unknown> = {}): Workflow {
  return workflow(
    id,
    name,
    [
      manualTrigger(),
      { name: 'Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3.1, parameters: { promptType: 'define', text: prompt, options: {} } },
      {
        name: 'Model',
        type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
        typeVersion: 1.2,
        credentials: { openAiApi: { id: CREDENTIAL_ID.openAi, name: CREDENTIAL_NAME.openAi } },
        parameters: { model: { __rl: true, mode: 'id', value: 'fake-model' }, options: {} },
      },
      {
        name: 'Place TTS Call',
        type: NODE.alibabaVoiceTool,
        typeVersion: 1,
        credentials: credential,
        parameters: {
          descriptionType: 'manual',
          toolDescription: 'Places a text-to-speech phone call to one number',
          resource: 'call',
          operation: 'SingleCallByTts',
          CalledNumber: "={{ $fromAI('CalledNumber', 'The number to call', 'string') }}",
          TtsCode: 'TTS_100001',
          additionalFields,
        },
      },
    ],
    [
      ['Model', 'ai_languageModel', 'Agent'],
      ['Place TTS Call', 'ai_tool', 'Agent'],
    ],
  );
}
