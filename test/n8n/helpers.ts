// A small stand-in for n8n's execution context, faithful where it matters for these tests: every
// request of a node goes through the real credential class (preAuthentication when the expirable token
// is empty, then authenticate) and real HTTP to a sandbox on 127.0.0.1. The real-n8n runs are
// test/e2e-n8n/.
import type {
  ICredentialDataDecryptedObject,
  ICredentialType,
  IDataObject,
  IExecuteFunctions,
  IHttpRequestOptions,
  INode,
  INodeExecutionData,
} from 'n8n-workflow';
import { CallbridgeAlibabaCloudApi } from '../../credentials/CallbridgeAlibabaCloudApi.credentials.js';
import { CallbridgePbxApi } from '../../credentials/CallbridgePbxApi.credentials.js';
import { CallbridgeVolcengineApi } from '../../credentials/CallbridgeVolcengineApi.credentials.js';
import type { RunningSandbox } from '../../sandbox/server.js';

export const CREDENTIAL_TYPES: Record<string, ICredentialType> = {
  callbridgeAlibabaCloudApi: new CallbridgeAlibabaCloudApi(),
  callbridgeVolcengineApi: new CallbridgeVolcengineApi(),
  callbridgePbxApi: new CallbridgePbxApi(),
};

/** Credentials pointing at a running sandbox (its default accounts). */
export function sandboxCredentials(sandbox: RunningSandbox): Record<string, ICredentialDataDecryptedObject> {
  const env = sandbox.env;
  return {
    callbridgeAlibabaCloudApi: {
      accessKeyId: env.ALIBABA_CLOUD_ACCESS_KEY_ID,
      accessKeySecret: env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
      securityToken: '',
      region: 'cn-shanghai',
      endpoint: `${sandbox.url}/`,
    },
    callbridgeVolcengineApi: {
      accessKeyId: env.VOLCENGINE_ACCESS_KEY,
      secretAccessKey: env.VOLCENGINE_SECRET_KEY,
      region: 'cn-north-1',
      endpoint: env.CALLBRIDGE_VOLCENGINE_ENDPOINT,
    },
    callbridgePbxApi: {
      token: '',
      baseUrl: env.CALLBRIDGE_PBX_URL,
      username: env.CALLBRIDGE_PBX_USERNAME,
      password: env.CALLBRIDGE_PBX_PASSWORD,
      apiVersion: 'v1.1.0',
      eventPort: '8260',
      eventUrl: '',
      eventVersion: '',
      ignoreTlsErrors: false,
      caCertificate: '',
    },
  };
}

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** n8n's httpRequest, reduced to what callbridge uses: qs, string/object bodies, full responses, arraybuffer/text. */
export async function httpRequest(options: IHttpRequestOptions, log?: SentRequest[]): Promise<unknown> {
  const url = new URL(options.baseURL ? `${options.baseURL.replace(/\/+$/, '')}/${options.url.replace(/^\/+/, '')}` : options.url);
  for (const [k, v] of Object.entries(options.qs ?? {})) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.headers ?? {})) if (v !== undefined && v !== null && k.toLowerCase() !== 'host') headers[k] = String(v);
  let body: string | undefined;
  if (typeof options.body === 'string') body = options.body;
  else if (options.body && typeof options.body === 'object' && Object.keys(options.body).length) {
    body = JSON.stringify(options.body);
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  }
  const method = (options.method ?? 'GET').toUpperCase();
  log?.push({ method, url: url.toString(), headers, body });
  const response = await fetch(url, { method, headers, body: method === 'GET' ? undefined : body });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!options.ignoreHttpStatusErrors && response.status >= 400) {
    const error = new Error(`Request failed with status code ${response.status}`) as Error & { response: { status: number; body: string } };
    error.response = { status: response.status, body: new TextDecoder().decode(bytes) };
    throw error;
  }
  let parsed: unknown;
  if (options.encoding === 'arraybuffer') parsed = Buffer.from(bytes);
  else {
    const text = new TextDecoder().decode(bytes);
    parsed = text;
    if (options.json || options.encoding !== 'text') {
      try {
        parsed = JSON.parse(text) as unknown;
      } catch {
        parsed = text;
      }
    }
  }
  if (options.returnFullResponse) {
    return { body: parsed, headers: Object.fromEntries(response.headers.entries()), statusCode: response.status, statusMessage: response.statusText };
  }
  return parsed;
}

/** What n8n's httpRequestWithAuthentication does for our credential types (preAuthentication, then authenticate). */
export async function requestWithCredential(
  type: string,
  store: Record<string, ICredentialDataDecryptedObject>,
  options: IHttpRequestOptions,
  override?: ICredentialDataDecryptedObject,
  log?: SentRequest[],
): Promise<unknown> {
  const credentialType = CREDENTIAL_TYPES[type];
  const credentials = { ...(override ?? store[type]) };
  const expirable = credentialType.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
  if (expirable && credentialType.preAuthentication && credentials[expirable.name] === '') {
    const helper = { helpers: { httpRequest: (o: IHttpRequestOptions) => httpRequest(o, log) } };
    const output = await credentialType.preAuthentication.call(helper as never, credentials);
    Object.assign(credentials, output);
    store[type] = { ...store[type], ...(output as ICredentialDataDecryptedObject) };
  }
  const authenticate = credentialType.authenticate as (c: ICredentialDataDecryptedObject, o: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
  return httpRequest(await authenticate(credentials, structuredClone(options)), log);
}

export interface FakeContext {
  ctx: IExecuteFunctions;
  requests: SentRequest[];
  store: Record<string, ICredentialDataDecryptedObject>;
}

let executions = 0;

export function fakeExecute(options: {
  parameters: Array<Record<string, unknown>>;
  credentials: Record<string, ICredentialDataDecryptedObject>;
  continueOnFail?: boolean;
  /** n8n's execution ID (default: a new one per context); a retry of a node's run keeps it. */
  executionId?: string;
  /** Which run of the node this is (n8n's $runIndex; loops and tool calls run a node again). */
  runIndex?: number;
}): FakeContext {
  const executionId = options.executionId ?? `fake-execution-${++executions}`;
  const requests: SentRequest[] = [];
  const store = structuredClone(options.credentials);
  const node: INode = {
    id: 'node-1',
    name: 'Test Node',
    type: 'n8n-nodes-callbridge.test',
    typeVersion: 1,
    position: [0, 0],
    parameters: {},
    credentials: Object.fromEntries(Object.keys(store).map((k) => [k, { id: `id-${k}`, name: k }])),
  };
  const items: INodeExecutionData[] = options.parameters.map(() => ({ json: {} }));
  const ctx = {
    getInputData: () => items,
    getNode: () => node,
    getNodeParameter: (name: string, itemIndex: number, fallback?: unknown, how?: { extractValue?: boolean }) => {
      // Dotted paths ("callees.values") and resource locators' values, as n8n reads them.
      let value: unknown = options.parameters[itemIndex];
      for (const key of name.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      if (how?.extractValue && value && typeof value === 'object' && '__rl' in value && 'value' in value) value = value.value;
      if (value === undefined) {
        if (fallback === undefined) throw new Error(`Could not get parameter "${name}"`);
        return fallback;
      }
      return value;
    },
    getCredentials: async (type: string) => {
      if (!store[type]) throw new Error(`no credentials of type ${type}`);
      return store[type];
    },
    continueOnFail: () => options.continueOnFail === true,
    getExecutionId: () => executionId,
    getWorkflowDataProxy: () => ({ $runIndex: options.runIndex ?? 0 }),
    getExecutionCancelSignal: () => undefined,
    helpers: {
      httpRequest: (o: IHttpRequestOptions) => httpRequest(o, requests),
      httpRequestWithAuthentication: (type: string, o: IHttpRequestOptions, extra?: { credentialsDecrypted?: { data?: ICredentialDataDecryptedObject } }) =>
        requestWithCredential(type, store, o, extra?.credentialsDecrypted?.data, requests),
      prepareBinaryData: async (data: Buffer, fileName?: string, mimeType?: string) =>
        ({ data: data.toString('base64'), fileName, mimeType: mimeType ?? 'application/octet-stream', fileSize: String(data.length) }) as IDataObject,
    },
  } as unknown as IExecuteFunctions;
  return { ctx, requests, store };
}
