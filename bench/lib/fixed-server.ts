// The loopback server of the client-overhead benchmark: a fixed answer per vendor, but every
// request's signature is recomputed and checked first (Alibaba RPC v1 HMAC-SHA1, Alibaba ACS3
// HMAC-SHA256, Volcengine HMAC-SHA256), so no client can skip work it would do against the
// real API. A request that fails the check gets the vendor's error and counts as a failure.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rpcSignature } from '../../core/vendors/alibaba/index.js';
import { verifyVolcengine } from '../../sandbox/volcengine/auth.js';
import type { SandboxRequest } from '../../sandbox/types.js';

export const BENCH_ACCOUNTS = {
  alibaba: { accessKeyId: 'bench-ak', accessKeySecret: 'bench-secret-0123456789' },
  volcengine: { accessKey: 'bench-volc-ak', secretKey: 'bench-volc-sk-0123456789' },
};

export interface FixedServer {
  url: string;
  port: number;
  stats: { ok: number; rejected: number; byScheme: Record<string, number>; lastRejection?: string };
  close(): Promise<void>;
}

const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function acsEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Alibaba ACS3-HMAC-SHA256 (the default of @alicloud/openapi-client and the generated SDKs). */
function verifyAcs3(req: IncomingMessage, url: URL, body: string): string | undefined {
  const auth = String(req.headers.authorization ?? '');
  const m = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return 'malformed ACS3 Authorization';
  if (m[1] !== BENCH_ACCOUNTS.alibaba.accessKeyId) return 'unknown AccessKeyId';
  const hashed = sha256Hex(body);
  if (req.headers['x-acs-content-sha256'] !== hashed) return 'x-acs-content-sha256 does not match the body';
  const names = m[2].split(';');
  const headers = names.map((n) => `${n}:${String(req.headers[n] ?? '').trim()}`).join('\n');
  const query = [...url.searchParams.keys()]
    .sort()
    .map((k) => `${k}=${acsEncode(url.searchParams.get(k) ?? '')}`)
    .join('&');
  const canonical = `${req.method}\n${url.pathname}\n${query}\n${headers}\n\n${m[2]}\n${hashed}`;
  const toSign = `ACS3-HMAC-SHA256\n${sha256Hex(canonical)}`;
  const expected = createHmac('sha256', BENCH_ACCOUNTS.alibaba.accessKeySecret).update(toSign, 'utf8').digest('hex');
  return equal(expected, m[3]) ? undefined : 'ACS3 signature does not match';
}

/** Alibaba RPC signature v1 over the query and form parameters (pop-core, callbridge, the floor). */
function verifyRpc(req: IncomingMessage, url: URL, body: string): string | undefined {
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  if (body) for (const [k, v] of new URLSearchParams(body)) params[k] = v;
  if (params.AccessKeyId !== BENCH_ACCOUNTS.alibaba.accessKeyId) return 'unknown AccessKeyId';
  if (params.SignatureMethod !== 'HMAC-SHA1' || !params.SignatureNonce || !params.Timestamp || !params.Action) return 'missing common parameters';
  const expected = rpcSignature(req.method as 'GET' | 'POST', params, BENCH_ACCOUNTS.alibaba.accessKeySecret);
  return equal(expected, params.Signature ?? '') ? undefined : 'RPC signature does not match';
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

let counter = 0;
const requestId = () => `BENCH-${(++counter).toString(16).padStart(8, '0').toUpperCase()}-0000-0000-0000-000000000000`;

function alibabaAnswer(action: string): string {
  const id = requestId();
  if (action === 'SendSms') return JSON.stringify({ RequestId: id, Code: 'OK', Message: 'OK', BizId: `9000${counter}^0` });
  return JSON.stringify({ RequestId: id, Code: 'OK', Message: 'OK', CallId: `116012354148^${100000000000 + counter}` });
}

function volcAnswer(action: string, body: string): string {
  let list: { SingleOpenId?: string; Phone?: string }[] = [];
  try {
    list = ((JSON.parse(body) as { List?: typeof list }).List ?? []).slice(0, 10);
  } catch {
    // not JSON; answer with an empty list
  }
  return JSON.stringify({
    ResponseMetadata: { RequestId: `2024060712000${requestId()}`, Action: action, Version: '2022-01-01', Service: 'vms', Region: 'cn-north-1' },
    Result: { SuccessList: list.map((i) => ({ Phone: i.Phone, SingleOpenId: i.SingleOpenId })), FailList: [] },
  });
}

export async function startFixedServer(port = 0): Promise<FixedServer> {
  const stats: FixedServer['stats'] = { ok: 0, rejected: 0, byScheme: {} };
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const auth = String(req.headers.authorization ?? '');
      let scheme: string;
      let problem: string | undefined;
      let answer: string;
      if (auth.startsWith('HMAC-SHA256 ')) {
        scheme = 'volcengine-v4';
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
        const request: SandboxRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          headers,
          body,
          remoteAddress: '',
          rawPath: req.url ?? '/',
        };
        const checked = verifyVolcengine(request, BENCH_ACCOUNTS.volcengine, Date.now());
        problem = checked.ok ? undefined : checked.error.code;
        answer = volcAnswer(url.searchParams.get('Action') ?? '', body);
      } else if (auth.startsWith('ACS3-')) {
        scheme = 'alibaba-acs3';
        problem = verifyAcs3(req, url, body);
        answer = alibabaAnswer(String(req.headers['x-acs-action'] ?? ''));
      } else {
        scheme = 'alibaba-rpc-v1';
        problem = verifyRpc(req, url, body);
        answer = alibabaAnswer(url.searchParams.get('Action') ?? new URLSearchParams(body).get('Action') ?? '');
      }
      stats.byScheme[scheme] = (stats.byScheme[scheme] ?? 0) + 1;
      if (problem) {
        stats.rejected++;
        stats.lastRejection = `${scheme}: ${problem}`;
        const error = JSON.stringify({ Code: 'SignatureDoesNotMatch', Message: problem, ResponseMetadata: { Error: { Code: 'SignatureDoesNotMatch', Message: problem } } });
        res.writeHead(400, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(error) });
        res.end(error);
        return;
      }
      stats.ok++;
      res.writeHead(200, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
