// The guardrails, enforced in the server for every operation any tool sends (curated tools and
// invoke_operation alike). Every refusal names its rule and how to change it.
import type { AnyOperation } from '../../core/operation.js';
import { settingHint, type McpConfig } from './config.js';
import { localTime, parseVendorTime, withinHours, zoneOf } from './hours.js';
import { DAY_MS, HOUR_MS, type Ledger } from './ledger.js';
import { calleesOf, isEmergencyNumber, matchingPattern, taskKeyOf } from './numbers.js';
import { planOf } from '../../core/policy/plan.js';

export type RuleName =
  | 'read-only'
  | 'allow-calls'
  | 'confirmation'
  | 'emergency-numbers'
  | 'deny-numbers'
  | 'allow-numbers'
  | 'calling-hours'
  | 'max-per-number-per-hour'
  | 'max-per-number-per-day'
  | 'max-calls-per-hour'
  | 'max-calls-per-day'
  | 'max-concurrent-calls'
  | 'unknown-callees';

/** A guardrail said no. Nothing was sent. */
export class GuardrailRefusal extends Error {
  override readonly name = 'GuardrailRefusal';
  constructor(
    readonly rule: RuleName,
    readonly reason: string,
    readonly howToChange: string,
  ) {
    super(`Refused by the ${rule} guardrail: ${reason} Nothing was sent. To change this: ${howToChange}`);
  }

  toJSON() {
    return { error: 'guardrail', rule: this.rule, message: this.reason, howToChange: this.howToChange, sent: false };
  }
}

/** Keys holding the scheduled start of a billed operation (vendor wall-clock, Beijing time). */
const SCHEDULE_KEYS = ['ScheduleTime', 'FireTime', 'StartTime'];

export interface Plan {
  op: AnyOperation;
  billed: boolean;
  /** Places calls directly (not by starting a task): counts toward the concurrency limit. */
  direct: boolean;
  /** Numbers named in the input. */
  callees: string[];
  /** Numbers this billed operation will dial (the callees, or a started task's known callees). */
  dialled: string[];
  taskKey?: string;
  /** When dialling starts (scheduled start, or now). */
  at: number;
  /** Started task whose callees the server does not know (added outside this server). */
  unknownTaskCallees: boolean;
}

export interface Reservation {
  ids: string[];
}

export class Guard {
  constructor(
    readonly config: McpConfig,
    readonly ledger: Ledger,
    readonly now: () => number,
  ) {}

  isBilled(op: AnyOperation, input: Record<string, unknown>): boolean {
    return op.access === 'call' && planOf(op, input, { now: this.now() }).billed;
  }

  /** Checks every rule for one operation with its validated input. Throws GuardrailRefusal. */
  check(op: AnyOperation, input: Record<string, unknown>, options: { dryRun?: boolean } = {}): Plan {
    const { config } = this;
    if (config.readOnly && op.access !== 'read') {
      throw new GuardrailRefusal('read-only', `${op.id} changes state (${op.access}) and the server runs read-only.`, `restart without ${settingHint('readOnly')}.`);
    }
    const billed = this.isBilled(op, input);
    const callees = op.access === 'read' ? [] : calleesOf(op, input);
    for (const number of callees) this.checkNumber(number);

    const concurrency = input.Concurrency;
    if (op.access !== 'read' && typeof concurrency === 'number' && concurrency > config.maxConcurrentCalls) {
      throw new GuardrailRefusal(
        'max-concurrent-calls',
        `${op.id} asks for ${concurrency} simultaneous calls; at most ${config.maxConcurrentCalls} are allowed.`,
        `lower Concurrency, or raise ${settingHint('maxConcurrentCalls')}.`,
      );
    }

    const taskKey = taskKeyOf(op, input);
    // Direct calls (one call per callee, now) vs task/campaign operations (the vendor dials over time).
    const direct = billed && (op.action === 'StartJob' || (!taskKey && !/Task|Job/i.test(op.action)));
    let dialled = billed ? callees : [];
    let unknownTaskCallees = false;
    if (billed && !callees.length && taskKey) {
      // Each number of a task counts once, when it is first dialled (appended to a running task, or the task started).
      const known = this.ledger.taskNumbers(taskKey);
      dialled = known?.uncounted ?? [];
      unknownTaskCallees = known === undefined;
    }
    const times = this.dialTimes(input);
    const plan: Plan = { op, billed, direct, callees, dialled, taskKey, at: times[0], unknownTaskCallees };
    if (!billed) return plan;

    if (!config.allowCalls && !options.dryRun) {
      throw new GuardrailRefusal(
        'allow-calls',
        `${op.id} places billed phone calls, and billed calls are off.`,
        `restart the server with ${settingHint('allowCalls')} (try ${settingHint('dryRun')} first to preview the request).`,
      );
    }

    if (direct && !callees.length) {
      throw new GuardrailRefusal(
        'unknown-callees',
        `no callee number was found in the input of ${op.id}, so the number rules and caps cannot be applied.`,
        'name the callee in the documented parameter of the operation (see describe_operation).',
      );
    }
    if (input.All === true) {
      throw new GuardrailRefusal(
        'unknown-callees',
        `${op.id} with All=true acts on every job of the instance, including callees this server never checked.`,
        'name the job group (JobGroupId) with All=false, as control_task does.',
      );
    }
    if (!direct && !callees.length && !taskKey) {
      throw new GuardrailRefusal(
        'unknown-callees',
        `${op.id} names neither callees nor a task this server knows, so who would be dialled cannot be checked.`,
        'give the callees in the input, or act on a task whose callees were added through this server.',
      );
    }
    if (unknownTaskCallees) {
      throw new GuardrailRefusal(
        'unknown-callees',
        `${op.id} would dial the callees of task ${taskKey?.split(':').slice(1).join(':')}, which were not added through this server, so they cannot be checked against the number rules and caps.`,
        `add the task's callees through this server (add_task_callees or invoke_operation); keep them across restarts with ${settingHint('stateFile')}.`,
      );
    }

    for (const time of times) this.checkHours(op, dialled, time);
    this.checkCaps(op, dialled);
    if (direct) this.checkConcurrency(op, dialled.length || 1);
    return plan;
  }

  /** When dialling happens: a scheduled start (top level), each item's TriggerTime (one-off call lists), or now. */
  private dialTimes(input: Record<string, unknown>): number[] {
    const now = this.now();
    const later = (t: number | undefined) => (t !== undefined && t > now ? t : now);
    const top = SCHEDULE_KEYS.map((k) => parseVendorTime(input[k])).find((t) => t !== undefined);
    if (top !== undefined) return [later(top)];
    if (Array.isArray(input.List)) {
      const times = input.List.map((item) => later(parseVendorTime((item as Record<string, unknown> | null)?.TriggerTime)));
      if (times.length) return [...new Set(times)];
    }
    return [now];
  }

  /** The number rule that refuses this number, if any (emergency, deny, allow). */
  numberRefusal(number: string): GuardrailRefusal | undefined {
    try {
      this.checkNumber(number);
      return undefined;
    } catch (error) {
      if (error instanceof GuardrailRefusal) return error;
      throw error;
    }
  }

  private checkNumber(number: string): void {
    const { config } = this;
    if (isEmergencyNumber(number)) {
      throw new GuardrailRefusal('emergency-numbers', `${number} is an emergency or public-service number.`, 'this rule cannot be turned off.');
    }
    const denied = matchingPattern(config.denyNumbers, number);
    if (denied) {
      throw new GuardrailRefusal('deny-numbers', `${number} matches the deny pattern "${denied}".`, `remove "${denied}" from ${settingHint('denyNumbers')}.`);
    }
    if (config.allowNumbers && !matchingPattern(config.allowNumbers, number)) {
      throw new GuardrailRefusal(
        'allow-numbers',
        `${number} matches none of the allowed patterns (${config.allowNumbers.join(', ') || 'the list is empty'}).`,
        `add a matching pattern to ${settingHint('allowNumbers')}.`,
      );
    }
  }

  private checkHours(op: AnyOperation, numbers: string[], at: number): void {
    const { callingHours, timezone, numberTimezones } = this.config;
    if (!callingHours) return;
    const targets = numbers.length ? numbers : [undefined];
    for (const number of targets) {
      const zone = zoneOf(number, timezone, numberTimezones);
      const local = localTime(at, zone);
      if (!withinHours(callingHours, local.minutes)) {
        const when = at > this.now() + 60_000 ? 'at the scheduled start' : 'now';
        throw new GuardrailRefusal(
          'calling-hours',
          `it is ${local.text} ${when} in ${zone}${number ? ` for ${number}` : ''}, outside the calling hours ${callingHours.text}.`,
          `call within ${callingHours.text} ${zone} time, or change ${settingHint('callingHours')} / ${settingHint('timezone')}.`,
        );
      }
    }
  }

  private checkCaps(op: AnyOperation, numbers: string[]): void {
    const { caps } = this.config;
    const n = numbers.length;
    const perNumber = new Map<string, number>();
    for (const number of numbers) perNumber.set(number, (perNumber.get(number) ?? 0) + 1);
    for (const [number, times] of perNumber) {
      const hour = this.ledger.count(HOUR_MS, number);
      if (hour + times > caps.perNumberPerHour) {
        throw new GuardrailRefusal(
          'max-per-number-per-hour',
          `${number} was called ${hour} time(s) in the last hour; the limit is ${caps.perNumberPerHour} per number per hour.`,
          `wait, or raise ${settingHint('perNumberPerHour')}.`,
        );
      }
      const day = this.ledger.count(DAY_MS, number);
      if (day + times > caps.perNumberPerDay) {
        throw new GuardrailRefusal(
          'max-per-number-per-day',
          `${number} was called ${day} time(s) in the last 24 hours; the limit is ${caps.perNumberPerDay} per number per day.`,
          `wait, or raise ${settingHint('perNumberPerDay')}.`,
        );
      }
    }
    const hour = this.ledger.count(HOUR_MS);
    if (hour + n > caps.perHour) {
      throw new GuardrailRefusal(
        'max-calls-per-hour',
        `${op.id} would dial ${n} number(s); ${hour} call(s) were placed in the last hour and the limit is ${caps.perHour} per hour.`,
        `wait, dial fewer numbers, or raise ${settingHint('perHour')}.`,
      );
    }
    const day = this.ledger.count(DAY_MS);
    if (day + n > caps.perDay) {
      throw new GuardrailRefusal(
        'max-calls-per-day',
        `${op.id} would dial ${n} number(s); ${day} call(s) were placed in the last 24 hours and the limit is ${caps.perDay} per day.`,
        `wait, dial fewer numbers, or raise ${settingHint('perDay')}.`,
      );
    }
  }

  private checkConcurrency(op: AnyOperation, n: number): void {
    const { maxConcurrentCalls, callMaxSeconds } = this.config;
    const active = this.ledger.active(callMaxSeconds * 1000);
    if (active + n > maxConcurrentCalls) {
      throw new GuardrailRefusal(
        'max-concurrent-calls',
        `${active} call(s) placed by this server are still in progress; at most ${maxConcurrentCalls} may run at once.`,
        `wait for results (get_call_result / wait_for_call_result mark calls finished; unfinished calls count for ${callMaxSeconds} s), or raise ${settingHint('maxConcurrentCalls')}.`,
      );
    }
  }

  /**
   * Re-checks the limits that depend on history and records the dialled numbers, synchronously, so
   * parallel requests cannot both pass the same last slot.
   */
  reserve(plan: Plan): Reservation {
    if (!plan.billed) return { ids: [] };
    this.checkCaps(plan.op, plan.dialled);
    if (plan.direct) this.checkConcurrency(plan.op, plan.dialled.length || 1);
    const ids = this.ledger.add(plan.dialled.map((number) => ({ number, operation: plan.op.id, kind: plan.direct ? ('call' as const) : ('task' as const) })));
    return { ids };
  }

  /** The vendor refused the request: nothing was dialled, so the reservation does not count. */
  release(reservation: Reservation): void {
    if (reservation.ids.length) this.ledger.remove(reservation.ids);
  }
}
