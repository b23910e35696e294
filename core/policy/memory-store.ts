// The policy store in one process's memory: for tests, n8n (per n8n process) and `--store memory`.
// Counts are indexed per scope and per number, oldest first, so a reserve reads only its windows.
import { DAY_MS, checkReserveRequest, firstRefusal } from './store-rules.js';
import type { PlacedCall, PolicyStore, ReserveRequest, ReserveResult } from './types.js';

const MINUTE_MS = 60_000;

interface Item {
  number: string;
  attempts: number;
  at: number;
  direct: boolean;
  released?: boolean;
  callId?: string;
  endedAt?: number;
}

interface Reservation {
  scope: string;
  operation: string;
  at: number;
  items: Item[];
  taskKey?: string;
  /** Task numbers this reservation marked counted (unmarked again on release). */
  marked: string[];
}

/** One scope's counted items, oldest first, in total and per number; and its direct calls not seen ending. */
interface ScopeIndex {
  items: Item[];
  /** Attempts per minute (epoch ms / 60 000), so a window's total reads whole minutes plus one partial minute. */
  minutes: Map<number, number>;
  byNumber: Map<string, Item[]>;
  live: Set<Item>;
}

export interface MemoryStoreOptions {
  now: () => number;
  /** A unique string per call (the runtime's nonce): reservation ids. */
  nonce: () => string;
}

export class MemoryStore implements PolicyStore {
  /** Oldest first (the clock only moves on). */
  private readonly reservations = new Map<string, Reservation>();
  private readonly scopes = new Map<string, ScopeIndex>();
  /** scope + call id -> the reservation and item that placed it. */
  private readonly calls = new Map<string, { reservationId: string; item: Item }>();
  /** Task key -> number -> counted against the caps. */
  private readonly tasks = new Map<string, Map<string, boolean>>();
  /** namespace + id -> expiry (epoch ms). */
  private readonly claims = new Map<string, number>();
  /** MCP tasks (long requests followed by polling), as JSON. */
  private readonly mcpTasks = new Map<string, { json: string; expiresAt: number }>();

  constructor(private readonly options: MemoryStoreOptions) {}

  async reserve(request: ReserveRequest): Promise<ReserveResult> {
    checkReserveRequest(request);
    const now = this.options.now();
    this.prune(now);
    const scope = this.scope(request.scope);
    const since = now - request.limits.callMaxMs;
    const refusal = firstRefusal(request, {
      number: (number, windowMs) => sumSince(scope.byNumber.get(number) ?? [], now - windowMs),
      total: (windowMs) => totalSince(scope, now - windowMs),
      live: () => [...scope.live].filter((item) => item.at > since).length,
    });
    if (refusal) return refusal;

    const id = `r-${this.options.nonce()}`;
    const items = request.numbers.map(({ number, attempts }) => ({ number, attempts, at: now, direct: request.direct }));
    for (const item of items) {
      scope.items.push(item);
      const list = scope.byNumber.get(item.number) ?? [];
      list.push(item);
      scope.byNumber.set(item.number, list);
      if (item.direct) scope.live.add(item);
      addToMinute(scope, now, item.attempts);
    }
    const marked = request.taskKey ? this.markCounted(request.taskKey, request.numbers.map((n) => n.number)) : [];
    this.reservations.set(id, { scope: request.scope, operation: request.operation, at: now, items, taskKey: request.taskKey, marked });
    return { ok: true, id };
  }

  async release(reservationId: string): Promise<void> {
    const reservation = this.reservations.get(reservationId);
    if (!reservation) return;
    this.reservations.delete(reservationId);
    const scope = this.scope(reservation.scope);
    for (const item of reservation.items) {
      item.released = true;
      scope.live.delete(item);
      addToMinute(scope, item.at, -item.attempts);
    }
    const task = reservation.taskKey ? this.tasks.get(reservation.taskKey) : undefined;
    for (const number of reservation.marked) task?.set(number, false);
    this.forgetCalls(reservationId, reservation);
  }

  async attachCallIds(reservationId: string, callIds: ReadonlyArray<string | undefined>): Promise<void> {
    const reservation = this.reservations.get(reservationId);
    if (!reservation) throw new Error(`attachCallIds: no reservation ${reservationId} (released, or older than 24 hours)`);
    reservation.items.forEach((item, index) => {
      const callId = callIds[index];
      if (!callId) return;
      item.callId = callId;
      this.calls.set(callKey(reservation.scope, callId), { reservationId, item });
    });
  }

  async placedCall(scope: string, callId: string): Promise<PlacedCall | undefined> {
    const found = this.find(scope, callId);
    if (!found) return undefined;
    const { reservation, item } = found;
    const call: PlacedCall = { scope, operation: reservation.operation, number: item.number, at: item.at, callId };
    if (item.endedAt !== undefined) call.endedAt = item.endedAt;
    return call;
  }

  async markEnded(scope: string, callId: string): Promise<void> {
    const found = this.find(scope, callId);
    if (!found || found.item.endedAt !== undefined) return;
    found.item.endedAt = this.options.now();
    this.scope(scope).live.delete(found.item);
  }

  async addTaskNumbers(taskKey: string, numbers: readonly string[], counted: boolean): Promise<void> {
    if (!numbers.length) return;
    const task = this.tasks.get(taskKey) ?? new Map<string, boolean>();
    for (const number of numbers) task.set(number, (task.get(number) ?? false) || counted);
    this.tasks.set(taskKey, task);
  }

  async taskStarted(taskKey: string): Promise<boolean | undefined> {
    const task = this.tasks.get(taskKey);
    return task && [...task.values()].some(Boolean);
  }

  async taskNumbers(taskKey: string): Promise<{ all: string[]; uncounted: string[] } | undefined> {
    const task = this.tasks.get(taskKey);
    if (!task) return undefined;
    return { all: [...task.keys()], uncounted: [...task].filter(([, counted]) => !counted).map(([number]) => number) };
  }

  async claimOnce(namespace: string, id: string, ttlMs: number): Promise<boolean> {
    const now = this.options.now();
    // Claims are kept in the order made (renewed ones move to the end): drop the expired ones at the front.
    for (const [key, expires] of this.claims) {
      if (expires > now) break;
      this.claims.delete(key);
    }
    const key = `${namespace}\n${id}`;
    const expires = this.claims.get(key);
    if (expires !== undefined && expires > now) return false;
    this.claims.delete(key);
    this.claims.set(key, now + ttlMs);
    return true;
  }

  async putTask(id: string, json: string, ttlMs: number): Promise<void> {
    this.mcpTasks.set(id, { json, expiresAt: this.options.now() + ttlMs });
  }

  async getTask(id: string): Promise<string | undefined> {
    const task = this.mcpTasks.get(id);
    if (task && task.expiresAt > this.options.now()) return task.json;
    this.mcpTasks.delete(id);
    return undefined;
  }

  async close(): Promise<void> {}

  private scope(name: string): ScopeIndex {
    let scope = this.scopes.get(name);
    if (!scope) this.scopes.set(name, (scope = { items: [], minutes: new Map(), byNumber: new Map(), live: new Set() }));
    return scope;
  }

  private find(scope: string, callId: string): { reservation: Reservation; item: Item } | undefined {
    const ref = this.calls.get(callKey(scope, callId));
    const reservation = ref && this.reservations.get(ref.reservationId);
    return ref && reservation ? { reservation, item: ref.item } : undefined;
  }

  private forgetCalls(reservationId: string, reservation: Reservation): void {
    for (const item of reservation.items) {
      const key = item.callId && callKey(reservation.scope, item.callId);
      if (key && this.calls.get(key)?.reservationId === reservationId) this.calls.delete(key);
    }
  }

  private markCounted(taskKey: string, numbers: readonly string[]): string[] {
    const task = this.tasks.get(taskKey);
    if (!task) return [];
    const marked = numbers.filter((number) => task.get(number) === false);
    for (const number of marked) task.set(number, true);
    return marked;
  }

  /** Forgets what no window can count any more: everything 24 hours old or older. */
  private prune(now: number): void {
    const cutoff = now - DAY_MS;
    for (const [id, reservation] of this.reservations) {
      if (reservation.at > cutoff) break;
      this.reservations.delete(id);
      this.forgetCalls(id, reservation);
    }
    for (const [name, scope] of this.scopes) {
      const old = scope.items.findIndex((item) => item.at > cutoff);
      const expired = scope.items.splice(0, old === -1 ? scope.items.length : old);
      for (const item of expired) {
        scope.live.delete(item);
        const list = scope.byNumber.get(item.number);
        if (list?.[0] === item) list.shift();
        else if (list?.includes(item)) list.splice(list.indexOf(item), 1);
        if (list && !list.length) scope.byNumber.delete(item.number);
      }
      for (const minute of scope.minutes.keys()) if (minute < Math.floor(cutoff / MINUTE_MS)) scope.minutes.delete(minute);
      if (!scope.items.length) this.scopes.delete(name);
    }
  }
}

/** Attempts counted since `since` (exclusive) in a list ordered oldest first. */
function sumSince(items: readonly Item[], since: number): number {
  let sum = 0;
  for (let i = items.length - 1; i >= 0 && items[i].at > since; i--) if (!items[i].released) sum += items[i].attempts;
  return sum;
}

/** Attempts counted after `since`: whole minutes from their totals, the partial first minute from its items. */
function totalSince(scope: ScopeIndex, since: number): number {
  const firstWhole = Math.floor(since / MINUTE_MS) + 1;
  let sum = 0;
  for (const [minute, attempts] of scope.minutes) if (minute >= firstWhole) sum += attempts;
  // Items are oldest first: find the first one after `since`, then add those before the first whole minute.
  let low = 0;
  let high = scope.items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (scope.items[mid].at > since) high = mid;
    else low = mid + 1;
  }
  for (let i = low; i < scope.items.length && scope.items[i].at < firstWhole * MINUTE_MS; i++) if (!scope.items[i].released) sum += scope.items[i].attempts;
  return sum;
}

function addToMinute(scope: ScopeIndex, at: number, attempts: number): void {
  const minute = Math.floor(at / MINUTE_MS);
  scope.minutes.set(minute, (scope.minutes.get(minute) ?? 0) + attempts);
}

function callKey(scope: string, callId: string): string {
  return `${scope}\n${callId}`;
}
