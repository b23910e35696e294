// MCP server configuration: command-line flags > environment (CALLBRIDGE_MCP_*) > JSON config file
// (--config / CALLBRIDGE_MCP_CONFIG) > defaults. Documented in docs/mcp.md.
import type { CountryCode } from 'libphonenumber-js';
import { CallbridgeError } from '../../core/errors.js';
import { checkDialPrefix, checkPattern, checkRegion, checkTimezone, parseCallingHours } from '../../core/policy/setting-text.js';
import type { Env } from '../env-config.js';
import { readConfigFile, TOOLSET_NAMES, type McpConfigFile, type ToolsetName } from './config-file.js';

export { checkTimezone, parseCallingHours, readConfigFile, TOOLSET_NAMES, type McpConfigFile, type ToolsetName };

export interface CallingHours {
  /** Minutes after midnight, inclusive. */
  start: number;
  /** Minutes after midnight, exclusive; may be below start (window over midnight). */
  end: number;
  text: string;
}

export interface Caps {
  perNumberPerHour: number;
  perNumberPerDay: number;
  perHour: number;
  perDay: number;
}

export interface McpConfig {
  // transports
  http: boolean;
  host: string;
  port: number;
  token?: string;
  allowedOrigins: string[];
  maxBodyBytes: number;
  /** Signs confirmation states (HMAC): every replica must share it. */
  confirmKey?: string;
  /** OAuth 2.1: access tokens are JWTs from this issuer (its JWKS found by discovery). */
  oauthIssuer?: string;
  /** OAuth 2.1: the audience tokens must name (default: the public URL of the MCP endpoint). */
  oauthAudience?: string;
  /** The URL clients reach the MCP endpoint at (the OAuth resource; default http://host:port/mcp). */
  publicUrl?: string;
  // tool selection
  toolsets: ToolsetName[];
  readOnly: boolean;
  // guardrails
  allowCalls: boolean;
  confirm: boolean;
  dryRun: boolean;
  /** undefined: any number; []: nobody. */
  allowNumbers?: string[];
  denyNumbers: string[];
  /** Allow requests that dial people they do not name (rosters by file, All=true, tasks filled elsewhere). */
  allowUnknownCallees: boolean;
  /** PBX outbound dial prefixes, stripped before a number is read. */
  pbxDialPrefixes: string[];
  /** Region of PBX numbers written without a country code (ISO 3166 code). */
  pbxRegion: CountryCode;
  /** Where caps, call tracking and tasks live: memory, sqlite:<path> (or a path), redis://… */
  store?: string;
  /** null = no calling-hours rule. */
  callingHours: CallingHours | null;
  timezone: string;
  /** Number pattern -> IANA time zone of callees matching it (first match wins; default `timezone`). */
  numberTimezones: Array<{ pattern: string; timezone: string }>;
  caps: Caps;
  maxConcurrentCalls: number;
  /** A billed call counts as in progress until its result is final or this many seconds passed. */
  callMaxSeconds: number;
  /** An MCP task (a followed call or campaign) asks the vendor at most once per this many seconds (receipts end it sooner). */
  taskPollSeconds: number;
  /** Persist call counts and task callees across restarts. */
  stateFile?: string;
  /** Default Outbound Bot instance for IDs given without "<instance>:" prefix. */
  outboundbotInstanceId?: string;
  /** Default Volcengine number pool (caller numbers) for place_call and create_call_task. */
  volcengineNumberPool?: string;
  /** Where the settings came from, for the startup banner. */
  configFile?: string;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 3030,
  maxBodyBytes: 1_048_576,
  callingHours: '09:00-20:00',
  timezone: 'Asia/Shanghai',
  caps: { perNumberPerHour: 2, perNumberPerDay: 5, perHour: 50, perDay: 200 } satisfies Caps,
  maxConcurrentCalls: 5,
  callMaxSeconds: 900,
  taskPollSeconds: 5,
} as const;

/** Command-line flags of `callbridge mcp` (util.parseArgs form). */
export const MCP_FLAGS = {
  http: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  token: { type: 'string' },
  'allowed-origins': { type: 'string' },
  'max-body-bytes': { type: 'string' },
  'confirm-key': { type: 'string' },
  'oauth-issuer': { type: 'string' },
  'oauth-audience': { type: 'string' },
  'public-url': { type: 'string' },
  toolsets: { type: 'string' },
  'read-only': { type: 'boolean' },
  'allow-calls': { type: 'boolean' },
  'no-confirm': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'allow-numbers': { type: 'string' },
  'deny-numbers': { type: 'string' },
  'calling-hours': { type: 'string' },
  timezone: { type: 'string' },
  'max-per-number-per-hour': { type: 'string' },
  'max-per-number-per-day': { type: 'string' },
  'max-calls-per-hour': { type: 'string' },
  'max-calls-per-day': { type: 'string' },
  'max-concurrent-calls': { type: 'string' },
  'call-max-seconds': { type: 'string' },
  'task-poll-seconds': { type: 'string' },
  'state-file': { type: 'string' },
  store: { type: 'string' },
  'allow-unknown-callees': { type: 'boolean' },
  'pbx-dial-prefixes': { type: 'string' },
  'pbx-region': { type: 'string' },
  'outboundbot-instance': { type: 'string' },
  'volcengine-pool': { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type McpFlags = Partial<Record<keyof typeof MCP_FLAGS, string | boolean>>;

/** Flag -> environment variable -> config-file key, for every setting (also used in refusal messages). */
export const SETTING_NAMES = {
  host: ['--host', 'CALLBRIDGE_MCP_HOST', 'host'],
  port: ['--port', 'CALLBRIDGE_MCP_PORT', 'port'],
  token: ['--token', 'CALLBRIDGE_MCP_TOKEN', 'token'],
  allowedOrigins: ['--allowed-origins', 'CALLBRIDGE_MCP_ALLOWED_ORIGINS', 'allowedOrigins'],
  maxBodyBytes: ['--max-body-bytes', 'CALLBRIDGE_MCP_MAX_BODY_BYTES', 'maxBodyBytes'],
  confirmKey: ['--confirm-key', 'CALLBRIDGE_MCP_CONFIRM_KEY', 'confirmKey'],
  oauthIssuer: ['--oauth-issuer', 'CALLBRIDGE_MCP_OAUTH_ISSUER', 'oauthIssuer'],
  oauthAudience: ['--oauth-audience', 'CALLBRIDGE_MCP_OAUTH_AUDIENCE', 'oauthAudience'],
  publicUrl: ['--public-url', 'CALLBRIDGE_MCP_PUBLIC_URL', 'publicUrl'],
  toolsets: ['--toolsets', 'CALLBRIDGE_MCP_TOOLSETS', 'toolsets'],
  readOnly: ['--read-only', 'CALLBRIDGE_MCP_READ_ONLY', 'readOnly'],
  allowCalls: ['--allow-calls', 'CALLBRIDGE_MCP_ALLOW_CALLS', 'allowCalls'],
  confirm: ['--no-confirm', 'CALLBRIDGE_MCP_CONFIRM=false', 'confirm: false'],
  dryRun: ['--dry-run', 'CALLBRIDGE_MCP_DRY_RUN', 'dryRun'],
  allowNumbers: ['--allow-numbers', 'CALLBRIDGE_MCP_ALLOW_NUMBERS', 'allowNumbers'],
  denyNumbers: ['--deny-numbers', 'CALLBRIDGE_MCP_DENY_NUMBERS', 'denyNumbers'],
  callingHours: ['--calling-hours', 'CALLBRIDGE_MCP_CALLING_HOURS', 'callingHours'],
  timezone: ['--timezone', 'CALLBRIDGE_MCP_TIMEZONE', 'timezone'],
  perNumberPerHour: ['--max-per-number-per-hour', 'CALLBRIDGE_MCP_MAX_PER_NUMBER_PER_HOUR', 'caps.perNumberPerHour'],
  perNumberPerDay: ['--max-per-number-per-day', 'CALLBRIDGE_MCP_MAX_PER_NUMBER_PER_DAY', 'caps.perNumberPerDay'],
  perHour: ['--max-calls-per-hour', 'CALLBRIDGE_MCP_MAX_CALLS_PER_HOUR', 'caps.perHour'],
  perDay: ['--max-calls-per-day', 'CALLBRIDGE_MCP_MAX_CALLS_PER_DAY', 'caps.perDay'],
  maxConcurrentCalls: ['--max-concurrent-calls', 'CALLBRIDGE_MCP_MAX_CONCURRENT_CALLS', 'maxConcurrentCalls'],
  callMaxSeconds: ['--call-max-seconds', 'CALLBRIDGE_MCP_CALL_MAX_SECONDS', 'callMaxSeconds'],
  taskPollSeconds: ['--task-poll-seconds', 'CALLBRIDGE_MCP_TASK_POLL_SECONDS', 'taskPollSeconds'],
  stateFile: ['--state-file', 'CALLBRIDGE_MCP_STATE_FILE', 'stateFile'],
  store: ['--store', 'CALLBRIDGE_STORE_URL', 'store'],
  allowUnknownCallees: ['--allow-unknown-callees', 'CALLBRIDGE_MCP_ALLOW_UNKNOWN_CALLEES', 'allowUnknownCallees'],
  pbxDialPrefixes: ['--pbx-dial-prefixes', 'CALLBRIDGE_PBX_DIAL_PREFIXES', 'pbxDialPrefixes'],
  pbxRegion: ['--pbx-region', 'CALLBRIDGE_PBX_REGION', 'pbxRegion'],
  outboundbotInstanceId: ['--outboundbot-instance', 'CALLBRIDGE_OUTBOUNDBOT_INSTANCE_ID', 'outboundbotInstanceId'],
  volcengineNumberPool: ['--volcengine-pool', 'CALLBRIDGE_VOLCENGINE_NUMBER_POOL', 'volcengineNumberPool'],
} as const;

export type SettingName = keyof typeof SETTING_NAMES;

/** "--flag (env VAR, config key)" */
export function settingHint(name: SettingName): string {
  const [flag, env, key] = SETTING_NAMES[name];
  return `${flag} (environment ${env}, config file "${key}")`;
}


function configError(field: string, message: string): CallbridgeError {
  return new CallbridgeError({ kind: 'config', field, message });
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function bool(name: string, value: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw configError(name, `${name} must be true or false, got "${value}"`);
}

function cap(name: string, value: string | number): number {
  if (value === 'unlimited' || value === 'off') return Number.POSITIVE_INFINITY;
  const n = typeof value === 'number' ? value : /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 0) throw configError(name, `${name} must be a whole number or "unlimited", got "${value}"`);
  return n;
}

function intSetting(name: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw configError(name, `${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

function checkToolsets(values: string[], name: string): ToolsetName[] {
  if (values.length === 1 && values[0] === 'all') return [...TOOLSET_NAMES];
  for (const v of values) {
    if (!TOOLSET_NAMES.includes(v as ToolsetName)) throw configError(name, `${name}: unknown toolset "${v}"; choose from ${TOOLSET_NAMES.join(', ')} (or "all")`);
  }
  if (!values.length) throw configError(name, `${name}: list at least one toolset (${TOOLSET_NAMES.join(', ')})`);
  return values as ToolsetName[];
}




/** Defaults a front end may set otherwise (the CLI: a person typed the command, so calls are on and unconfirmed). */
export interface FrontEndDefaults {
  allowCalls?: boolean;
  confirm?: boolean;
  callingHours?: string | false;
}

/** Merges flags, environment, config file and defaults into a checked configuration. */
export function resolveConfig(flags: McpFlags, env: Env, readFile: (path: string) => McpConfigFile = readConfigFile, defaults: FrontEndDefaults = {}): McpConfig {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const e = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const configFile = str(flags.config) ?? e('CALLBRIDGE_MCP_CONFIG');
  const file: McpConfigFile = configFile ? readFile(configFile) : {};

  // One setting: flag, else env, else file, else default.
  function pick<T>(name: SettingName, fromFlag: T | undefined, fromEnv: (v: string) => T, fromFile: T | undefined, fallback: T): T {
    if (fromFlag !== undefined) return fromFlag;
    const envValue = e(SETTING_NAMES[name][1].replace(/=.*$/, ''));
    if (envValue !== undefined) return fromEnv(envValue);
    return fromFile !== undefined ? fromFile : fallback;
  }
  const flagBool = (v: unknown) => (v === true ? true : undefined);

  const host = pick('host', str(flags.host), (v) => v, file.host, DEFAULTS.host);
  const port = pick('port', str(flags.port) !== undefined ? intSetting('--port', str(flags.port) as string, 0, 65535) : undefined, (v) => intSetting('CALLBRIDGE_MCP_PORT', v, 0, 65535), file.port, DEFAULTS.port);
  const toolsets = pick(
    'toolsets',
    str(flags.toolsets) !== undefined ? checkToolsets(list(str(flags.toolsets) as string), '--toolsets') : undefined,
    (v) => checkToolsets(list(v), 'CALLBRIDGE_MCP_TOOLSETS'),
    file.toolsets,
    [...TOOLSET_NAMES],
  );
  const capSetting = (name: 'perNumberPerHour' | 'perNumberPerDay' | 'perHour' | 'perDay', flag: keyof typeof MCP_FLAGS) =>
    pick(
      name,
      str(flags[flag]) !== undefined ? cap(`--${flag}`, str(flags[flag]) as string) : undefined,
      (v) => cap(SETTING_NAMES[name][1], v),
      file.caps?.[name] !== undefined ? cap(`caps.${name}`, file.caps[name] as number | string) : undefined,
      DEFAULTS.caps[name],
    );
  const callingHoursText = pick<string | false>('callingHours', str(flags['calling-hours']), (v) => v, file.callingHours, defaults.callingHours ?? DEFAULTS.callingHours);
  const timezone = checkTimezone(pick('timezone', str(flags.timezone), (v) => v, file.timezone, DEFAULTS.timezone));
  const numberTimezones = Object.entries(file.numberTimezones ?? {}).map(([pattern, zone]) => ({
    pattern: checkPattern(pattern, 'numberTimezones'),
    timezone: checkTimezone(zone, `numberTimezones["${pattern}"]`),
  }));

  const config: McpConfig = {
    http: flags.http === true,
    host,
    port,
    token: pick('token', str(flags.token), (v) => v, file.token, undefined),
    allowedOrigins: pick('allowedOrigins', str(flags['allowed-origins']) !== undefined ? list(str(flags['allowed-origins']) as string) : undefined, list, file.allowedOrigins, []),
    maxBodyBytes: pick(
      'maxBodyBytes',
      str(flags['max-body-bytes']) !== undefined ? intSetting('--max-body-bytes', str(flags['max-body-bytes']) as string, 1024) : undefined,
      (v) => intSetting('CALLBRIDGE_MCP_MAX_BODY_BYTES', v, 1024),
      file.maxBodyBytes,
      DEFAULTS.maxBodyBytes,
    ),
    confirmKey: pick('confirmKey', str(flags['confirm-key']), (v) => v, file.confirmKey, undefined),
    oauthIssuer: pick('oauthIssuer', str(flags['oauth-issuer']), (v) => v, file.oauthIssuer, undefined),
    oauthAudience: pick('oauthAudience', str(flags['oauth-audience']), (v) => v, file.oauthAudience, undefined),
    publicUrl: pick('publicUrl', str(flags['public-url']), (v) => v, file.publicUrl, undefined),
    toolsets,
    readOnly: pick('readOnly', flagBool(flags['read-only']), (v) => bool('CALLBRIDGE_MCP_READ_ONLY', v), file.readOnly, false),
    allowCalls: pick('allowCalls', flagBool(flags['allow-calls']), (v) => bool('CALLBRIDGE_MCP_ALLOW_CALLS', v), file.allowCalls, defaults.allowCalls ?? false),
    confirm: pick('confirm', flags['no-confirm'] === true ? false : undefined, (v) => bool('CALLBRIDGE_MCP_CONFIRM', v), file.confirm, defaults.confirm ?? true),
    dryRun: pick('dryRun', flagBool(flags['dry-run']), (v) => bool('CALLBRIDGE_MCP_DRY_RUN', v), file.dryRun, false),
    // Given but empty means nobody may be called, never "anyone".
    allowNumbers: (str(flags['allow-numbers']) !== undefined
      ? list(str(flags['allow-numbers']) as string)
      : env.CALLBRIDGE_MCP_ALLOW_NUMBERS !== undefined
        ? list(env.CALLBRIDGE_MCP_ALLOW_NUMBERS)
        : file.allowNumbers
    )?.map((p) => checkPattern(p, 'allow-numbers')),
    denyNumbers: pick(
      'denyNumbers',
      str(flags['deny-numbers']) !== undefined ? list(str(flags['deny-numbers']) as string) : undefined,
      list,
      file.denyNumbers,
      [],
    ).map((p) => checkPattern(p, 'deny-numbers')),
    callingHours: callingHoursText === false ? null : parseCallingHours(callingHoursText),
    timezone,
    numberTimezones,
    caps: {
      perNumberPerHour: capSetting('perNumberPerHour', 'max-per-number-per-hour'),
      perNumberPerDay: capSetting('perNumberPerDay', 'max-per-number-per-day'),
      perHour: capSetting('perHour', 'max-calls-per-hour'),
      perDay: capSetting('perDay', 'max-calls-per-day'),
    },
    maxConcurrentCalls: pick(
      'maxConcurrentCalls',
      str(flags['max-concurrent-calls']) !== undefined ? cap('--max-concurrent-calls', str(flags['max-concurrent-calls']) as string) : undefined,
      (v) => cap('CALLBRIDGE_MCP_MAX_CONCURRENT_CALLS', v),
      file.maxConcurrentCalls !== undefined ? cap('maxConcurrentCalls', file.maxConcurrentCalls) : undefined,
      DEFAULTS.maxConcurrentCalls,
    ),
    callMaxSeconds: pick(
      'callMaxSeconds',
      str(flags['call-max-seconds']) !== undefined ? intSetting('--call-max-seconds', str(flags['call-max-seconds']) as string, 1) : undefined,
      (v) => intSetting('CALLBRIDGE_MCP_CALL_MAX_SECONDS', v, 1),
      file.callMaxSeconds,
      DEFAULTS.callMaxSeconds,
    ),
    taskPollSeconds: pick(
      'taskPollSeconds',
      str(flags['task-poll-seconds']) !== undefined ? intSetting('--task-poll-seconds', str(flags['task-poll-seconds']) as string, 1, 86_400) : undefined,
      (v) => intSetting('CALLBRIDGE_MCP_TASK_POLL_SECONDS', v, 1, 86_400),
      file.taskPollSeconds,
      DEFAULTS.taskPollSeconds,
    ),
    stateFile: pick('stateFile', str(flags['state-file']), (v) => v, file.stateFile, undefined),
    store: pick('store', str(flags.store), (v) => v, file.store, undefined),
    allowUnknownCallees: pick('allowUnknownCallees', flagBool(flags['allow-unknown-callees']), (v) => bool('CALLBRIDGE_MCP_ALLOW_UNKNOWN_CALLEES', v), file.allowUnknownCallees, false),
    pbxDialPrefixes: pick('pbxDialPrefixes', str(flags['pbx-dial-prefixes']) !== undefined ? list(str(flags['pbx-dial-prefixes']) as string) : undefined, list, file.pbxDialPrefixes, []).map((p) =>
      checkDialPrefix(p),
    ),
    pbxRegion: checkRegion(pick('pbxRegion', str(flags['pbx-region']), (v) => v, file.pbxRegion, 'CN')),
    outboundbotInstanceId: pick('outboundbotInstanceId', str(flags['outboundbot-instance']), (v) => v, file.outboundbotInstanceId, undefined),
    volcengineNumberPool: pick('volcengineNumberPool', str(flags['volcengine-pool']), (v) => v, file.volcengineNumberPool, undefined),
    configFile,
  };
  if (config.readOnly && config.allowCalls) {
    // Not an error: read-only wins, and says so at startup.
    config.allowCalls = false;
  }
  return config;
}

/** Is the host a loopback address (no bearer token needed)? */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}
