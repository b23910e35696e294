import type { AlibabaConfig } from '../core/vendors/alibaba/index.js';
import type { PbxConfig } from '../core/vendors/pbx/index.js';
import type { VolcengineConfig } from '../core/vendors/volcengine/index.js';
import { PBX_API_VERSIONS, pbxApiVersionOf } from '../core/operation.js';
import { CallbridgeError, type Setting } from '../core/errors.js';

export type Env = Record<string, string | undefined>;

/** How CLI and MCP users set each setting core errors name. */
export const SETTING_HELP: Readonly<Record<Setting, string>> = {
  alibabaCredentials: 'Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.',
  volcengineCredentials: 'Set VOLCENGINE_ACCESS_KEY and VOLCENGINE_SECRET_KEY.',
  pbxCredentials: 'Set CALLBRIDGE_PBX_URL, CALLBRIDGE_PBX_USERNAME and CALLBRIDGE_PBX_PASSWORD.',
};

export interface VendorCredentials {
  alibaba?: AlibabaConfig;
  volcengine?: VolcengineConfig;
  pbx?: PbxConfig;
}

const get = (env: Env, ...names: string[]) => names.map((n) => env[n]?.trim()).find((v) => v) || undefined;

function endpoint(env: Env, name: string): string | undefined {
  const value = get(env, name);
  if (!value) return undefined;
  if (!/^https?:\/\/[^/]+/.test(value)) {
    throw new CallbridgeError({ kind: 'config', field: name, message: `${name} must be a full http(s) URL, got "${value}"` });
  }
  return value.endsWith('/') ? value : `${value}/`;
}

/** Reads vendor credentials and endpoint overrides from the vendors' standard environment variables. */
export function credentialsFromEnv(env: Env): VendorCredentials {
  const out: VendorCredentials = {};
  const akId = get(env, 'ALIBABA_CLOUD_ACCESS_KEY_ID');
  const akSecret = get(env, 'ALIBABA_CLOUD_ACCESS_KEY_SECRET');
  if (akId && akSecret) {
    out.alibaba = {
      accessKeyId: akId,
      accessKeySecret: akSecret,
      securityToken: get(env, 'ALIBABA_CLOUD_SECURITY_TOKEN'),
      endpoints: { dyvms: endpoint(env, 'CALLBRIDGE_DYVMS_ENDPOINT'), outboundbot: endpoint(env, 'CALLBRIDGE_OUTBOUNDBOT_ENDPOINT') },
    };
  }
  const volcAk = get(env, 'VOLCENGINE_ACCESS_KEY', 'VOLC_ACCESSKEY');
  const volcSk = get(env, 'VOLCENGINE_SECRET_KEY', 'VOLC_SECRETKEY');
  if (volcAk && volcSk) {
    out.volcengine = {
      accessKeyId: volcAk,
      secretAccessKey: volcSk,
      sessionToken: get(env, 'VOLCENGINE_SESSION_TOKEN'),
      region: get(env, 'CALLBRIDGE_VOLCENGINE_REGION'),
      endpoint: endpoint(env, 'CALLBRIDGE_VOLCENGINE_ENDPOINT'),
    };
  }
  const pbxUrl = get(env, 'CALLBRIDGE_PBX_URL');
  const pbxUser = get(env, 'CALLBRIDGE_PBX_USERNAME');
  const pbxPassword = get(env, 'CALLBRIDGE_PBX_PASSWORD');
  if (pbxUrl && pbxUser && pbxPassword) {
    const versionText = get(env, 'CALLBRIDGE_PBX_API_VERSION');
    const apiVersion = pbxApiVersionOf(versionText);
    if (versionText && !apiVersion) {
      throw new CallbridgeError({
        kind: 'config',
        field: 'CALLBRIDGE_PBX_API_VERSION',
        message: `CALLBRIDGE_PBX_API_VERSION must be one of ${PBX_API_VERSIONS.join(', ')}, got "${versionText}"`,
      });
    }
    out.pbx = {
      baseUrl: pbxUrl,
      username: pbxUser,
      password: pbxPassword,
      apiVersion,
      eventHost: get(env, 'CALLBRIDGE_PBX_EVENT_HOST'),
      eventPort: get(env, 'CALLBRIDGE_PBX_EVENT_PORT'),
    };
  }
  return out;
}
