// A callbridge cluster for tests: N `callbridge mcp --http` replicas (the packed callbridge) on one
// Redis policy store, their vendor clients on one sandbox whose clock the test moves by hand (calls
// progress only when told), and a plain JSON-RPC client that calls tools on any replica.
import { spawnMcpHttp, type McpHttpProcess } from '../reliability/support/mcp-process.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import type { PlacedCall, SandboxClock } from '../../sandbox/types.js';
import type { RateSummary } from '../../sandbox/rates.js';

/** Sandbox time stands still until `advance` moves it: a call's state changes only when the test says. */
export class HandClock implements SandboxClock {
  readonly speed = 1;
  private at = Date.now();
  realNow = () => Date.now();
  now = () => this.at;
  advance(ms: number): void {
    this.at += ms;
  }
}

export async function startClusterSandbox(clock: HandClock): Promise<RunningSandbox> {
  return startSandbox({ port: 0, seed: 14, clock });
}

/** A sandbox in this process or its own: where it listens and the environment that points callbridge at it. */
export type SandboxAddress = Pick<RunningSandbox, 'url' | 'env'>;

export async function sandboxCalls(sandbox: SandboxAddress, operation: string): Promise<PlacedCall[]> {
  const response = await fetch(`${sandbox.url}/_sandbox/calls?operation=${encodeURIComponent(operation)}`);
  return (await response.json()) as PlacedCall[];
}

export async function sandboxRates(sandbox: SandboxAddress): Promise<Record<string, RateSummary>> {
  const response = await fetch(`${sandbox.url}/_sandbox/rates`);
  return (await response.json()) as Record<string, RateSummary>;
}

/** Starts `count` replicas with the same flags on the sandbox's accounts (no in-process sandbox). */
export async function startReplicas(count: number, flags: string[], sandbox: SandboxAddress): Promise<McpHttpProcess[]> {
  const env = { ...sandbox.env, CALLBRIDGE_SANDBOX: 'off' };
  return Promise.all(Array.from({ length: count }, () => spawnMcpHttp(flags, env)));
}

export interface ToolAnswer {
  /** The tool's structured result, when it succeeded. */
  result?: Record<string, unknown>;
  /** The refusal or error details (the second text part of an isError result). */
  error?: { error?: string; rule?: string; message?: string };
  /** The transport failed: no HTTP answer (the replica is gone or went away mid-request). */
  transport?: string;
}

let requestId = 0;

/** One tools/call over stateless Streamable HTTP. */
export async function callTool(url: string, name: string, args: Record<string, unknown>): Promise<ToolAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++requestId, method: 'tools/call', params: { name, arguments: args } }),
    });
  } catch (error) {
    return { transport: causeOf(error) };
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return { transport: causeOf(error) };
  }
  // A plain JSON answer, or one SSE event carrying it.
  const data = /^data: (.+)$/m.exec(text);
  const body = JSON.parse(data ? data[1] : text) as { result?: { isError?: boolean; structuredContent?: Record<string, unknown>; content?: Array<{ text?: string }> }; error?: unknown };
  if (!body.result) throw new Error(`${name}: no result: ${text}`);
  if (body.result.isError) return { error: JSON.parse(body.result.content?.[1]?.text ?? '{}') as ToolAnswer['error'] };
  return { result: body.result.structuredContent };
}

/** "ECONNREFUSED", "ECONNRESET", "UND_ERR_SOCKET"...: why fetch failed. */
function causeOf(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? String(error);
}

/** GET /healthz of a replica's MCP URL: its HTTP status. */
export async function health(url: string): Promise<number> {
  const response = await fetch(new URL('/healthz', url));
  await response.arrayBuffer();
  return response.status;
}

/** Polls until `check` holds (state, never a fixed sleep): each try waits for the previous one's answer. */
export async function until(what: string, check: () => Promise<boolean>, tries = 600): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Distinct mainland mobile numbers as dyvms takes them (no country code): 139 0000 0000 + i. */
export const mobile = (i: number) => `139${String(i).padStart(8, '0')}`;
