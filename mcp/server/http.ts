// Streamable HTTP, stateless: the SDK's createMcpHandler builds a new McpServer per request (2026-07-28
// clients and, statelessly, 2025-era ones), so replicas behind a load balancer need no shared session state. Refuses foreign Origins (403), missing/wrong bearer tokens
// (401), oversized bodies (413); bound to 127.0.0.1 unless told otherwise (then a token is required).
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { bearerAuthChallengeResponse, createMcpHandler, OAuthError, OAuthErrorCode, type AuthInfo } from '@modelcontextprotocol/server';
import { CallbridgeError } from '../../core/errors.js';
import { isLoopbackHost, settingHint } from '../guardrails/config.js';
import type { ServerDeps } from './context.js';
import { selectTools, toolsForScopes } from '../tools/toolsets.js';
import { oauthResource, type OAuthResource } from './oauth.js';
import { answerPace, PACE_PATH } from './coordination.js';
import { answerReceipt, RECEIPT_PATH } from './receipts.js';
import { createMcpServer } from './server.js';

export interface HttpOptions {
  host: string;
  port: number;
  token?: string;
  allowedOrigins: string[];
  maxBodyBytes: number;
  /** Path of the MCP endpoint (default /mcp). */
  path?: string;
  /** OAuth 2.1: JWT access tokens of this issuer are accepted (scopes select the tools). */
  oauthIssuer?: string;
  oauthAudience?: string;
  /** The URL clients reach the endpoint at (default: the listening address). */
  publicUrl?: string;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d+)?$/i;

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A JSON-RPC error body (what MCP clients expect), with an HTTP status. */
function refuse(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { jsonrpc: '2.0', error: { code: -32000, message }, id: null }, headers);
}

/** The token of an `Authorization: Bearer` header; an OAuth error when there is none. */
function bearerOf(header: string | undefined): string {
  const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
  if (!token) throw new OAuthError(OAuthErrorCode.InvalidToken, 'send Authorization: Bearer <access token>');
  return token;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1].trim());
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

function readBody(req: IncomingMessage, limit: number): Promise<{ text?: string; tooLarge?: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve({ tooLarge: true });
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve({ text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', reject);
  });
}

/**
 * For load balancers: 200 while this replica can place billed calls, 503 while its policy store is
 * unreachable (it still answers reads, but refuses billed calls). Names no credentials.
 */
async function sendHealth(res: ServerResponse, deps: ServerDeps): Promise<void> {
  const problem = await deps.storeHealth?.();
  if (problem) return sendJson(res, 503, { ok: false, store: 'unreachable', error: deps.client.redact(problem) });
  sendJson(res, 200, { ok: true, store: 'reachable' });
}

export function checkHttpOptions(options: HttpOptions): void {
  if (!isLoopbackHost(options.host) && !options.token && !options.oauthIssuer) {
    throw new CallbridgeError({
      kind: 'config',
      field: 'token',
      message: `refusing to listen on ${options.host} without authorization: off loopback every request must carry a token. Set ${settingHint('token')} or ${settingHint('oauthIssuer')} (prefer the environment variable: command lines are visible to other users), or bind to 127.0.0.1.`,
    });
  }
}

export async function startHttpServer(deps: ServerDeps, options: HttpOptions): Promise<RunningHttpServer> {
  checkHttpOptions(options);
  const path = options.path ?? '/mcp';
  const loopback = isLoopbackHost(options.host);
  const allowedOrigins = new Set(options.allowedOrigins.map((o) => o.replace(/\/+$/, '').toLowerCase()));
  const originAllowed = (origin: string) => allowedOrigins.has(origin.toLowerCase()) || LOOPBACK_ORIGIN.test(origin);
  const selected = selectTools(deps.config.toolsets, deps.config.readOnly);
  // A server per request, with the tools the caller's token covers; the answer is plain JSON, upgraded to
  // SSE only when a tool sends progress first.
  const mcp = createMcpHandler(({ era, authInfo }) => createMcpServer(deps, toolsForScopes(selected, authInfo?.scopes), { era, transport: 'http' }));
  const serveMcp = toNodeHandler(mcp);
  let oauth: OAuthResource | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz' && req.method === 'GET') return sendHealth(res, deps);
    if (oauth && url.pathname === oauth.metadataPath && req.method === 'GET') return sendJson(res, 200, oauth.metadata, { 'access-control-allow-origin': '*' });
    if (url.pathname.startsWith(RECEIPT_PATH) && req.method === 'POST') {
      const body = await readBody(req, options.maxBodyBytes);
      if (body.tooLarge) return refuse(res, 413, `Payload too large: at most ${options.maxBodyBytes} bytes (${settingHint('maxBodyBytes')})`, { connection: 'close' });
      return answerReceipt(res, deps, url.pathname.slice(RECEIPT_PATH.length), body.text ?? '');
    }
    if (url.pathname === PACE_PATH && req.method === 'POST') {
      if (options.token && !tokenMatches(req.headers.authorization, options.token)) {
        return refuse(res, 401, 'Unauthorized: send Authorization: Bearer <token>', { 'www-authenticate': 'Bearer realm="callbridge"' });
      }
      const body = await readBody(req, 4096);
      if (body.tooLarge) return refuse(res, 413, 'Payload too large', { connection: 'close' });
      return answerPace(res, deps, body.text ?? '');
    }
    if (url.pathname !== path) return refuse(res, 404, `Not found: the MCP endpoint is ${path}`);

    // DNS rebinding: on loopback, only loopback Host names are served.
    const hostHeader = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (loopback && hostHeader && !isLoopbackHost(hostHeader)) return refuse(res, 403, `Forbidden: Host "${hostHeader}" is not a loopback name`);

    const origin = req.headers.origin;
    const cors: Record<string, string> = {};
    if (origin !== undefined) {
      if (!originAllowed(origin)) {
        return refuse(res, 403, `Forbidden: Origin ${origin} is not allowed. Add it with ${settingHint('allowedOrigins')}.`);
      }
      cors['access-control-allow-origin'] = origin;
      cors['access-control-expose-headers'] = 'mcp-session-id, mcp-protocol-version';
      cors.vary = 'Origin';
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type, authorization, accept, mcp-protocol-version, mcp-session-id, last-event-id',
      });
      return res.end();
    }
    // The static token sees every tool; an OAuth access token, the tools its scopes cover.
    let auth: AuthInfo | undefined;
    const staticToken = options.token !== undefined && tokenMatches(req.headers.authorization, options.token);
    if (oauth && !staticToken) {
      try {
        auth = await oauth.verify(bearerOf(req.headers.authorization));
      } catch (error) {
        const challenge = bearerAuthChallengeResponse(error, { resourceMetadataUrl: oauth.metadataUrl });
        res.writeHead(challenge.status, { ...cors, ...Object.fromEntries(challenge.headers) });
        return res.end(await challenge.text());
      }
    } else if (options.token && !staticToken) {
      return refuse(res, 401, 'Unauthorized: send Authorization: Bearer <token>', { ...cors, 'www-authenticate': 'Bearer realm="callbridge"' });
    }
    if (req.method !== 'POST') {
      return refuse(res, 405, 'Method not allowed: this server is stateless; send JSON-RPC with POST (no SSE stream, no sessions)', { ...cors, allow: 'POST' });
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.maxBodyBytes) {
      req.resume();
      return refuse(res, 413, `Payload too large: at most ${options.maxBodyBytes} bytes (${settingHint('maxBodyBytes')})`, { ...cors, connection: 'close' });
    }
    const body = await readBody(req, options.maxBodyBytes);
    if (body.tooLarge) return refuse(res, 413, `Payload too large: at most ${options.maxBodyBytes} bytes (${settingHint('maxBodyBytes')})`, { ...cors, connection: 'close' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.text ?? '');
    } catch {
      return sendJson(res, 400, { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error: the body is not JSON' }, id: null }, cors);
    }
    for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);

    await serveMcp(Object.assign(req, { auth }), res, parsed);
  };

  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      refuse(res, 500, `Internal error: ${deps.client.redact(error instanceof Error ? error.message : String(error))}`);
    });
  });
  // Longer than clients' keep-alive pools (undici keeps idle sockets 4 s, browsers ~60 s), so the server
  // never closes a socket a client is just reusing; headersTimeout must exceed keepAliveTimeout.
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error(`the HTTP server has no TCP address (${String(address)})`);
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const listening = `http://${hostForUrl}:${address.port}${path}`;
  if (options.oauthIssuer) {
    try {
      oauth = await oauthResource({ issuer: options.oauthIssuer, audience: options.oauthAudience, publicUrl: options.publicUrl ?? listening });
    } catch (error) {
      http.closeAllConnections();
      http.close();
      throw error;
    }
  }
  return {
    url: listening,
    port: address.port,
    close: async () => {
      await mcp.close();
      await new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      });
    },
  };
}
