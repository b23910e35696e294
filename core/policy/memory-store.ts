// The policy store in one process's memory: for tests, n8n (per n8n process) and `--store memory`.
import { DAY_MS, checkReserveRequest, firstRefusal } from './store-rules.js';
import type { PlacedCall, PolicyStore, ReserveRequest, ReserveResult } from './types.js';

interface Item {
  number: string;
  attempts: number;
  callId?: string;
  endedAt?: number;
}

interface Reservation {
  scope: string;
  operation: string;
  at: number;
  direct: boolean;
  items: Item[];
  taskKey?: string;
  /** Task numbers this reservation marked counted (unmarked again on release). */
  marked: string[];
}

export interface MemoryStoreOptions {
  now: () => number;
  /** A unique string per call (the runtime's nonce): reservation ids. */
  nonce: () => string;
}

export class MemoryStore implements PolicyStore {
  private readonly reservations = new Map<string, Reservation>();
  /** scope + call id -> the reservation and item that placed it. */
  private readonly calls = new Map<string, { reservationId: string; index: number }>();
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
    const inScope = [...this.reservations.values()].filter((r) => r.scope === request.scope);
    const sum = (windowMs: number, number?: string) =>
      inScope
        .filter((r) => r.at > now - windowMs)
        .flatMap((r) => r.items)
        .filter((item) => number === undefined || item.number === number)
        .reduce((n, item) => n + item.attempts, 0);
    const since = now - request.limits.callMaxMs;
    const refusal = firstRefusal(request, {
      number: (number, windowMs) => sum(windowMs, number),
      total: (windowMs) => sum(windowMs),
      live: () => inScope.filter((r) => r.direct && r.at > since).flatMap((r) => r.items).filter((item) => item.endedAt === undefined).length,
    });
    if (refusal) return refusal;

    const id = `r-${this.options.nonce()}`;
    const marked = request.taskKey ? this.markCounted(request.taskKey, request.numbers.map((n) => n.number)) : [];
    this.reservations.set(id, {
      scope: request.scope,
      operation: request.operation,
      at: now,
      direct: request.direct,
      items: request.numbers.map(({ number, attempts }) => ({ number, attempts })),
      taskKey: request.taskKey,
      marked,
    });
    return { ok: true, id };
  }

  async release(reservationId: string): Promise<void> {
    const reservation = this.reservations.get(reservationId);
    if (!reservation) return;
    this.reservations.delete(reservationId);
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
      this.calls.set(callKey(reservation.scope, callId), { reservationId, index });
    });
  }

  async placedCall(scope: string, callId: string): Promise<PlacedCall | undefined> {
    const found = this.find(scope, callId);
    if (!found) return undefined;
    const { reservation, item } = found;
    return { scope, operation: reservation.operation, number: item.number, at: reservation.at, callId, endedAt: item.endedAt };
  }

  async markEnded(scope: string, callId: string): Promise<void> {
    const found = this.find(scope, callId);
    if (found && found.item.endedAt === undefined) found.item.endedAt = this.options.now();
  }

  async addTaskNumbers(taskKey: string, numbers: readonly string[], counted: boolean): Promise<void> {
    if (!numbers.length) return;
    const task = this.tasks.get(taskKey) ?? new Map<string, boolean>();
    for (const number of numbers) task.set(number, (task.get(number) ?? false) || counted);
    this.tasks.set(taskKey, task);
  }

  async taskNumbers(taskKey: string): Promise<{ all: string[]; uncounted: string[] } | undefined> {
    const task = this.tasks.get(taskKey);
    if (!task) return undefined;
    return { all: [...task.keys()], uncounted: [...task].filter(([, counted]) => !counted).map(([number]) => number) };
  }

  async claimOnce(namespace: string, id: string, ttlMs: number): Promise<boolean> {
    const now = this.options.now();
    const key = `${namespace}\n${id}`;
    const expires = this.claims.get(key);
    if (expires !== undefined && expires > now) return false;
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

  private find(scope: string, callId: string): { reservation: Reservation; item: Item } | undefined {
    const ref = this.calls.get(callKey(scope, callId));
    const reservation = ref && this.reservations.get(ref.reservationId);
    if (!ref || !reservation) return undefined;
    return { reservation, item: reservation.items[ref.index] };
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

  /** Forgets what no window can count any more (everything older than 24 hours) and expired claims. */
  private prune(now: number): void {
    for (const [id, reservation] of this.reservations) {
      if (reservation.at > now - DAY_MS) continue;
      this.reservations.delete(id);
      this.forgetCalls(id, reservation);
    }
    for (const [key, expires] of this.claims) if (expires <= now) this.claims.delete(key);
  }
}

function callKey(scope: string, callId: string): string {
  return `${scope}\n${callId}`;
}
