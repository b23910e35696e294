import type { PolicySettingName } from './settings.js';

export type RuleName =
  | 'read-only'
  | 'allow-calls'
  | 'confirmation'
  | 'emergency-numbers'
  | 'invalid-number'
  | 'deny-numbers'
  | 'allow-numbers'
  | 'calling-hours'
  | 'max-per-number-per-hour'
  | 'max-per-number-per-day'
  | 'max-calls-per-hour'
  | 'max-calls-per-day'
  | 'max-concurrent-calls'
  | 'unknown-callees'
  | 'policy-store';

/** The policy said no. Nothing was sent. `setting` names what changes the rule (none: it cannot be turned off). */
export class PolicyRefusal extends Error {
  override readonly name = 'PolicyRefusal';
  constructor(
    readonly rule: RuleName,
    readonly reason: string,
    readonly change: string,
    readonly setting?: PolicySettingName,
  ) {
    super(`Refused by the ${rule} guardrail: ${reason} Nothing was sent.`);
  }

  toJSON() {
    return { error: 'guardrail', rule: this.rule, message: this.reason, change: this.change, setting: this.setting, sent: false };
  }
}
