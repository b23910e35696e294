import type { Accounts } from './types.js';

/** The accounts the sandbox accepts when the environment names none. */
export const DEFAULT_ACCOUNTS: Accounts = {
  alibaba: { accessKeyId: 'sandbox-ak', accessKeySecret: 'sandbox-secret' },
  volcengine: { accessKey: 'sandbox-volc-ak', secretKey: 'sandbox-volc-sk' },
  pbx: { username: 'sandbox', password: 'sandbox-password' },
};

type Env = Record<string, string | undefined>;
const get = (env: Env, ...names: string[]) => names.map((n) => env[n]?.trim()).find((v) => v) || undefined;

/** Accounts from the same variables the client reads, each falling back to its default. */
export function accountsFromEnv(env: Env = {}): Accounts {
  return {
    alibaba: {
      accessKeyId: get(env, 'ALIBABA_CLOUD_ACCESS_KEY_ID') ?? DEFAULT_ACCOUNTS.alibaba.accessKeyId,
      accessKeySecret: get(env, 'ALIBABA_CLOUD_ACCESS_KEY_SECRET') ?? DEFAULT_ACCOUNTS.alibaba.accessKeySecret,
    },
    volcengine: {
      accessKey: get(env, 'VOLCENGINE_ACCESS_KEY', 'VOLC_ACCESSKEY') ?? DEFAULT_ACCOUNTS.volcengine.accessKey,
      secretKey: get(env, 'VOLCENGINE_SECRET_KEY', 'VOLC_SECRETKEY') ?? DEFAULT_ACCOUNTS.volcengine.secretKey,
    },
    pbx: {
      username: get(env, 'CALLBRIDGE_PBX_USERNAME') ?? DEFAULT_ACCOUNTS.pbx.username,
      password: get(env, 'CALLBRIDGE_PBX_PASSWORD') ?? DEFAULT_ACCOUNTS.pbx.password,
    },
  };
}

/** The environment that points callbridge (CLI, MCP server, n8n credentials) at a sandbox. */
export function sandboxEnv(baseUrl: string, accounts: Accounts): Record<string, string> {
  return {
    CALLBRIDGE_DYVMS_ENDPOINT: `${baseUrl}/dyvms/`,
    CALLBRIDGE_OUTBOUNDBOT_ENDPOINT: `${baseUrl}/outboundbot/`,
    CALLBRIDGE_VOLCENGINE_ENDPOINT: `${baseUrl}/volcengine/`,
    CALLBRIDGE_PBX_URL: `${baseUrl}/pbx`,
    ALIBABA_CLOUD_ACCESS_KEY_ID: accounts.alibaba.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: accounts.alibaba.accessKeySecret,
    VOLCENGINE_ACCESS_KEY: accounts.volcengine.accessKey,
    VOLCENGINE_SECRET_KEY: accounts.volcengine.secretKey,
    CALLBRIDGE_PBX_USERNAME: accounts.pbx.username,
    CALLBRIDGE_PBX_PASSWORD: accounts.pbx.password,
  };
}
