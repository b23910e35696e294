// The settings the vendor-neutral actions take, from the same environment variables the MCP server reads.
import type { ProviderSettings } from '../../core/providers/index.js';
import { SETTING_NAMES } from '../guardrails/config.js';
import type { Env } from '../env-config.js';
import { systemRuntime } from '../runtime.js';

export function cliSettings(env: Env): ProviderSettings {
  const envName = (name: 'outboundbotInstanceId' | 'volcengineNumberPool') => SETTING_NAMES[name][1];
  return {
    now: () => systemRuntime.now(),
    nonce: () => systemRuntime.nonce(),
    outboundbotInstanceId: env[envName('outboundbotInstanceId')]?.trim() || undefined,
    volcengineNumberPool: env[envName('volcengineNumberPool')]?.trim() || undefined,
    settingHint: (name) => `the environment variable ${envName(name)}`,
  };
}
