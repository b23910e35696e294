// CallEvents across replicas: "call ended" is published on one Redis channel per deployment; every
// process subscribes once and wakes its own waiters. Delivery is best effort (pub/sub keeps nothing):
// a waiter that misses a message still polls the vendor on its usual schedule.
import type { Redis } from 'ioredis';
import { LocalCallEvents, type CallEvents } from '../../core/call-events.js';
import { messageOf, type RedisConnection } from './redis-connection.js';

export interface RedisCallEventsOptions {
  /** Namespace of one deployment's keys and channels (default "callbridge"). */
  prefix?: string;
  warn?: (message: string) => void;
}

export class RedisCallEvents implements CallEvents {
  /** Subscribes a second connection (a subscribed connection can do nothing else) to the deployment's channel. */
  static async open(connection: RedisConnection, options: RedisCallEventsOptions = {}): Promise<RedisCallEvents> {
    const channel = `${options.prefix ?? 'callbridge'}:call-ended`;
    const subscriber = connection.redis.duplicate();
    subscriber.on('error', () => {}); // the main connection reports Redis errors
    await subscriber.connect();
    await subscriber.subscribe(channel);
    return new RedisCallEvents(connection, subscriber, channel, options);
  }

  private readonly local = new LocalCallEvents();

  private constructor(
    private readonly connection: RedisConnection,
    private readonly subscriber: Redis,
    private readonly channel: string,
    private readonly options: RedisCallEventsOptions,
  ) {
    subscriber.on('message', (from: string, message: string) => {
      if (from !== channel) return;
      const event = parseEvent(message);
      if (event) this.local.dispatch(event.scope, event.callId);
    });
  }

  async ended(scope: string, callId: string): Promise<void> {
    try {
      await this.connection.redis.publish(this.channel, JSON.stringify({ scope, callId }));
    } catch (error) {
      this.options.warn?.(`call events via ${this.connection.label}: could not tell other processes that ${callId} ended (${messageOf(error)})`);
      this.local.dispatch(scope, callId);
    }
  }

  onEnded(scope: string, callId: string, listener: () => void): () => void {
    return this.local.onEnded(scope, callId, listener);
  }

  async close(): Promise<void> {
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }
}

function parseEvent(message: string): { scope: string; callId: string } | undefined {
  try {
    const value: unknown = JSON.parse(message);
    if (typeof value !== 'object' || value === null) return undefined;
    const { scope, callId } = Object.fromEntries(Object.entries(value));
    return typeof scope === 'string' && typeof callId === 'string' ? { scope, callId } : undefined;
  } catch {
    return undefined;
  }
}
