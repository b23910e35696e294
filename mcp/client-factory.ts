import { readFileSync } from 'node:fs';
import { CallbridgeClient } from '../core/client.js';
import { catalog } from '../core/registry.js';
import type { Transport } from '../core/transport.js';
import type { RunningSandbox } from '../sandbox/server.js';
import { AccountPacer } from './stores/account-pacer.js';
import { credentialsFromEnv, type Env } from './env-config.js';
import { systemRuntime } from './runtime.js';
import { UndiciTransport } from './undici-transport.js';

export interface ClientFactoryOptions {
  env: Env;
  transport?: Transport;
  /** Paces each operation to its documented QPS (default: in this process). */
  pacer?: AccountPacer;
}

/** Builds a client from the environment: vendor credentials, endpoint overrides, PBX TLS options. */
export function createClientFromEnv({ env, transport, pacer }: ClientFactoryOptions): CallbridgeClient {
  return new CallbridgeClient(
    {
      ...credentialsFromEnv(env),
      transport: transport ?? transportFromEnv(env),
      runtime: systemRuntime,
      pacer,
      validateOutput: env.CALLBRIDGE_VALIDATE_OUTPUT === 'true',
    },
    catalog,
  );
}

function transportFromEnv(env: Env): UndiciTransport {
  const pbxUrl = env.CALLBRIDGE_PBX_URL?.trim();
  return new UndiciTransport({
    onPrem: pbxUrl
      ? {
          baseUrl: pbxUrl,
          insecureTls: env.CALLBRIDGE_PBX_INSECURE_TLS === 'true',
          ca: env.CALLBRIDGE_PBX_CA_FILE ? readFileSync(env.CALLBRIDGE_PBX_CA_FILE, 'utf8') : undefined,
        }
      : undefined,
  });
}

/** Every variable that configures a vendor account; when none is set, the in-process sandbox is used. */
export const CREDENTIAL_VARIABLES = [
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'VOLCENGINE_ACCESS_KEY',
  'VOLCENGINE_SECRET_KEY',
  'VOLC_ACCESSKEY',
  'VOLC_SECRETKEY',
  'CALLBRIDGE_PBX_URL',
  'CALLBRIDGE_PBX_USERNAME',
  'CALLBRIDGE_PBX_PASSWORD',
] as const;

export function hasAnyCredentials(env: Env): boolean {
  return CREDENTIAL_VARIABLES.some((name) => (env[name] ?? '').trim() !== '');
}

export interface OpenedClient {
  client: CallbridgeClient;
  /** Set when no credentials were configured and an in-process sandbox serves the requests. */
  sandbox?: RunningSandbox;
  /** The requests go to a sandbox that `callbridge sandbox` runs: its calls are counted apart from real ones. */
  sharedSandbox?: boolean;
  /** The client's pacer; the policy store makes it share a schedule across processes (Redis). */
  pacer?: AccountPacer;
  /** Closes the transport and the sandbox, if any. */
  close(): Promise<void>;
}

export interface OpenClientOptions extends ClientFactoryOptions {
  /** Where the "no real calls are placed" notice goes (default: stderr). */
  notice?: (message: string) => void;
}

export const SANDBOX_NOTICE = 'sandbox: no real calls are placed';

/**
 * The client the CLI and the MCP server use. With no vendor credentials in the environment at all
 * (and CALLBRIDGE_SANDBOX not "off"), it starts an in-process sandbox on a free loopback port, points
 * the client at it and says so. CALLBRIDGE_SANDBOX_SEED / CALLBRIDGE_SANDBOX_SPEED tune that sandbox.
 */
export async function openClientFromEnv(options: OpenClientOptions): Promise<OpenedClient> {
  const { env } = options;
  const notice = options.notice ?? ((message: string) => process.stderr.write(`${message}\n`));
  const transport = options.transport ?? transportFromEnv(env);
  const pacer = options.pacer ?? new AccountPacer(systemRuntime);
  const closeTransport = async () => {
    if (transport instanceof UndiciTransport) await transport.close();
  };
  if (hasAnyCredentials(env) || env.CALLBRIDGE_SANDBOX === 'off') {
    return { client: createClientFromEnv({ env, transport, pacer }), pacer, close: closeTransport };
  }
  const speed = Number(env.CALLBRIDGE_SANDBOX_SPEED ?? 1);
  // Loaded only when needed, so a configured CLI or MCP server starts without the simulator.
  const { startSandbox } = await import('../sandbox/server.js');
  const sandbox = await startSandbox({ port: 0, seed: env.CALLBRIDGE_SANDBOX_SEED ?? Date.now(), speed: speed > 0 ? speed : 1 });
  notice(`${SANDBOX_NOTICE} (no vendor credentials are configured; using an in-process sandbox at ${sandbox.url}).`);
  const client = createClientFromEnv({ env: { ...env, ...sandbox.env }, transport, pacer });
  return {
    client,
    sandbox,
    pacer,
    close: async () => {
      await closeTransport();
      await sandbox.close();
    },
  };
}
