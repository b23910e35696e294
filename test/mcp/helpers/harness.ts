// An MCP client connected in-process to a callbridge MCP server whose vendor client talks to a
// real sandbox on loopback. The guardrails' clock can be injected (night hours).
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/client';
import { type CallToolResult, type ElicitResult } from '@modelcontextprotocol/client';
import { createClientFromEnv } from '../../../mcp/client-factory.js';
import { resolveConfig, type McpFlags } from '../../../mcp/guardrails/config.js';
import { createServerDeps } from '../../../mcp/server/command.js';
import type { ServerDeps } from '../../../mcp/server/context.js';
import { createMcpServer } from '../../../mcp/server/server.js';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server.js';

export interface Harness {
  sandbox: RunningSandbox;
  mcp: Client;
  deps: ServerDeps;
  /** Calls the sandbox placed (GET /_sandbox/calls). */
  placedCalls(): Promise<Array<Record<string, unknown>>>;
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  flags?: McpFlags;
  env?: Record<string, string>;
  now?: () => number;
  /** Answer MCP elicitation requests (the client then declares the capability). */
  elicit?: (message: string) => ElicitResult;
  sandbox?: RunningSandbox;
  speed?: number;
}

/** 10:00 Beijing time on a weekday: inside the default calling hours. */
export const DAYTIME = Date.parse('2026-03-03T10:00:00+08:00');
/** 03:00 Beijing time. */
export const NIGHT = Date.parse('2026-03-03T03:00:00+08:00');

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sandbox = options.sandbox ?? (await startSandbox({ port: 0, seed: 7, speed: options.speed ?? 600 }));
  const client = createClientFromEnv({ env: sandbox.env });
  const config = resolveConfig(options.flags ?? {}, options.env ?? {});
  let clock = options.now;
  const deps = createServerDeps(config, client, { now: clock ?? (() => Date.now()) });
  const server = createMcpServer(deps);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const mcp = new Client({ name: 'harness', version: '1' }, { capabilities: options.elicit ? { elicitation: {} } : {} });
  if (options.elicit) {
    const answer = options.elicit;
    mcp.setRequestHandler('elicitation/create', async (request) => answer(String(request.params.message)));
  }
  await Promise.all([server.connect(serverSide), mcp.connect(clientSide)]);
  return {
    sandbox,
    mcp,
    deps,
    async placedCalls() {
      const res = await fetch(`${sandbox.url}/_sandbox/calls`);
      return (await res.json()) as Array<Record<string, unknown>>;
    },
    call: (name, args) => mcp.callTool({ name, arguments: args }) as Promise<CallToolResult>,
    async close() {
      clock = undefined;
      await mcp.close();
      await server.close();
      if (!options.sandbox) await sandbox.close();
    },
  };
}

/** The text of a result's first content item. */
export function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first && first.type === 'text' ? first.text : '';
}

/** The JSON details block of an error result. */
export function errorDetails(result: CallToolResult): Record<string, unknown> {
  const second = result.content[1];
  return second && second.type === 'text' ? (JSON.parse(second.text) as Record<string, unknown>) : {};
}

import { createHash } from 'node:crypto';
import { DEFAULT_ACCOUNTS } from '../../../sandbox/accounts.js';

/** Every secret of the sandbox accounts (and the PBX password's MD5, which is what goes on the wire). */
export const SECRETS = [
  DEFAULT_ACCOUNTS.alibaba.accessKeySecret,
  DEFAULT_ACCOUNTS.volcengine.secretKey,
  DEFAULT_ACCOUNTS.pbx.password,
  createHash('md5').update(DEFAULT_ACCOUNTS.pbx.password).digest('hex'),
];

/** Fails if any secret appears anywhere in the value's JSON. */
export function expectNoSecrets(value: unknown): void {
  const text = JSON.stringify(value);
  for (const secret of SECRETS) {
    if (text.includes(secret)) throw new Error(`a secret appeared in tool output: ...${text.slice(Math.max(0, text.indexOf(secret) - 80), text.indexOf(secret) + 40)}...`);
  }
}
