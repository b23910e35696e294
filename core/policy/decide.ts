// The decide stage: judges one request's CallPlan against the operator's rules. Returns what to count
// (canonical numbers with their attempts) or throws a PolicyRefusal naming the rule and its setting.
import type { Access, Product } from '../operation.js';
import { dailyRangeInside, firstOutside, localTime, type CallingHours } from './hours.js';
import { patternMatches, readNumber, type NumberContext } from './numbers.js';
import { PolicyRefusal } from './refusal.js';
import type { PolicySettings } from './settings.js';
import type { CallPlan, PlannedContact, PolicyStore } from './types.js';

export interface Decision {
  plan: CallPlan;
  /** Canonical numbers to count against the caps now, with the attempts each may get. */
  count: Array<{ number: string; attempts: number }>;
  /** Canonical numbers the request names (remembered as a task's callees). */
  named: string[];
  /** Calls placed by this request itself: they count toward the concurrency limit. */
  direct: boolean;
}

export function numberContext(settings: PolicySettings, product: Product): NumberContext {
  return product === 'pbx'
    ? { region: settings.regions.pbx, dialPrefixes: settings.pbxDialPrefixes, shortIsExtension: true }
    : { region: settings.regions[product] };
}

/** The callee's time zone: the first numberTimezones pattern that matches the subscriber, else the default. */
function zoneOf(settings: PolicySettings, e164: string, national: string, context: NumberContext): string {
  return settings.numberTimezones.find((z) => patternMatches(z.pattern, e164, national, context))?.timezone ?? settings.timezone;
}

interface Callee {
  e164: string;
  national: string;
  zone: string;
  attempts: number;
  raw: string;
}

/** The number rules every contact must pass: readable, no emergency number, not denied, allowed. */
export function judgeNumber(raw: string, field: string, settings: PolicySettings, context: NumberContext): { e164: string; national: string } | { extension: true } {
  const read = readNumber(raw, context);
  if (!read.ok) {
    throw new PolicyRefusal(
      read.rule,
      `${field}: ${read.reason}`,
      read.rule === 'emergency-numbers' ? 'this rule cannot be turned off.' : 'write the number with "+" and its country code.',
    );
  }
  if (read.extension) return { extension: true };
  const denied = settings.denyNumbers.find((p) => patternMatches(p, read.e164, read.national, context));
  if (denied !== undefined) {
    throw new PolicyRefusal('deny-numbers', `${field}: ${raw} (${read.e164}) matches the deny pattern "${denied}".`, `remove "${denied}" from the denied numbers.`, 'denyNumbers');
  }
  if (settings.allowNumbers && !settings.allowNumbers.some((p) => patternMatches(p, read.e164, read.national, context))) {
    const list = settings.allowNumbers.length ? `the allowed patterns (${settings.allowNumbers.join(', ')})` : 'the allowed numbers (the list is empty: nobody may be called)';
    throw new PolicyRefusal('allow-numbers', `${field}: ${raw} (${read.e164}) matches none of ${list}.`, 'add a matching pattern to the allowed numbers.', 'allowNumbers');
  }
  return { e164: read.e164, national: read.national };
}

function readCallees(plan: CallPlan, settings: PolicySettings): Callee[] {
  const context = numberContext(settings, plan.product);
  const byNumber = new Map<string, Callee>();
  for (const contact of plan.contacts) {
    const read = judgeNumber(contact.raw, contact.field, settings, context);
    if ('extension' in read) continue;
    const known = byNumber.get(read.e164);
    const attempts = (known?.attempts ?? 0) + contact.attempts;
    byNumber.set(read.e164, { ...read, zone: zoneOf(settings, read.e164, read.national, context), attempts, raw: contact.raw });
  }
  return [...byNumber.values()];
}

function hoursRefusal(hours: CallingHours, zone: string, at: number, who: string, what: string): PolicyRefusal {
  return new PolicyRefusal(
    'calling-hours',
    `${what} it is ${localTime(at, zone).text} ${what.startsWith('dialling starts now') ? 'now ' : ''}in ${zone}${who}, outside the calling hours ${hours.text}.`,
    `dial within ${hours.text} callee time, or change the calling hours or the time zone.`,
    'callingHours',
  );
}

/** Every instant the vendor may dial must lie inside the calling hours in each callee's zone. */
function checkHours(plan: CallPlan, settings: PolicySettings, callees: Callee[], now: number): void {
  const hours = settings.callingHours;
  if (!hours || plan.dials === 'task') return;
  const zones = callees.length ? [...new Set(callees.map((c) => c.zone))] : [settings.timezone];
  const who = (zone: string) => {
    const c = callees.find((x) => x.zone === zone);
    return c ? ` for ${c.raw}` : '';
  };
  if (!plan.windows.length) {
    for (const zone of zones) if (firstOutside(hours, zone, now, now) !== undefined) throw hoursRefusal(hours, zone, now, who(zone), 'dialling starts now:');
    return;
  }
  for (const window of plan.windows) {
    for (const zone of zones) {
      if (window.daily) {
        if (!dailyRangeInside(hours, zone, window.daily, Math.max(now, window.from ?? now))) {
          throw new PolicyRefusal(
            'calling-hours',
            `${window.field} lets the vendor dial outside the calling hours ${hours.text} in ${zone}${who(zone)}.`,
            `set the dialling window inside ${hours.text} callee time, or change the calling hours.`,
            'callingHours',
          );
        }
        continue;
      }
      const from = Math.max(now, window.from ?? now);
      const to = window.to ?? from;
      const outside = firstOutside(hours, zone, from, to);
      if (outside !== undefined) throw hoursRefusal(hours, zone, outside, who(zone), window.field === '(now)' ? 'dialling starts now:' : `${window.field} lets the vendor dial when`);
    }
  }
}

/** The not yet counted callees of the task a request starts; refused when callbridge never saw them. */
async function taskContacts(plan: CallPlan, settings: PolicySettings, store: PolicyStore): Promise<PlannedContact[]> {
  const known = plan.taskKey ? await store.taskNumbers(plan.taskKey) : undefined;
  if (!known && !settings.allowUnknownCallees) {
    throw new PolicyRefusal(
      'unknown-callees',
      `${plan.operation} would dial the callees of ${plan.taskKey ? `task ${plan.taskKey}` : 'a task it does not name'}, which were not added through callbridge, so they cannot be checked.`,
      "add the task's callees through callbridge first, or allow unknown callees.",
      'allowUnknownCallees',
    );
  }
  return (known?.uncounted ?? []).map((raw) => ({ raw, field: `callees of ${plan.taskKey ?? 'the task'}`, kind: 'call', attempts: plan.taskAttempts ?? 1 }));
}

async function taskStarted(store: PolicyStore, taskKey: string): Promise<boolean> {
  if (store.taskStarted) return (await store.taskStarted(taskKey)) === true;
  const known = await store.taskNumbers(taskKey);
  return known !== undefined && known.uncounted.length < known.all.length;
}

export async function decide(
  plan: CallPlan,
  access: Access,
  settings: PolicySettings,
  store: PolicyStore,
  now: number,
  options: { dryRun?: boolean } = {},
): Promise<Decision> {
  if (settings.readOnly && access !== 'read') {
    throw new PolicyRefusal('read-only', `${plan.operation} changes state (${access}) and only reads are allowed.`, 'turn read-only off.', 'readOnly');
  }
  if (!plan.billed) return { plan, count: [], named: [], direct: false };
  // Callees added to a task that has not started are dialled at its start, which is judged then; a task
  // callbridge saw start (some of its numbers were counted) dials them now.
  if (plan.dials === 'task' && plan.taskKey && (await taskStarted(store, plan.taskKey))) plan = { ...plan, dials: 'start' };
  if (!settings.allowCalls && !options.dryRun && plan.dials !== 'task') {
    throw new PolicyRefusal('allow-calls', `${plan.operation} places billed calls or messages, and billed calls are off.`, 'allow billed calls (preview with a dry run first).', 'allowCalls');
  }
  if (plan.unknownCallees && !settings.allowUnknownCallees) {
    throw new PolicyRefusal(
      'unknown-callees',
      `${plan.unknownCallees.field}: ${plan.unknownCallees.reason} Who would be dialled cannot be checked against the number rules and caps.`,
      'name the callees in the request, or allow unknown callees.',
      'allowUnknownCallees',
    );
  }
  if (plan.dials === 'now' && !plan.contacts.length) {
    throw new PolicyRefusal('unknown-callees', `no callee number was found in the input of ${plan.operation}.`, 'name the callee in the documented parameter of the operation.');
  }
  const named = readCallees(plan, settings).map((c) => c.e164);
  // Starting a task dials the callees added before: judge them now, by today's rules.
  const judged = plan.dials === 'start' && !plan.contacts.length ? { ...plan, contacts: await taskContacts(plan, settings, store) } : plan;
  const callees = readCallees(judged, settings);
  checkHours(judged, settings, callees, now);
  const count = plan.dials === 'task' ? [] : callees.map((c) => ({ number: c.e164, attempts: c.attempts }));
  return { plan, count, named, direct: plan.dials === 'now' };
}
