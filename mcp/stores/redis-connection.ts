// One Redis connection for the policy store and the shared pacer: fails fast instead of queueing while
// Redis is away (billed calls must fail closed, not wait), and reconnects on its own.
import { Redis } from 'ioredis';

/** The policy store could not be reached: billed calls are refused until it is back. */
export class PolicyStoreUnavailable extends Error {
  override readonly name = 'PolicyStoreUnavailable';
}

export interface RedisConnection {
  redis: Redis;
  /** Where it connects, without credentials, for messages. */
  label: string;
}

/** The URL without user name or password. */
export function redisLabel(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname === '/' ? '' : parsed.pathname}`;
}

/**
 * How long a command may go unanswered. A Redis that is down fails at once (the connection is closed);
 * this bounds a Redis that hangs. It is generous because it also counts the time this process takes to
 * read the answer: a replica busy reading 100,000 callees can be seconds late.
 */
export const COMMAND_TIMEOUT_MS = 10_000;

/** Connects (rejecting with a clear error when Redis cannot be reached now); keeps reconnecting after later losses. */
export async function connectRedis(url: string, onError: (message: string) => void = () => {}, options: { commandTimeoutMs?: number } = {}): Promise<RedisConnection> {
  const label = redisLabel(url);
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    connectTimeout: 2_000,
    commandTimeout: options.commandTimeoutMs ?? COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  let lastError = '';
  redis.on('error', (error: Error) => {
    // Reported once per distinct error, not on every reconnect attempt.
    if (error.message === lastError) return;
    lastError = error.message;
    onError(`policy store ${label}: ${error.message}`);
  });
  redis.on('ready', () => {
    lastError = '';
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new PolicyStoreUnavailable(`Cannot reach the Redis policy store at ${label} (the store setting): ${messageOf(error)}`);
  }
  return { redis, label };
}

/** Runs a Redis step; any failure becomes PolicyStoreUnavailable naming the store and what was refused. */
export async function orUnavailable<T>(label: string, what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new PolicyStoreUnavailable(`The Redis policy store at ${label} is unreachable (${messageOf(error)}); ${what}`);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
