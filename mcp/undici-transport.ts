import type { Dispatcher } from 'undici';
import { NetworkError, NOT_SENT_CODES, type HttpRequest, type HttpResponse, type SendOptions, type Transport } from '../core/transport.js';
import { causeChain, codeOf, messageOf } from '../core/errors.js';

export interface UndiciTransportOptions {
  connectTimeoutMs?: number;
  /** Proxy URL; defaults to HTTPS_PROXY / https_proxy. */
  proxy?: string;
  /** TLS settings for one on-prem base URL only (the PBX); every other URL keeps the default checks. */
  onPrem?: {
    /** Base URL the settings apply to, e.g. https://192.168.1.10:8088 */
    baseUrl: string;
    /** PEM of the certificate authority that signed its certificate. */
    ca?: string;
    /** Accept any certificate (self-signed PBXs). Off by default. */
    insecureTls?: boolean;
  };
}

/** Plain words for the usual network failures (the code is kept in brackets for searching). */
const MEANINGS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'timed out',
  EPIPE: 'the connection was closed',
  UND_ERR_SOCKET: 'the server closed the connection',
  UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no answer in time',
  UND_ERR_BODY_TIMEOUT: 'the answer stopped arriving',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server has a self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server certificate is signed by an untrusted authority',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate is for another host name',
};

/** The most telling code along the error's cause chain (undici's socket error wraps the system error). */
function errorCode(error: unknown): string | undefined {
  return causeChain(error, 4).map(codeOf).find((code) => code !== undefined && code !== 'UND_ERR_SOCKET') ?? codeOf(error);
}

interface Loaded {
  request: typeof import('undici').request;
  dispatcher: Dispatcher;
  onPrem?: { prefix: string; dispatcher: Dispatcher };
}

type UndiciHeaders = Record<string, string | string[] | undefined>;

function singleValued(headers: UndiciHeaders): headers is Record<string, string> {
  for (const name in headers) if (typeof headers[name] !== 'string') return false;
  return true;
}

/** undici's response headers as HttpResponse has them: one string per name (a repeated header joined); as they came when none repeats. */
function headersOf(headers: UndiciHeaders): Record<string, string> {
  if (singleValued(headers)) return headers;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Keep-alive HTTP(S) transport for the CLI, the MCP server and benchmarks. */
export class UndiciTransport implements Transport {
  private loaded?: Promise<Loaded>;
  /** The loaded undici, once there: later requests go out without waiting on a promise. */
  private ready?: Loaded;

  constructor(private readonly options: UndiciTransportOptions = {}) {}

  /** undici is loaded on the first request, so starting the CLI or the MCP server does not pay for it. */
  private load(): Promise<Loaded> {
    // Its default export (module.exports of the CommonJS package): the CLI's bundle, split into chunks, gives
    // a dynamic import() of a CommonJS package nothing else, and a static import would load undici at start.
    this.loaded ??= import('undici').then(({ default: undici }): Loaded => {
      const { Agent, ProxyAgent, request } = undici;
      const { options } = this;
      const timeout = options.connectTimeoutMs ?? 5_000;
      const proxy = options.proxy ?? process.env.HTTPS_PROXY ?? process.env.https_proxy;
      const dispatcher = (tls: { ca?: string; rejectUnauthorized?: boolean }) => {
        const connect = { timeout, ...tls };
        return proxy ? new ProxyAgent({ uri: proxy, requestTls: connect }) : new Agent({ connect, keepAliveTimeout: 30_000, connections: 128 });
      };
      const { onPrem } = options;
      this.ready = {
        request,
        dispatcher: dispatcher({}),
        onPrem:
          onPrem && (onPrem.ca || onPrem.insecureTls)
            ? { prefix: onPrem.baseUrl.replace(/\/+$/, ''), dispatcher: dispatcher({ ca: onPrem.ca, rejectUnauthorized: !onPrem.insecureTls }) }
            : undefined,
      };
      return this.ready;
    });
    return this.loaded;
  }

  async send(req: HttpRequest, options: SendOptions = {}): Promise<HttpResponse> {
    const timeout = options.timeoutMs ?? 15_000;
    const { request, dispatcher, onPrem } = this.ready ?? (await this.load());
    try {
      const res = await request(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        dispatcher: onPrem && (req.url === onPrem.prefix || req.url.startsWith(`${onPrem.prefix}/`)) ? onPrem.dispatcher : dispatcher,
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
      // bytes(): the body as one Uint8Array (arrayBuffer() copies it once more); the headers as they came when none repeats.
      return { status: res.statusCode, headers: headersOf(res.headers), body: await res.body.bytes() };
    } catch (error) {
      const code = errorCode(error);
      const sent = !(code && NOT_SENT_CODES.has(code));
      const meaning = code && MEANINGS[code];
      const where = new URL(req.url).host;
      throw new NetworkError(meaning ? `${meaning} at ${where} (${code})` : `${code ?? 'network error'} at ${where}: ${messageOf(error)}`, sent, code);
    }
  }

  async close(): Promise<void> {
    if (!this.loaded) return;
    const { dispatcher, onPrem } = await this.loaded;
    await Promise.all([dispatcher.close(), onPrem?.dispatcher.close()]);
  }
}
