// The policy store on Redis, shared by every replica and worker of one deployment: reserve-and-count is
// one Lua script; keys are namespaced by a deployment prefix and by scope (provider + vendor account,
// never a secret); counts, reservations and call records expire on their own, so a dead replica's holds
// go away (a task's numbers are kept 30 days after the last were added). When Redis is unreachable, reserve rejects (billed calls fail closed); call-tracking reads
// answer "not known" and report the error instead of failing the request.
import type { Redis } from 'ioredis';
import { DAY_MS, HOUR_MS, checkReserveRequest } from '../../core/policy/store-rules.js';
import type { PlacedCall, PolicyStore, ReserveRequest, ReserveResult } from '../../core/policy/types.js';
import { messageOf, orUnavailable, type RedisConnection } from './redis-connection.js';
import { ADD_TASK_NUMBERS, ATTACH, CLAIM, MARK_ENDED, RELEASE, RESERVE, TASK_COUNTED } from './redis-scripts.js';

/** How long a task's numbers are kept after the last were added. */
const TASK_TTL_MS = 30 * DAY_MS;

const RULES = ['max-per-number-per-hour', 'max-per-number-per-day', 'max-calls-per-hour', 'max-calls-per-day', 'max-concurrent-calls'] as const;

export interface RedisStoreOptions {
  /** Namespace of one deployment's keys (default "callbridge"). */
  prefix?: string;
  now?: () => number;
  /** A unique string per call across processes (the runtime's nonce): reservation ids. */
  nonce: () => string;
  /** Told when a read fails soft (Redis unreachable). */
  warn?: (message: string) => void;
}

interface StoredReservation {
  scope: string;
  operation: string;
  at: number;
  direct: boolean;
  numbers: Array<{ number: string; attempts: number }>;
  taskKey?: string;
}

interface StoredCall {
  operation: string;
  number: string;
  at: number;
  member: string;
  endedAt?: number;
}

export class RedisStore implements PolicyStore {
  private readonly redis: Redis;
  private readonly label: string;
  private readonly prefix: string;
  private readonly now: () => number;

  constructor(
    connection: RedisConnection,
    private readonly options: RedisStoreOptions,
  ) {
    this.redis = connection.redis;
    this.label = connection.label;
    this.prefix = options.prefix ?? 'callbridge';
    this.now = options.now ?? Date.now;
  }

  async reserve(request: ReserveRequest): Promise<ReserveResult> {
    checkReserveRequest(request);
    const { limits, scope } = request;
    const id = `r-${this.options.nonce()}`;
    const now = this.now();
    const stored: StoredReservation = { scope, operation: request.operation, at: now, direct: request.direct, numbers: request.numbers, taskKey: request.taskKey };
    const keys = [this.key(scope, 'all'), this.key(scope, 'live'), this.reservationKey(id), this.taskKey(request.taskKey ?? ''), ...request.numbers.map((n) => this.numberKey(scope, n.number))];
    const limit = (value: number) => (value === Infinity ? -1 : value);
    const args = [
      now, HOUR_MS, DAY_MS,
      limit(limits.perNumberPerHour), limit(limits.perNumberPerDay), limit(limits.perHour), limit(limits.perDay), limit(limits.maxConcurrentCalls),
      limits.callMaxMs, id, request.direct ? 1 : 0, request.taskKey ? 1 : 0, JSON.stringify(stored),
      ...request.numbers.flatMap((n) => [n.number, n.attempts]),
    ];
    const reply = await orUnavailable(this.label, 'billed calls are refused until it is back; nothing was sent.', () =>
      this.redis.eval(RESERVE, keys.length, ...keys, ...args),
    );
    if (!Array.isArray(reply) || typeof reply[0] !== 'number') throw new Error(`policy store ${this.label}: unexpected reply to reserve`);
    if (reply[0] === 1) return { ok: true, id };
    const [, ruleIndex, counted, numberIndex] = reply.map(Number);
    const rule = RULES[ruleIndex - 1];
    const refusal: ReserveResult = { ok: false, rule, counted, limit: limits[RULE_LIMIT[rule]] };
    if (numberIndex > 0) refusal.number = request.numbers[numberIndex - 1].number;
    return refusal;
  }

  async release(reservationId: string): Promise<void> {
    await orUnavailable(this.label, 'the reservation could not be released (it expires with its windows).', async () => {
      const found = await this.reservation(reservationId);
      if (!found) return;
      const { stored, callIds } = found;
      const keys = [
        this.reservationKey(reservationId), this.key(stored.scope, 'all'), this.key(stored.scope, 'live'), this.taskKey(stored.taskKey ?? ''),
        ...stored.numbers.map((n) => this.numberKey(stored.scope, n.number)),
        ...callIds.map((callId) => this.callKey(stored.scope, callId)),
      ];
      await this.redis.eval(RELEASE, keys.length, ...keys, reservationId, stored.numbers.length, ...stored.numbers.map((n) => n.attempts));
    });
  }

  async attachCallIds(reservationId: string, callIds: ReadonlyArray<string | undefined>): Promise<void> {
    const attached = await orUnavailable(this.label, `call ids ${callIds.filter(Boolean).join(', ')} could not be recorded.`, async () => {
      const found = await this.reservation(reservationId);
      if (!found) return 0;
      const { stored } = found;
      const keys = [this.reservationKey(reservationId)];
      const args: Array<string | number> = [DAY_MS];
      callIds.forEach((callId, index) => {
        if (!callId) return;
        const call: StoredCall = { operation: stored.operation, number: stored.numbers[index].number, at: stored.at, member: `${reservationId}:${index + 1}` };
        keys.push(this.callKey(stored.scope, callId));
        args.push(JSON.stringify(call), callId);
      });
      return this.redis.eval(ATTACH, keys.length, ...keys, ...args);
    });
    if (attached !== 1) throw new Error(`attachCallIds: no reservation ${reservationId} (released, or older than 24 hours)`);
  }

  async placedCall(scope: string, callId: string): Promise<PlacedCall | undefined> {
    try {
      const stored = await this.redis.get(this.callKey(scope, callId));
      if (!stored) return undefined;
      const call = parseCall(stored);
      const placed: PlacedCall = { scope, operation: call.operation, number: call.number, at: call.at, callId };
      if (call.endedAt !== undefined) placed.endedAt = call.endedAt;
      return placed;
    } catch (error) {
      this.options.warn?.(`policy store ${this.label}: call ${callId} could not be looked up (${messageOf(error)})`);
      return undefined;
    }
  }

  async markEnded(scope: string, callId: string): Promise<void> {
    try {
      const keys = [this.callKey(scope, callId), this.key(scope, 'live')];
      await this.redis.eval(MARK_ENDED, keys.length, ...keys, this.now());
    } catch (error) {
      this.options.warn?.(`policy store ${this.label}: call ${callId} could not be marked ended; it counts as live until its maximum duration (${messageOf(error)})`);
    }
  }

  async addTaskNumbers(taskKey: string, numbers: readonly string[], counted: boolean): Promise<void> {
    if (!numbers.length) return;
    await orUnavailable(this.label, `the task's numbers could not be recorded.`, () => this.redis.eval(ADD_TASK_NUMBERS, 2, this.taskKey(taskKey), this.taskCountedKey(taskKey), TASK_TTL_MS, counted ? 1 : 0, ...numbers));
  }

  async taskStarted(taskKey: string): Promise<boolean | undefined> {
    const [known, counted] = await orUnavailable(this.label, `the task's numbers could not be read.`, () =>
      Promise.all([this.redis.exists(this.taskKey(taskKey)), this.redis.get(this.taskCountedKey(taskKey))]),
    );
    return known ? Number(counted ?? 0) > 0 : undefined;
  }

  async taskNumbers(taskKey: string): Promise<{ all: string[]; uncounted: string[] } | undefined> {
    const task = await orUnavailable(this.label, `the task's numbers could not be read.`, () => this.redis.hgetall(this.taskKey(taskKey)));
    const entries = Object.entries(task);
    if (!entries.length) return undefined;
    return { all: entries.map(([number]) => number), uncounted: entries.filter(([, counted]) => counted === '0').map(([number]) => number) };
  }

  async claimOnce(namespace: string, id: string, ttlMs: number): Promise<boolean> {
    const key = `${this.prefix}:claim:${encodeURIComponent(namespace)}:${encodeURIComponent(id)}`;
    const claimed = await orUnavailable(this.label, 'the id could not be claimed.', () => this.redis.eval(CLAIM, 1, key, this.now(), ttlMs));
    return claimed === 1;
  }

  async putTask(id: string, json: string, ttlMs: number): Promise<void> {
    const key = `${this.prefix}:mcptask:${encodeURIComponent(id)}`;
    await orUnavailable(this.label, 'the task could not be stored.', () => this.redis.set(key, json, 'PX', Math.max(1, Math.round(ttlMs))));
  }

  async getTask(id: string): Promise<string | undefined> {
    const key = `${this.prefix}:mcptask:${encodeURIComponent(id)}`;
    return (await orUnavailable(this.label, 'the task could not be read.', () => this.redis.get(key))) ?? undefined;
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private async reservation(id: string): Promise<{ stored: StoredReservation; callIds: string[] } | undefined> {
    const [data, calls] = await this.redis.hmget(this.reservationKey(id), 'data', 'calls');
    if (!data) return undefined;
    return { stored: parseReservation(data), callIds: Object.keys(parseObject(calls ?? '{}')) };
  }

  /** `{scope}` keeps a scope's counts together; Redis Cluster is not supported (scripts also touch reservation and task keys). */
  private key(scope: string, name: string): string {
    return `${this.prefix}:{${encodeURIComponent(scope)}}:${name}`;
  }

  private numberKey(scope: string, number: string): string {
    return this.key(scope, `n:${number}`);
  }

  private callKey(scope: string, callId: string): string {
    return this.key(scope, `call:${encodeURIComponent(callId)}`);
  }

  private reservationKey(id: string): string {
    return `${this.prefix}:res:${id}`;
  }

  private taskKey(taskKey: string): string {
    return `${this.prefix}:task:${encodeURIComponent(taskKey)}`;
  }

  /** How many of the task's numbers are counted (see redis-scripts.ts). */
  private taskCountedKey(taskKey: string): string {
    return `${this.taskKey(taskKey)}${TASK_COUNTED}`;
  }
}

const RULE_LIMIT = {
  'max-per-number-per-hour': 'perNumberPerHour',
  'max-per-number-per-day': 'perNumberPerDay',
  'max-calls-per-hour': 'perHour',
  'max-calls-per-day': 'perDay',
  'max-concurrent-calls': 'maxConcurrentCalls',
} as const;

function parseObject(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value));
}

function parseReservation(text: string): StoredReservation {
  const value = parseObject(text);
  const numbers = Array.isArray(value.numbers) ? value.numbers : [];
  return {
    scope: String(value.scope),
    operation: String(value.operation),
    at: Number(value.at),
    direct: value.direct === true,
    numbers: numbers.map((n: unknown) => {
      const item = typeof n === 'object' && n !== null ? Object.fromEntries(Object.entries(n)) : {};
      return { number: String(item.number), attempts: Number(item.attempts) };
    }),
    taskKey: typeof value.taskKey === 'string' ? value.taskKey : undefined,
  };
}

function parseCall(text: string): StoredCall {
  const value = parseObject(text);
  const call: StoredCall = { operation: String(value.operation), number: String(value.number), at: Number(value.at), member: String(value.member) };
  if (typeof value.endedAt === 'number') call.endedAt = value.endedAt;
  return call;
}

