import { CallbridgeClient } from '../core/client.js';
import { catalog } from '../core/registry.js';
import type { Transport } from '../core/transport.js';
import { credentialsFromEnv, type Env } from './env-config.js';
import { systemRuntime } from './runtime.js';
import { UndiciTransport } from './undici-transport.js';

export interface ClientFactoryOptions {
  env: Env;
  transport?: Transport;
}

/** Builds a client from the environment: vendor credentials, endpoint overrides, PBX TLS options. */
export function createClientFromEnv({ env, transport }: ClientFactoryOptions): CallbridgeClient {
  const credentials = credentialsFromEnv(env);
  return new CallbridgeClient(
    {
      ...credentials,
      transport:
        transport ??
        new UndiciTransport({
          insecureTls: env.CALLBRIDGE_PBX_INSECURE_TLS === 'true',
          ca: env.CALLBRIDGE_PBX_CA_FILE ? readCa(env.CALLBRIDGE_PBX_CA_FILE) : undefined,
        }),
      runtime: systemRuntime,
    },
    catalog,
  );
}

import { readFileSync } from 'node:fs';
function readCa(path: string): string {
  return readFileSync(path, 'utf8');
}
