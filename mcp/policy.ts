// What the MCP server and the CLI share about the call policy: the store their settings choose and
// the core pipeline over it. Both read the same settings (flags for the server, the environment and
// config file for both), so both are judged by the same rules and count in the same store.
import { dirname, join } from 'node:path';
import type { CallbridgeClient } from '../core/client.js';
import { Pipeline } from '../core/pipeline.js';
import type { CallEvents } from '../core/call-events.js';
import type { PolicyStore } from '../core/policy/types.js';
import { vendorOf } from '../core/vendors/index.js';
import type { Runtime } from '../core/transport.js';
import type { OpenedClient } from './client-factory.js';
import type { Env } from './env-config.js';
import type { McpConfig } from './guardrails/config.js';
import { policyOf } from './guardrails/policy-settings.js';
import { defaultStorePath, openStore, type OpenedStore } from './stores/open-store.js';

/**
 * Opens the store the settings choose: --store, else --state-file, else SQLite in the state directory
 * (memory with an in-process sandbox; a file of its own with a shared sandbox). With a shared store (Redis) the
 * client's requests then take their turns on one schedule per vendor account with every other process.
 */
export async function openPolicyStore(config: McpConfig, opened: OpenedClient, env: Env, runtime: Runtime): Promise<OpenedStore> {
  const store = await openChosenStore(config, opened, env, runtime);
  const { pacer: pacerFor } = store;
  if (pacerFor && opened.pacer) opened.pacer.share({ pacerFor, scopeOf: (operationId) => pacingScope(opened.client, operationId) });
  return store;
}

function openChosenStore(config: McpConfig, opened: OpenedClient, env: Env, runtime: Runtime): Promise<OpenedStore> {
  const warn = (message: string) => process.stderr.write(`${message}\n`);
  if (config.store) return openStore(config.store, { setting: '--store (CALLBRIDGE_STORE_URL, config "store")', env, runtime, warn });
  if (config.stateFile) return openStore(config.stateFile, { setting: '--state-file', env, runtime, warn });
  // An in-process sandbox's calls end with the process; a shared sandbox's are counted apart, never
  // against the caps of real calls (and a newcomer's sandbox tries never use up a real day's cap).
  if (opened.sandbox) return openStore('memory', { setting: '--store', env, runtime, warn });
  if (opened.sharedSandbox) return openStore(`sqlite:${join(dirname(defaultStorePath(env)), 'sandbox-policy.sqlite')}`, { setting: '--store', env, runtime, warn });
  return openStore(undefined, { setting: '--store', env, runtime, warn });
}

/** The vendor account an operation's QPS belongs to: the vendor and its account id (never a secret). */
function pacingScope(client: CallbridgeClient, operationId: string): string {
  const { product } = client.operation(operationId);
  return `${vendorOf(product)}:${client.accountOf(product)}`;
}

/** The one pipeline every operation of this process runs through. */
export function pipelineFor(config: McpConfig, client: CallbridgeClient, store: PolicyStore, runtime: Runtime, events?: CallEvents): Pipeline {
  return new Pipeline({ client, settings: policyOf(config), store, runtime, pbxApiVersion: client.pbxApiVersion, accountOf: (product) => client.accountOf(product), events });
}
