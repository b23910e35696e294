// The client a CLI command runs operations with. With vendor credentials: the vendors. Without any:
// the sandbox that `callbridge sandbox` keeps running on the default address, so calls and tasks
// last across commands; only when none runs, an in-process sandbox whose state ends with the command.
import type { CallbridgeClient } from '../../core/client.js';
import { CallbridgeError } from '../../core/errors.js';
import type { Pipeline } from '../../core/pipeline.js';
import { hasAnyCredentials, openClientFromEnv, SANDBOX_NOTICE, type OpenedClient } from '../client-factory.js';
import type { Env } from '../env-config.js';
import { resolveConfig } from '../guardrails/config.js';
import { openPolicyStore, pipelineFor } from '../policy.js';
import { systemRuntime } from '../runtime.js';

export interface Session {
  client: CallbridgeClient;
  /** Every operation the command runs goes through it: the same rules and store as `callbridge mcp`. */
  pipeline: Pipeline;
  close(): Promise<void>;
}

/**
 * The CLI reads the MCP server's settings from the environment (CALLBRIDGE_MCP_*) and its config file
 * (CALLBRIDGE_MCP_CONFIG). Where the operator set nothing, a person typed the command: billed calls are
 * on, unconfirmed, at any hour. Numbers, caps and the emergency block apply as everywhere.
 */
const CLI_DEFAULTS = { allowCalls: true, confirm: false, callingHours: false } as const;

async function withPolicy(env: Env, opened: OpenedClient): Promise<Session> {
  const config = resolveConfig({}, env, undefined, CLI_DEFAULTS);
  const store = await openPolicyStore(config, opened, env, systemRuntime);
  return {
    client: opened.client,
    pipeline: pipelineFor(config, opened.client, store.store, systemRuntime, store.events),
    async close() {
      await store.close();
      await opened.close();
    },
  };
}

/** Where `callbridge sandbox` listens by default, and where commands look for it. */
export const DEFAULT_SANDBOX_PORT = 8790;
export const DEFAULT_SANDBOX_URL = `http://127.0.0.1:${DEFAULT_SANDBOX_PORT}`;

/** The address where a running `callbridge sandbox` is looked for (CALLBRIDGE_SANDBOX_URL, default port 8790). */
function sharedSandboxUrl(env: Env): string {
  const url = (env.CALLBRIDGE_SANDBOX_URL ?? '').trim() || DEFAULT_SANDBOX_URL;
  if (!/^https?:\/\/[^/]+\/?$/.test(url)) {
    throw new CallbridgeError({ kind: 'config', field: 'CALLBRIDGE_SANDBOX_URL', message: `CALLBRIDGE_SANDBOX_URL must be an http(s) address such as ${DEFAULT_SANDBOX_URL}, got "${url}"` });
  }
  return url.replace(/\/$/, '');
}

/** Whether a callbridge sandbox answers at `url` (its health route), within a second. */
async function sandboxAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/_sandbox/health`, { signal: AbortSignal.timeout(1000) });
    const body: unknown = await response.json();
    return response.ok && body instanceof Object && 'ok' in body && body.ok === true;
  } catch {
    return false;
  }
}

/** Clients opened by this process: error messages printed at exit are redacted with their secrets. */
const opened: CallbridgeClient[] = [];

export function redactSecrets(text: string): string {
  return opened.reduce((out, client) => client.redact(out), text);
}

const notice = (message: string) => process.stderr.write(`${message}\n`);

/** Runs `work` with a session (notices on stderr) and closes it afterwards. */
export async function withSession<T>(env: Env, work: (session: Session) => Promise<T>): Promise<T> {
  const session = await openSession(env);
  opened.push(session.client);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}

async function openSession(env: Env): Promise<Session> {
  return withPolicy(env, await openClient(env));
}

async function openClient(env: Env): Promise<OpenedClient> {
  if (hasAnyCredentials(env) || env.CALLBRIDGE_SANDBOX === 'off') return openClientFromEnv({ env, notice });
  const url = sharedSandboxUrl(env);
  if (await sandboxAnswers(url)) {
    const { accountsFromEnv, sandboxEnv } = await import('../../sandbox/accounts.js');
    notice(`${SANDBOX_NOTICE} (no vendor credentials are configured; using the sandbox running at ${url}, started by \`callbridge sandbox\`).`);
    return { ...(await openClientFromEnv({ env: { ...env, ...sandboxEnv(url, accountsFromEnv(env)) }, notice })), sharedSandbox: true };
  }
  return openClientFromEnv({
    env,
    notice: () =>
      notice(
        `${SANDBOX_NOTICE} (no vendor credentials are configured and no sandbox runs at ${url}; using an in-process sandbox whose calls and tasks end with this command. ` +
          'To keep them across commands, run `callbridge sandbox` in another terminal.)',
      ),
  });
}
