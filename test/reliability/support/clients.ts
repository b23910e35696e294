// Clients pointed at a sandbox, with a transport that counts what each request ran into.
import { randomUUID } from 'node:crypto';
import { CallbridgeClient, type ClientConfig } from '../../../core/client.js';
import { catalog } from '../../../core/registry.js';
import { NetworkError, type HttpRequest, type HttpResponse, type Runtime, type SendOptions, type Transport } from '../../../core/transport.js';
import { UndiciTransport } from '../../../mcp/undici-transport.js';

/** Where a sandbox is: its base URL and the environment that points callbridge at it (accounts included). */
export interface SandboxAddress {
  url: string;
  env: Record<string, string>;
}

/** Real time and randomness; backoff sleeps shortened tenfold so bulk fault runs stay fast. */
export const fastRuntime: Runtime = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / 10)),
  random: () => Math.random(),
  nonce: () => randomUUID(),
};

export interface SendTally {
  sends: number;
  ok: number;
  http5xx: number;
  throttled: number;
  otherHttpErrors: number;
  timeouts: number;
  resets: number;
  otherNetwork: number;
}

export const emptyTally = (): SendTally => ({ sends: 0, ok: 0, http5xx: 0, throttled: 0, otherHttpErrors: 0, timeouts: 0, resets: 0, otherNetwork: 0 });

const THROTTLE_TEXT = /Throttling|FlowLimitExceeded|RequestLimitExceeded/;

/** Counts every request and what came back (HTTP class, throttling, timeouts, resets). */
export class TallyTransport implements Transport {
  constructor(
    private readonly inner: Transport,
    readonly tally: SendTally = emptyTally(),
  ) {}

  async send(request: HttpRequest, options?: SendOptions): Promise<HttpResponse> {
    this.tally.sends++;
    try {
      const response = await this.inner.send(request, options);
      const body = new TextDecoder().decode(response.body);
      if (response.status === 429 || THROTTLE_TEXT.test(body)) this.tally.throttled++;
      else if (response.status >= 500) this.tally.http5xx++;
      else if (response.status >= 400) this.tally.otherHttpErrors++;
      else this.tally.ok++;
      return response;
    } catch (error) {
      const code = error instanceof NetworkError ? (error.code ?? '') : '';
      if (/TIMEOUT/i.test(code) || /timeout/i.test(String((error as Error).message))) this.tally.timeouts++;
      else if (error instanceof NetworkError && error.sent) this.tally.resets++;
      else this.tally.otherNetwork++;
      throw error;
    }
  }
}

export interface SandboxClientOptions extends Partial<Omit<ClientConfig, 'transport' | 'runtime'>> {
  transport?: Transport;
  runtime?: Runtime;
  /** Leave out the PBX configuration (the default includes it when the sandbox exposes one). */
  withoutPbx?: boolean;
  /** Reach the sandbox through this base URL instead (e.g. a slow link), same paths. */
  via?: string;
}

/** A client with the sandbox's accounts and endpoints for every vendor. */
export function sandboxClient(sandbox: SandboxAddress, options: SandboxClientOptions = {}): CallbridgeClient {
  const { transport, runtime, withoutPbx, via, ...rest } = options;
  const env = Object.fromEntries(Object.entries(sandbox.env).map(([k, v]) => [k, via ? v.replace(sandbox.url, via) : v]));
  const a = {
    alibaba: { accessKeyId: env.ALIBABA_CLOUD_ACCESS_KEY_ID, accessKeySecret: env.ALIBABA_CLOUD_ACCESS_KEY_SECRET },
    volcengine: { accessKey: env.VOLCENGINE_ACCESS_KEY, secretKey: env.VOLCENGINE_SECRET_KEY },
    pbx: { username: env.CALLBRIDGE_PBX_USERNAME, password: env.CALLBRIDGE_PBX_PASSWORD },
  };
  return new CallbridgeClient(
    { validateOutput: true,
      alibaba: {
        accessKeyId: a.alibaba.accessKeyId,
        accessKeySecret: a.alibaba.accessKeySecret,
        endpoints: { dyvms: env.CALLBRIDGE_DYVMS_ENDPOINT, outboundbot: env.CALLBRIDGE_OUTBOUNDBOT_ENDPOINT },
      },
      volcengine: { accessKeyId: a.volcengine.accessKey, secretAccessKey: a.volcengine.secretKey, endpoint: env.CALLBRIDGE_VOLCENGINE_ENDPOINT },
      pbx: withoutPbx ? undefined : { baseUrl: env.CALLBRIDGE_PBX_URL, username: a.pbx.username, password: a.pbx.password },
      transport: transport ?? new UndiciTransport(),
      runtime: runtime ?? fastRuntime,
      pace: false,
      ...rest,
    },
    catalog,
  );
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
