// The call policy's fields on each credential type: the operator's rules for every node that uses the
// credential (core's policy judges them; nodes/shared/policy.ts reads them). Emergency and short service
// numbers are refused always and have no field.
import type { INodeProperties } from 'n8n-workflow';
import type { PolicySettingName } from '../../core/policy/settings.js';

/** Credential field names of the policy settings (refusals name them). */
export const POLICY_FIELD = {
  allowCalls: 'allowBilledCalls',
  allowNumbers: 'allowedNumbers',
  denyNumbers: 'deniedNumbers',
  callingHours: 'callingHours',
  timezone: 'callingHoursTimezone',
  perNumberPerHour: 'maxCallsPerNumberPerHour',
  perNumberPerDay: 'maxCallsPerNumberPerDay',
  perHour: 'maxCallsPerHour',
  perDay: 'maxCallsPerDay',
  maxConcurrentCalls: 'maxConcurrentCalls',
  allowUnknownCallees: 'allowUnknownCallees',
  pbxDialPrefixes: 'pbxDialPrefixes',
  pbxRegion: 'pbxRegion',
} as const;

/** The credential field of each policy setting a refusal can name (readOnly and confirm have none in n8n). */
const SETTING_FIELD: Partial<Record<PolicySettingName, string>> = {
  allowCalls: POLICY_FIELD.allowCalls,
  allowNumbers: POLICY_FIELD.allowNumbers,
  denyNumbers: POLICY_FIELD.denyNumbers,
  callingHours: POLICY_FIELD.callingHours,
  timezone: POLICY_FIELD.timezone,
  perNumberPerHour: POLICY_FIELD.perNumberPerHour,
  perNumberPerDay: POLICY_FIELD.perNumberPerDay,
  perHour: POLICY_FIELD.perHour,
  perDay: POLICY_FIELD.perDay,
  maxConcurrentCalls: POLICY_FIELD.maxConcurrentCalls,
  allowUnknownCallees: POLICY_FIELD.allowUnknownCallees,
  pbxDialPrefixes: POLICY_FIELD.pbxDialPrefixes,
};

const PATTERNS =
  'Comma-separated number patterns: digits with an optional leading + and the wildcards * and ?, e.g. +86138*, 13900000000. A pattern matches a number in every written form (13800000000, +8613800000000, 008613800000000).';

const ALLOWED_DESCRIPTION = `Only these numbers may be called or messaged. ${PATTERNS} Empty: any number that is not denied.`;
const DENIED_DESCRIPTION = `These numbers are never called or messaged. ${PATTERNS}`;

const cap = (displayName: string, name: string, defaultValue: number, what: string): INodeProperties => ({
  displayName,
  name,
  type: 'number',
  typeOptions: { minValue: 0 },
  default: defaultValue,
  description: `${what}; 0 = no limit. Counted per n8n process for this credential, attempts included (redials a request asks the vendor for count too).`,
});

const COMMON: INodeProperties[] = [
  {
    displayName:
      'Call policy: the nodes check every request against these rules before anything is sent, including when an AI Agent uses a node as a tool. Emergency and short service numbers (110, 120, 911, 112, … in any written form) are always refused.',
    name: 'policyNotice',
    type: 'notice',
    default: '',
  },
  {
    displayName: 'Allow Billed Calls',
    name: POLICY_FIELD.allowCalls,
    type: 'boolean',
    default: true,
    description: 'Whether nodes using this credential may place calls and send messages (billed). Off: only reads and changes that dial nobody.',
  },
  {
    displayName: 'Allowed Numbers',
    name: POLICY_FIELD.allowNumbers,
    type: 'string',
    default: '',
    placeholder: '+86138*, 13900000000',
    description: ALLOWED_DESCRIPTION,
  },
  {
    displayName: 'Denied Numbers',
    name: POLICY_FIELD.denyNumbers,
    type: 'string',
    default: '',
    placeholder: '+8613800000000, 400*',
    description: DENIED_DESCRIPTION,
  },
  {
    displayName: 'Calling Hours',
    name: POLICY_FIELD.callingHours,
    type: 'string',
    default: '',
    placeholder: '09:00-20:00',
    description:
      "When calls may be placed, in the callee's local time (24-hour, e.g. 09:00-20:00; may run over midnight). Also applies to when a task's dialling window lets the vendor dial. Empty: any hour.",
  },
  {
    displayName: 'Calling Hours Time Zone',
    name: POLICY_FIELD.timezone,
    type: 'string',
    default: 'Asia/Shanghai',
    placeholder: 'Asia/Shanghai',
    description: 'IANA time zone of the callees (and of the calling hours)',
  },
  cap('Max Calls per Number per Hour', POLICY_FIELD.perNumberPerHour, 2, 'Calls to one number in any 60 minutes'),
  cap('Max Calls per Number per Day', POLICY_FIELD.perNumberPerDay, 5, 'Calls to one number in any 24 hours'),
  cap('Max Calls per Hour', POLICY_FIELD.perHour, 0, 'Calls to all numbers together in any 60 minutes'),
  cap('Max Calls per Day', POLICY_FIELD.perDay, 0, 'Calls to all numbers together in any 24 hours'),
  cap('Max Concurrent Calls', POLICY_FIELD.maxConcurrentCalls, 0, 'Direct calls in progress at once (a call ends when Wait for Result sees its final result, or after 15 minutes)'),
  {
    displayName: 'Allow Unknown Callees',
    name: POLICY_FIELD.allowUnknownCallees,
    type: 'boolean',
    default: true,
    description:
      'Whether a request may make the vendor dial people it does not name: a callee list given as a file or URL, every task of an account, or starting a task whose callees were added outside this n8n process. Off: such requests are refused.',
  },
];

const PBX_ONLY: INodeProperties[] = [
  {
    displayName: 'Outbound Dial Prefixes',
    name: POLICY_FIELD.pbxDialPrefixes,
    type: 'string',
    default: '',
    placeholder: '9, 0',
    description: 'Comma-separated prefixes your PBX outbound routes strip before dialling (e.g. 9): the policy reads a number without them',
  },
  {
    displayName: 'Number Region',
    name: POLICY_FIELD.pbxRegion,
    type: 'string',
    default: 'CN',
    placeholder: 'CN',
    description: 'Two-letter country of numbers dialled without a country code',
  },
];

/** The policy fields of a credential type (the PBX's add its dial prefixes and region). */
export function callPolicyProperties(kind: 'alibaba' | 'volcengine' | 'pbx'): INodeProperties[] {
  return kind === 'pbx' ? [...COMMON, ...PBX_ONLY] : COMMON;
}

/** The credential field that changes a rule, for refusal messages. */
export function policyFieldOf(setting: PolicySettingName | undefined): string | undefined {
  if (!setting) return undefined;
  const field = SETTING_FIELD[setting];
  if (!field) return undefined;
  return [...COMMON, ...PBX_ONLY].find((p) => p.name === field)?.displayName;
}
