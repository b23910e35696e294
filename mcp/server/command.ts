// `callbridge mcp`: the MCP server over stdio (default) or stateless Streamable HTTP (--http).
import { parseArgs } from 'node:util';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { LocalCallEvents, type CallEvents } from '../../core/call-events.js';
import type { CallbridgeClient } from '../../core/client.js';
import type { Runtime } from '../../core/transport.js';
import type { OpenedClient } from '../client-factory.js';
import type { Env } from '../env-config.js';
import { MCP_FLAGS, resolveConfig, settingHint, type McpConfig } from '../guardrails/config.js';
import { CallbridgeError } from '../../core/errors.js';
import { MemoryStore } from '../../core/policy/memory-store.js';
import type { PolicyStore } from '../../core/policy/types.js';
import { openPolicyStore, pipelineFor } from '../policy.js';
import { systemRuntime } from '../runtime.js';
import type { PaceSlotTaker } from './coordination.js';
import type { ServerDeps } from './context.js';
import { confirmationSigner } from './confirmation.js';
import { selectTools } from '../tools/toolsets.js';
import { checkOperationMap, createMcpServer } from './server.js';
import { toolListEntries } from './tool-list.js';

export const MCP_USAGE = `callbridge mcp — MCP server (tools for AI agents) with guardrails

Usage:
  callbridge mcp [options]                 stdio (for Claude Desktop, Cursor, VS Code...)
  callbridge mcp --http [--port 3030]      stateless Streamable HTTP on 127.0.0.1

Transport:   --http  --port N  --host H  --token T (or CALLBRIDGE_MCP_TOKEN; required off loopback)
             --allowed-origins a,b  --max-body-bytes N  --public-url https://host/mcp
             --oauth-issuer https://issuer  --oauth-audience A   (OAuth 2.1 access tokens, scopes
             calls:read, tasks:write, calls:place)
             --confirm-key K (or CALLBRIDGE_MCP_CONFIRM_KEY; signs confirmations; required with
             --http when billed calls are confirmed; the same on every replica)
Tools:       --toolsets calls,tasks,catalog   --read-only
Guardrails:  --allow-calls  --no-confirm  --dry-run
             --allow-numbers '138*,+8613*'  --deny-numbers '170*'
             --calling-hours 09:00-20:00  --timezone Asia/Shanghai
             --max-per-number-per-hour 2  --max-per-number-per-day 5
             --max-calls-per-hour 50  --max-calls-per-day 200  --max-concurrent-calls 5
             --call-max-seconds 900  --allow-unknown-callees
             --pbx-dial-prefixes 9,0  --pbx-region CN
Tasks:       --task-poll-seconds 5   (a call or campaign followed as an MCP task asks the vendor at most
             this often; a receipt on POST /receipts/<vendor> completes a call's task at once)
State:       --store memory | sqlite:<path> | <path> | redis://host:port[?prefix=name] (default: SQLite in $XDG_STATE_HOME/callbridge;
             memory with the in-process sandbox); --state-file <path> is an alias of --store
Defaults:    --outboundbot-instance ID  --volcengine-pool NP...
Config:      --config file.json (or CALLBRIDGE_MCP_CONFIG); every flag also has a CALLBRIDGE_MCP_* variable.
             Precedence: flags > environment > config file > defaults. Reference: docs/mcp.md`;

export interface ServerSetup {
  env: Env;
  /** Opens the vendor client: real credentials, or an in-process sandbox when none are configured. */
  openClient: (env: Env) => Promise<OpenedClient>;
  /** Time and randomness (tests inject a clock at night hours). */
  runtime?: Runtime;
}

/** Checks the tool lists and operation map, then wires client, policy store and pipeline together. */
export function createServerDeps(
  config: McpConfig,
  client: CallbridgeClient,
  options: {
    runtime?: Runtime;
    /** The policy's clock (tests inject night hours). */
    now?: () => number;
    /** Default: in memory. */
    store?: PolicyStore;
    /** The vendor client talks to a sandbox inside this process. */
    inProcessSandbox?: boolean;
    /** "Call ended" across the deployment (Redis) or this process; default: this process. */
    events?: CallEvents;
    /** Store reachability for GET /healthz. */
    storeHealth?: () => Promise<string | undefined>;
    /** Shared pacing slots for POST /coordination/pace (Redis only). */
    takePaceSlot?: PaceSlotTaker;
  } = {},
): ServerDeps {
  checkOperationMap();
  // The tools checked at startup; their tools/list entries (JSON Schemas) are built now, once, not by the first request.
  toolListEntries(selectTools(config.toolsets, config.readOnly));
  const runtime = options.runtime ?? systemRuntime;
  const policyClock: Runtime = options.now ? { ...runtime, now: options.now } : runtime;
  const store = options.store ?? new MemoryStore(policyClock);
  const pipeline = pipelineFor(config, client, store, policyClock, options.events ?? new LocalCallEvents());
  return {
    client,
    config,
    pipeline,
    runtime,
    store,
    signer: confirmationSigner(config.confirmKey),
    inProcessSandbox: options.inProcessSandbox,
    storeHealth: options.storeHealth,
    takePaceSlot: options.takePaceSlot,
  };
}

function describeConfig(config: McpConfig, store: string): string {
  const caps = config.caps;
  const f = (n: number) => (Number.isFinite(n) ? String(n) : 'unlimited');
  const tools = selectTools(config.toolsets, config.readOnly).map((t) => t.name);
  return [
    `callbridge MCP server: ${tools.length} tools (${config.toolsets.join(', ')}${config.readOnly ? ', read-only' : ''})`,
    `  billed calls: ${config.readOnly ? 'off (read-only)' : config.allowCalls ? `on${config.confirm ? ', each confirmed by the user' : ', without confirmation (--no-confirm)'}` : 'off (--allow-calls to enable)'}${config.dryRun ? '; DRY RUN: nothing is sent' : ''}`,
    `  numbers: allow ${config.allowNumbers === undefined ? 'any' : config.allowNumbers.length ? config.allowNumbers.join(', ') : 'nobody (empty list)'}; deny ${config.denyNumbers.length ? config.denyNumbers.join(', ') : 'none'} (+ emergency numbers)`,
    `  calling hours: ${config.callingHours ? `${config.callingHours.text} ${config.timezone}` : 'any time'}`,
    `  caps: ${f(caps.perNumberPerHour)}/number/hour, ${f(caps.perNumberPerDay)}/number/day, ${f(caps.perHour)}/hour, ${f(caps.perDay)}/day, ${f(config.maxConcurrentCalls)} at once`,
    `  policy store: ${store}`,
  ].join('\n');
}

/**
 * Over HTTP a billed call is confirmed through a signed state that any replica may receive: the key must
 * be a setting every replica shares, never one made up by this process.
 */
export function checkConfirmKey(config: McpConfig): void {
  if (config.confirmKey !== undefined && config.confirmKey.length < 32) {
    throw new CallbridgeError({ kind: 'config', field: 'confirmKey', message: `the confirmation key must be at least 32 characters (${settingHint('confirmKey')}).` });
  }
  const confirms = config.allowCalls && config.confirm && !config.readOnly && !config.dryRun;
  if (config.http && confirms && config.confirmKey === undefined) {
    throw new CallbridgeError({
      kind: 'config',
      field: 'confirmKey',
      message: `billed calls over HTTP are confirmed with a signed state that every replica must check: set ${settingHint('confirmKey')} to a random secret of at least 32 characters, the same on every replica (or turn confirmation off with --no-confirm).`,
    });
  }
}

/** Runs until the transport closes (stdio) or the process is stopped (HTTP). */
export async function runMcp(argv: string[], setup: ServerSetup): Promise<number> {
  const { values } = parseArgs({ args: argv, options: MCP_FLAGS, allowPositionals: false, strict: true });
  if (values.help) {
    console.log(MCP_USAGE);
    return 0;
  }
  const config = resolveConfig(values, setup.env);
  // The HTTP server (node:http, OAuth) is loaded only with --http: stdio starts without it.
  const http = config.http ? await import('./http.js') : undefined;
  http?.checkHttpOptions(config); // before anything starts
  checkConfirmKey(config);
  const opened = await setup.openClient(setup.env);
  const runtime = setup.runtime ?? systemRuntime;
  const openedStore = await openPolicyStore(config, opened, setup.env, runtime);
  const deps = createServerDeps(config, opened.client, {
    runtime,
    store: openedStore.store,
    inProcessSandbox: opened.sandbox !== undefined,
    events: openedStore.events,
    storeHealth: () => openedStore.unreachable(),
    takePaceSlot: openedStore.takePaceSlot,
  });
  const log = (text: string) => process.stderr.write(`${text}\n`);

  if (http) {
    const server = await http.startHttpServer(deps, config);
    log(`${describeConfig(config, openedStore.description)}\n  listening on ${server.url} (stateless Streamable HTTP${config.token ? ', bearer token required' : ''}${config.oauthIssuer ? `, OAuth access tokens of ${config.oauthIssuer}` : ''})`);
    await new Promise<void>((resolve) => {
      const stop = () => void server.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await opened.close();
    await openedStore.close();
    return 0;
  }

  const closed = new Promise<void>((resolve) => process.stdin.once('end', () => resolve()));
  const stdio = serveStdio(({ era }) => createMcpServer(deps, undefined, { era, transport: 'stdio' }));
  log(`${describeConfig(config, openedStore.description)}\n  speaking MCP on stdio`);
  await closed;
  await stdio.close();
  await opened.close();
  await openedStore.close();
  return 0;
}
