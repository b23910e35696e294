// MCP over HTTP under load and abuse: `callbridge mcp --http` runs as its own process on 127.0.0.1
// (its vendor client on the in-process sandbox); 200 MCP SDK clients list tools and call read tools
// for 30 seconds, while an abuser keeps sending requests without the bearer token, with a wrong
// token, a foreign Origin, a rebinding Host name and oversized bodies. Every client request must
// succeed; every abusive one must be refused (401/403/413) without reaching a tool.
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentile, recordFigures } from './support/figures.js';
import { spawnMcpHttp, type McpHttpProcess } from './support/mcp-process.js';

const CLIENTS = Number(process.env.CALLBRIDGE_LOAD_CLIENTS ?? 200);
const SECONDS = Number(process.env.CALLBRIDGE_LOAD_SECONDS ?? 30);
const TOKEN = 'load-test-bearer-token-7f3a9c1e5b';
const MAX_BODY = 65_536;

let server: McpHttpProcess;

/**
 * KNOWN GAP: mcp/server/http.ts keeps Node's default keepAliveTimeout (5 s). Under load the server's
 * event loop runs its keep-alive timers before reading a request that already arrived on a reused
 * connection, and closes it: the client sees "fetch failed (UND_ERR_SOCKET other side closed)" or, when unread bytes were
 * pending, "fetch failed (ECONNRESET)".
 * (With the timeout raised to 65 s through a preload, the same 30 s run had 0 such errors.) These
 * errors are counted and reported apart; every other error fails the test. Once the server keeps
 * idle connections longer, the expected failure below flips: then drop this exemption.
 */
const KEEP_ALIVE_RACE = /UND_ERR_SOCKET other side closed|ECONNRESET/;

beforeAll(async () => {
  server = await spawnMcpHttp(['--max-body-bytes', String(MAX_BODY), '--allowed-origins', 'https://console.example.com'], {
    CALLBRIDGE_MCP_TOKEN: TOKEN,
    CALLBRIDGE_SANDBOX_SPEED: '60',
  });
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

type Step = { name: string; run(client: Client): Promise<unknown> };

/** What each client does, in turn: list the tools, then read tools (catalog ones and vendor reads on the sandbox). */
const STEPS: Step[] = [
  { name: 'tools/list', run: (c) => c.listTools() },
  { name: 'search_operations', run: (c) => c.callTool({ name: 'search_operations', arguments: { query: 'call detail recording', limit: 5 } }) },
  { name: 'list_robot_scripts:volcengine', run: (c) => c.callTool({ name: 'list_robot_scripts', arguments: { provider: 'volcengine' } }) },
  { name: 'describe_operation', run: (c) => c.callTool({ name: 'describe_operation', arguments: { id: 'dyvms.SingleCallByTts' } }) },
  { name: 'list_robot_scripts:outboundbot', run: (c) => c.callTool({ name: 'list_robot_scripts', arguments: { provider: 'outboundbot' } }) },
  { name: 'tools/list', run: (c) => c.listTools() },
  { name: 'list_robot_scripts:dyvms', run: (c) => c.callTool({ name: 'list_robot_scripts', arguments: { provider: 'dyvms' } }) },
];

interface Abuse {
  name: string;
  headers: Record<string, string>;
  body: string | Buffer;
  /** Send the body chunked, without a Content-Length. */
  chunked?: boolean;
  expect: number;
}

const listRequest = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
const callRequest = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'search_operations', arguments: { query: 'call' } } });
const big = JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'search_operations', arguments: { query: 'x'.repeat(MAX_BODY) } } });

const ABUSES: Abuse[] = [
  { name: 'no bearer token', headers: {}, body: listRequest, expect: 401 },
  { name: 'wrong bearer token', headers: { authorization: 'Bearer load-test-bearer-token-7f3a9c1e5c' }, body: callRequest, expect: 401 },
  { name: 'token without Bearer', headers: { authorization: TOKEN }, body: listRequest, expect: 401 },
  { name: 'foreign Origin', headers: { authorization: `Bearer ${TOKEN}`, origin: 'https://evil.example.net' }, body: callRequest, expect: 403 },
  { name: 'rebinding Host', headers: { authorization: `Bearer ${TOKEN}`, host: 'attacker.example.net' }, body: listRequest, expect: 403 },
  { name: 'oversized body (Content-Length)', headers: { authorization: `Bearer ${TOKEN}` }, body: big, expect: 413 },
  { name: 'oversized body (chunked)', headers: { authorization: `Bearer ${TOKEN}` }, body: big, chunked: true, expect: 413 },
  { name: 'oversized body without token', headers: {}, body: big, expect: 401 },
];

function sendRaw(url: string, abuse: Abuse): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        // A fresh connection each time: a refusal is judged on its own, not on a reused socket.
        agent: false,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          'mcp-protocol-version': '2025-06-18',
          ...(abuse.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(Buffer.byteLength(abuse.body)) }),
          ...abuse.headers,
        },
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    // The server may answer and close before the whole body is written.
    req.on('error', (e) => reject(e));
    if (abuse.chunked) {
      const buf = Buffer.from(abuse.body);
      for (let i = 0; i < buf.length; i += 8192) req.write(buf.subarray(i, i + 8192));
      req.end();
    } else req.end(abuse.body);
  });
}

describe('MCP over HTTP under load and abuse (loopback)', () => {
  it('keeps idle keep-alive connections at least 60 s, so busy clients never reuse a closing socket', async () => {
    const res = await fetch(server.url.replace(/\/mcp$/, '/healthz'));
    await res.text();
    const timeout = Number(/timeout=(\d+)/.exec(res.headers.get('keep-alive') ?? '')?.[1] ?? 0);
    expect(timeout).toBeGreaterThanOrEqual(60);
  });

  it('refuses each kind of abusive request (idle server), without echoing the token', async () => {
    for (const abuse of ABUSES) {
      const res = await sendRaw(server.url, abuse).catch(() => ({ status: -1, body: '' }));
      if (res.status === -1) expect(abuse.name).toMatch(/oversized/);
      else expect(res.status, `${abuse.name}: ${res.body}`).toBe(abuse.expect);
      expect(res.body).not.toContain(TOKEN);
    }
  });

  it(
    `${CLIENTS} concurrent clients list tools and call read tools for ${SECONDS} s with no errors; abusive requests are refused throughout`,
    async () => {
      const latencies = new Map<string, number[]>();
      const errors: string[] = [];
      const clients: Client[] = [];
      // Connect everyone first (initialize), a few at a time.
      for (let i = 0; i < CLIENTS; i += 20) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(20, CLIENTS - i) }, async (_, k) => {
            const client = new Client({ name: `load-${i + k}`, version: '1' });
            await client.connect(new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: { authorization: `Bearer ${TOKEN}` } }}));
            return client;
          }),
        );
        clients.push(...batch);
      }
      const started = Date.now();
      const deadline = started + SECONDS * 1000;
      let requests = 0;
      const worker = async (client: Client, index: number) => {
        for (let n = index; Date.now() < deadline; n++) {
          const step = STEPS[n % STEPS.length];
          const t0 = performance.now();
          try {
            const result = (await step.run(client)) as CallToolResult & { tools?: unknown[] };
            if (result.isError) errors.push(`${step.name}: ${JSON.stringify(result.content).slice(0, 300)}`);
            if (step.name === 'tools/list' && !result.tools?.length) errors.push(`${step.name}: no tools`);
          } catch (error) {
            const cause = (error as { cause?: { code?: string; message?: string } }).cause;
            errors.push(`${step.name}: ${(error as Error).message}${cause ? ` (${cause.code ?? ""} ${cause.message ?? ""})` : ""}`);
          }
          const list = latencies.get(step.name) ?? [];
          list.push(performance.now() - t0);
          latencies.set(step.name, list);
          requests++;
        }
      };
      const abuseResults: Array<{ name: string; status: number; expected: number; leakedToken: boolean }> = [];
      // Every kind of abuse at once, round after round, for as long as the load lasts.
      const abuser = async () => {
        while (Date.now() < deadline) {
          await Promise.all(
            ABUSES.map(async (abuse) => {
              try {
                const res = await sendRaw(server.url, abuse);
                abuseResults.push({ name: abuse.name, status: res.status, expected: abuse.expect, leakedToken: res.body.includes(TOKEN) });
              } catch (error) {
                // An oversized body may be cut off by the server closing the connection: that is a refusal too.
                abuseResults.push({ name: abuse.name, status: -1, expected: abuse.expect, leakedToken: false });
                if (!/EPIPE|ECONNRESET|socket hang up/.test(String(error))) errors.push(`abuse ${abuse.name}: ${String(error)}`);
              }
            }),
          );
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      await Promise.all([...clients.map((c, i) => worker(c, i)), abuser()]);
      const elapsed = (Date.now() - started) / 1000;
      await Promise.all(clients.map((c) => c.close()));

      const all = [...latencies.values()].flat().sort((a, b) => a - b);
      const perStep = Object.fromEntries(
        [...latencies.entries()].map(([name, list]) => {
          const sorted = [...list].sort((a, b) => a - b);
          return [name, { count: sorted.length, p50Ms: Math.round(percentile(sorted, 50)), p99Ms: Math.round(percentile(sorted, 99)) }];
        }),
      );
      const refusals = Object.fromEntries(
        ABUSES.map((a) => {
          const seen = abuseResults.filter((r) => r.name === a.name);
          return [a.name, { sent: seen.length, expectedStatus: a.expect, statuses: [...new Set(seen.map((r) => r.status))] }];
        }),
      );
      recordFigures('mcp-load', 'http', {
        clients: CLIENTS,
        seconds: SECONDS,
        elapsedSeconds: Math.round(elapsed * 10) / 10,
        requests,
        requestsPerSecond: Math.round(requests / elapsed),
        errors: errors.filter((e) => !KEEP_ALIVE_RACE.test(e)).length,
        keepAliveRaceErrors: errors.filter((e) => KEEP_ALIVE_RACE.test(e)).length,
        p50Ms: Math.round(percentile(all, 50)),
        p99Ms: Math.round(percentile(all, 99)),
        maxMs: Math.round(all[all.length - 1] ?? 0),
        perStep,
        abusiveRequests: abuseResults.length,
        refusals,
      });

      expect(errors.slice(0, 10), `${errors.length} errors`).toEqual([]);
      expect(requests).toBeGreaterThan(CLIENTS);
      for (const r of abuseResults) {
        expect(r.leakedToken, r.name).toBe(false);
        // -1: the connection was cut while an oversized body was still being written (refused).
        if (r.status === -1) expect(r.name).toMatch(/oversized/);
        else expect(r.status, r.name).toBe(r.expected);
      }
      for (const a of ABUSES) expect(abuseResults.some((r) => r.name === a.name), `${a.name} was never sent`).toBe(true);
      // The server is still healthy afterwards.
      expect((await fetch(server.url.replace(/\/mcp$/, '/healthz'))).status).toBe(200);
    },
    SECONDS * 1000 + 120_000,
  );
});
