// The server's (and the CLI's) configuration as the core policy takes it, and how a refusal's
// front-end-neutral setting name reads for users of flags, environment and config file.
import { DEFAULT_REGIONS, type PolicySettings, type PolicySettingName } from '../../core/policy/settings.js';
import { SETTING_NAMES, settingHint, type McpConfig, type SettingName } from './config.js';

export function policyOf(config: McpConfig): PolicySettings {
  return {
    readOnly: config.readOnly,
    allowCalls: config.allowCalls,
    confirm: config.confirm,
    allowNumbers: config.allowNumbers,
    denyNumbers: config.denyNumbers,
    callingHours: config.callingHours,
    timezone: config.timezone,
    numberTimezones: config.numberTimezones,
    limits: { ...config.caps, maxConcurrentCalls: config.maxConcurrentCalls, callMaxMs: config.callMaxSeconds * 1000 },
    allowUnknownCallees: config.allowUnknownCallees,
    regions: { ...DEFAULT_REGIONS, pbx: config.pbxRegion },
    pbxDialPrefixes: config.pbxDialPrefixes,
  };
}

const HINT_OF: Record<PolicySettingName, SettingName> = {
  readOnly: 'readOnly',
  allowCalls: 'allowCalls',
  confirm: 'confirm',
  allowNumbers: 'allowNumbers',
  denyNumbers: 'denyNumbers',
  callingHours: 'callingHours',
  timezone: 'timezone',
  perNumberPerHour: 'perNumberPerHour',
  perNumberPerDay: 'perNumberPerDay',
  perHour: 'perHour',
  perDay: 'perDay',
  maxConcurrentCalls: 'maxConcurrentCalls',
  callMaxSeconds: 'callMaxSeconds',
  allowUnknownCallees: 'allowUnknownCallees',
  pbxDialPrefixes: 'pbxDialPrefixes',
};

/** Flag, environment variable and config-file key of a policy setting. */
export function policySettingNames(name: PolicySettingName): readonly [string, string, string] {
  return SETTING_NAMES[HINT_OF[name]];
}

/** "--allow-calls (environment CALLBRIDGE_MCP_ALLOW_CALLS, config file "allowCalls")" */
export function policySettingHint(name: PolicySettingName): string {
  return settingHint(HINT_OF[name]);
}
