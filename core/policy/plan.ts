// What one validated request will make the vendor do, read from the operation's declared Effects:
// whom it dials or messages and how often, when it may dial, whether it dials people it does not name.
import type { AnyOperation, PbxApiVersion } from '../operation.js';
import { entriesAt, itemOf, valuesAt } from './paths.js';
import type { CallPlan, DialWindow, Effects, PlannedContact, WindowField } from './types.js';

export interface PlanOptions {
  /**
   * The PBX API version the request will be sent with. Unknown: the request is judged by the effects of
   * every version at once (the worst case).
   */
  pbxApiVersion?: PbxApiVersion;
  /** The current time, epoch ms: a window that opens in the past opens now. */
  now: number;
}

/** The zone of the Alibaba and Volcengine consoles' wall-clock times. */
export const BEIJING = 'Asia/Shanghai';
const BEIJING_OFFSET_MS = 8 * 3_600_000;

const DIALS_RANK = { task: 1, start: 2, now: 3 } as const;

/** Every version's effects in one: union of the fields, the strongest `dials`, any `when` / `allTasks`. */
function worstCase(all: Effects[]): Effects {
  const list = <K extends 'callees' | 'messages' | 'rosters' | 'task'>(key: K) => [...new Set(all.flatMap((e) => e[key] ?? []))];
  const whens = all.map((e) => e.when);
  const allTasks = all.flatMap((e) => (e.allTasks ? [e.allTasks] : []));
  const dials = all.map((e) => e.dials).reduce((a, b) => (!a || (b && DIALS_RANK[b] > DIALS_RANK[a]) ? b : a), undefined);
  return {
    callees: list('callees'),
    messages: list('messages'),
    rosters: list('rosters'),
    task: list('task'),
    attempts: all.flatMap((e) => e.attempts ?? []),
    window: all.flatMap((e) => e.window ?? []),
    dials,
    when: (input) => whens.some((when) => when === undefined || when(input)),
    allTasks: allTasks.length ? (input) => allTasks.some((f) => f(input)) : undefined,
  };
}

/** The effects that apply on this PBX API version: its own declaration replaces the general one. */
export function effectsFor(op: AnyOperation, pbxApiVersion?: PbxApiVersion): Effects {
  const effects = op.effects ?? {};
  const byVersion = effects.byVersion ?? {};
  if (pbxApiVersion) return byVersion[pbxApiVersion] ?? effects;
  const versions = Object.values(byVersion);
  return versions.length ? worstCase([effects, ...versions]) : effects;
}

/** A whole number of at least 0 from a number or digit string. */
function count(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Each attempt field's value as a number of dials, with the array item it lies in ('' at the top level). */
function attemptsOf(input: Record<string, unknown>, effects: Effects): Array<{ item: string; times: number }> {
  return (effects.attempts ?? []).flatMap(({ path, counts }) =>
    valuesAt(input, path).flatMap(({ field, value }) => {
      const n = count(value);
      return n === undefined ? [] : [{ item: itemOf(field), times: counts === 'redials' ? 1 + n : n }];
    }),
  );
}

function contactsOf(input: Record<string, unknown>, effects: Effects): PlannedContact[] {
  const attempts = attemptsOf(input, effects);
  // An attempt field inside an array item applies to the callees of that item; one outside, to all.
  const attemptsFor = (field: string) =>
    Math.max(1, ...attempts.filter((a) => a.item === '' || field.startsWith(a.item)).map((a) => a.times));
  const found = (paths: string[] | undefined, kind: PlannedContact['kind']) =>
    (paths ?? []).flatMap((path) => entriesAt(input, path)).map(({ field, text }) => ({ raw: text, field, kind, attempts: kind === 'call' ? attemptsFor(field) : 1 }));
  return [...found(effects.callees, 'call'), ...found(effects.messages, 'message')];
}

/** "yyyy-MM-dd HH:mm:ss" (also with "." or "/" between the date parts) in Beijing time, or ISO 8601 with a zone. */
function beijingTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})[-./](\d{2})[-./](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0));
    return Date.UTC(y, mo - 1, d, h, mi, s) - BEIJING_OFFSET_MS;
  }
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(value.trim()) ? Date.parse(value) : NaN;
  return Number.isFinite(zoned) ? zoned : undefined;
}

function instant(value: unknown, form: WindowField['form']): number | undefined {
  if (form === 'beijing-datetime') return beijingTime(value);
  const n = count(value);
  return n === undefined ? undefined : form === 'epoch-s' ? n * 1000 : n;
}

/** "HH:mm[:ss]" as minutes after midnight; an end with seconds is rounded up so the window is never narrowed. */
function minutes(value: unknown, roundUp: boolean): number | undefined {
  const m = typeof value === 'string' ? /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim()) : null;
  if (!m) return undefined;
  const seconds = Number(m[3] ?? 0);
  return Number(m[1]) * 60 + Number(m[2]) + (roundUp && seconds > 0 ? 1 : 0);
}

function dailyWindows(input: Record<string, unknown>, path: string): DialWindow[] {
  return valuesAt(input, `${path}[]`).flatMap(({ field, value }) => {
    const range = (value ?? {}) as Record<string, unknown>;
    const start = minutes(range.beginTime, false);
    const end = minutes(range.endTime, true);
    return start === undefined || end === undefined ? [] : [{ field, daily: { start, end, zone: BEIJING } }];
  });
}

/** The windows the request sets: a start and an end in the same place (top level, or one array item) make one window. */
function windowsOf(input: Record<string, unknown>, effects: Effects, now: number): DialWindow[] {
  const bounds = new Map<string, DialWindow>();
  const daily: DialWindow[] = [];
  for (const { path, form, edge } of effects.window ?? []) {
    if (edge === 'daily') {
      daily.push(...dailyWindows(input, path));
      continue;
    }
    for (const { field, value } of valuesAt(input, path)) {
      const at = instant(value, form);
      if (at === undefined) continue;
      const window = bounds.get(itemOf(field)) ?? { field };
      if (edge === 'start') window.from = Math.max(at, now);
      else window.to = at;
      bounds.set(itemOf(field), window);
    }
  }
  // A window given only by its end opens now.
  const absolute = [...bounds.values()].map((w) => (w.from === undefined ? { ...w, from: now } : w));
  return [...absolute, ...daily];
}

function firstScalar(input: Record<string, unknown>, paths: string[] | undefined): { field: string; text: string } | undefined {
  for (const path of paths ?? []) {
    const found = valuesAt(input, path).find(({ value }) => (typeof value === 'string' && value.length > 0) || typeof value === 'number');
    if (found) return { field: found.field, text: String(found.value) };
  }
  return undefined;
}

/** What this validated request will make the vendor do. Pure: the only time it knows is `options.now`. */
export function planOf(op: AnyOperation, input: Record<string, unknown>, options: PlanOptions): CallPlan {
  const effects = effectsFor(op, options.pbxApiVersion);
  const contacts = contactsOf(input, effects);
  const roster = firstScalar(input, effects.rosters);
  const unknownCallees = roster
    ? { field: roster.field, reason: `${roster.field} names a list of callees the vendor reads itself, so who it dials is not in the request.` }
    : effects.allTasks?.(input)
      ? { field: 'All', reason: 'the request acts on every task or job of the account, including callees it does not name.' }
      : undefined;
  const billed = (op.access === 'call' || contacts.length > 0 || roster !== undefined) && (effects.when?.(input) ?? true);
  const dials = billed ? (effects.dials ?? 'none') : 'none';
  const windows = windowsOf(input, effects, options.now);
  // The vendor dials now what the request does not schedule: a direct call without its own start time
  // (e.g. a SingleBatchAppend item without TriggerTime), or a task started without a start time.
  const scheduled = new Set(windows.filter((w) => w.from !== undefined).map((w) => itemOf(w.field)));
  const unscheduled = dials === 'now' ? !contacts.length || contacts.some((c) => ![...scheduled].some((item) => c.field.startsWith(item))) : dials === 'start' && !scheduled.size;
  if (unscheduled) windows.push({ field: '(now)', from: options.now, ...(dials === 'now' ? { to: options.now } : {}) });
  const task = firstScalar(input, effects.task);
  const taskAttempts = attemptsOf(input, effects).filter((a) => a.item === '');
  return {
    operation: op.id,
    product: op.product,
    billed,
    dials,
    contacts,
    ...(taskAttempts.length ? { taskAttempts: Math.max(...taskAttempts.map((a) => a.times)) } : {}),
    ...(unknownCallees ? { unknownCallees } : {}),
    windows,
    ...(task ? { taskKey: `${op.product}:${task.text}` } : {}),
  };
}
