// The Redis policy store with its shared events and pacer: opened by open-store.ts on a redis:// setting,
// and imported only then, so that ioredis is not loaded by the processes that do not use it.
import type { Runtime } from '../../core/transport.js';
import type { OpenedStore } from './open-store.js';
import { RedisCallEvents } from './redis-call-events.js';
import { connectRedis, messageOf, redisLabel } from './redis-connection.js';
import { RedisPacer } from './redis-pacer.js';
import { RedisStore } from './redis-store.js';

export async function openRedisStore(
  location: { kind: 'redis'; url: string; prefix: string },
  runtime: Runtime,
  warn?: (message: string) => void,
): Promise<OpenedStore> {
  const ids = { now: () => runtime.now(), nonce: () => runtime.nonce() };
  const connection = await connectRedis(location.url, warn);
  const { prefix } = location;
  const store = new RedisStore(connection, { ...ids, prefix, warn });
  const events = await RedisCallEvents.open(connection, { prefix, warn });
  return {
    store,
    location,
    description: `${redisLabel(location.url)} prefix ${prefix} (shared by every process using it)`,
    pacer: (scope) => new RedisPacer(connection, { prefix, scope, runtime, warn }),
    takePaceSlot: async (scope, operation, qps) => ({ waitMs: (await new RedisPacer(connection, { prefix, scope, runtime }).take(operation, qps)).waitMs }),
    events,
    unreachable: async () => {
      try {
        await connection.redis.ping();
        return undefined;
      } catch (error) {
        return `${connection.label}: ${messageOf(error)}`;
      }
    },
    close: async () => {
      await events.close();
      await store.close();
    },
  };
}
