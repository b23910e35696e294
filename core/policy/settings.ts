// The operator's rules, as every front end hands them to the policy (MCP flags/env/config file, the
// CLI's environment and config file, an n8n credential). Names here are the front-end-neutral setting
// names that refusals cite; each front end says how its users set them.
import type { CountryCode } from 'libphonenumber-js';
import type { Product } from '../operation.js';
import type { CallingHours } from './hours.js';
import type { Limits } from './types.js';

export interface PolicySettings {
  /** Refuse everything but reads. */
  readOnly: boolean;
  /** Billed calls and messages are allowed at all (a dry run previews them regardless). */
  allowCalls: boolean;
  /** Every billed request must be confirmed by a person before it is sent. */
  confirm: boolean;
  /** Patterns of numbers that may be called; undefined = any number, [] = nobody. */
  allowNumbers?: readonly string[];
  denyNumbers: readonly string[];
  /** null = no calling-hours rule. */
  callingHours: CallingHours | null;
  /** Default time zone of callees (and of the calling hours). */
  timezone: string;
  /** Number pattern -> IANA zone of callees matching it (first match wins). */
  numberTimezones: ReadonlyArray<{ pattern: string; timezone: string }>;
  limits: Limits;
  /** Allow requests that make the vendor dial people the request does not name (rosters by file, All=true, tasks filled elsewhere). */
  allowUnknownCallees: boolean;
  /** Home region per provider, for numbers written without a country code. */
  regions: Record<Product, CountryCode>;
  /** PBX outbound dial prefixes (stripped before a number is read). */
  pbxDialPrefixes: readonly string[];
}

export type PolicySettingName =
  | 'readOnly'
  | 'allowCalls'
  | 'confirm'
  | 'allowNumbers'
  | 'denyNumbers'
  | 'callingHours'
  | 'timezone'
  | 'perNumberPerHour'
  | 'perNumberPerDay'
  | 'perHour'
  | 'perDay'
  | 'maxConcurrentCalls'
  | 'callMaxSeconds'
  | 'allowUnknownCallees'
  | 'pbxDialPrefixes';

export const DEFAULT_LIMITS: Limits = {
  perNumberPerHour: 2,
  perNumberPerDay: 5,
  perHour: 50,
  perDay: 200,
  maxConcurrentCalls: 5,
  callMaxMs: 900_000,
};

export const DEFAULT_REGIONS: Record<Product, CountryCode> = { dyvms: 'CN', outboundbot: 'CN', volcengine: 'CN', pbx: 'CN' };

/** Safe defaults: billed calls off, calling hours 09:00-20:00 Beijing time, the default caps. */
export function defaultPolicy(overrides: Partial<PolicySettings> = {}): PolicySettings {
  return {
    readOnly: false,
    allowCalls: false,
    confirm: true,
    denyNumbers: [],
    callingHours: { start: 540, end: 1200, text: '09:00-20:00' },
    timezone: 'Asia/Shanghai',
    numberTimezones: [],
    limits: DEFAULT_LIMITS,
    allowUnknownCallees: false,
    regions: DEFAULT_REGIONS,
    pbxDialPrefixes: [],
    ...overrides,
  };
}
