import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../core/policy/store-rules.js';
import { connectRedis, PolicyStoreUnavailable } from '../../mcp/stores/redis-connection.js';
import { RedisPacer } from '../../mcp/stores/redis-pacer.js';
import { RedisStore } from '../../mcp/stores/redis-store.js';
import { number, policyStoreContract, request } from './policy-store.contract.js';
import { runTogether } from './support/children.js';
import { startRedis, type TestRedis } from './support/redis-server.js';

let server: Promise<TestRedis> | undefined;
const redisServer = () => (server ??= startRedis());
afterAll(async () => {
  if (server) await (await server).stop();
});

async function openStore(prefix: string, now: () => number, warn?: (message: string) => void): Promise<RedisStore> {
  const { url } = await redisServer();
  return new RedisStore(await connectRedis(url), { prefix, now, nonce: randomUUID, warn });
}

policyStoreContract('Redis', async (now) => {
  const prefix = `t-${randomUUID()}`;
  return { store: await openStore(prefix, now), another: () => openStore(prefix, now) };
});

describe('Redis store', () => {
  it('gives every key it writes a TTL, so a dead replica leaves nothing behind for ever', async () => {
    const prefix = `ttl-${randomUUID()}`;
    const store = await openStore(prefix, Date.now);
    await store.addTaskNumbers('outboundbot:jg-1', [number(1)], false);
    const reserved = await store.reserve(request([number(1)], {}, { direct: true, taskKey: 'outboundbot:jg-1' }));
    if (!reserved.ok) throw new Error('refused');
    await store.attachCallIds(reserved.id, ['call-1']);
    await store.claimOnce('receipt', 'r-1', 60_000);
    const { redis } = await connectRedis((await redisServer()).url);
    const keys = await redis.keys(`${prefix}:*`);
    expect(keys.length).toBe(8); // all, live, number, reservation, call, task and its count of counted numbers, claim
    for (const key of keys) {
      const ttl = await redis.pttl(key);
      expect(ttl, key).toBeGreaterThan(0);
      expect(ttl, key).toBeLessThanOrEqual(key.includes(':task:') ? 30 * DAY_MS : DAY_MS);
    }
    await redis.quit();
    await store.close();
  });

  it('refuses to reserve while Redis is down (fails closed), answers reads softly, and recovers after a restart', async () => {
    const redis = await startRedis();
    const warnings: string[] = [];
    const connection = await connectRedis(redis.url);
    const store = new RedisStore(connection, { prefix: 'down', nonce: randomUUID, warn: (m) => warnings.push(m) });
    const placed = await store.reserve(request([number(1)], {}, { direct: true }));
    if (!placed.ok) throw new Error('refused');
    await store.attachCallIds(placed.id, ['call-1']);

    await redis.stop();
    const refused = store.reserve(request([number(2)], {}, { direct: true }));
    await expect(refused).rejects.toBeInstanceOf(PolicyStoreUnavailable);
    await expect(refused).rejects.toThrow(`The Redis policy store at ${redis.url} is unreachable`);
    await expect(refused).rejects.toThrow('billed calls are refused until it is back; nothing was sent.');
    await expect(store.claimOnce('confirm', 'c-1', 60_000)).rejects.toBeInstanceOf(PolicyStoreUnavailable);
    expect(await store.placedCall('dyvms:acct-1', 'call-1')).toBeUndefined();
    await store.markEnded('dyvms:acct-1', 'call-1');
    expect(warnings.filter((w) => w.includes('call-1'))).toHaveLength(2);

    const pacer = new RedisPacer(connection, {
      scope: 'dyvms:acct-1',
      runtime: { now: Date.now, sleep: (ms) => sleep(ms), random: Math.random, nonce: randomUUID },
      warn: (m) => warnings.push(m),
    });
    expect(await pacer.waitForSlot('dyvms.BatchAppend', 50)).toBeUndefined(); // paced in this process instead
    expect(warnings.at(-1)).toContain('pacing dyvms.BatchAppend in this process only');

    await redis.start();
    if (connection.redis.status !== 'ready') await once(connection.redis, 'ready');
    expect((await store.reserve(request([number(2)], {}, { direct: true }))).ok).toBe(true);
    expect(await pacer.waitForSlot('dyvms.BatchAppend', 50)).toMatchObject({ waitMs: 0 });
    await store.close();
    await redis.stop();
  });

  it('refuses every reserve in flight when Redis dies holding it (none hangs, none is taken as counted)', async () => {
    const redis = await startRedis();
    const store = new RedisStore(await connectRedis(redis.url), { prefix: 'inflight', nonce: randomUUID });
    const admin = await connectRedis(redis.url);
    await admin.redis.call('CLIENT', 'PAUSE', '30000', 'WRITE'); // Redis holds the scripts unanswered
    const inFlight = Array.from({ length: 200 }, (_, i) => store.reserve(request([number(i)], {}, { direct: true })));
    const outcomes = Promise.allSettled(inFlight); // handled before any can reject
    await redis.kill();
    const settled = await outcomes;
    for (const outcome of settled) {
      expect(outcome.status).toBe('rejected');
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(PolicyStoreUnavailable);
    }
    admin.redis.disconnect();
    await store.close();
  });

  it('refuses to open when Redis cannot be reached, naming the store without credentials', async () => {
    const redis = await startRedis();
    await redis.stop();
    await expect(connectRedis(`redis://user:s3cret@127.0.0.1:${redis.port}`)).rejects.toThrow(
      new RegExp(`^Cannot reach the Redis policy store at redis://127\\.0\\.0\\.1:${redis.port} \\(the store setting\\)`),
    );
    await expect(connectRedis(`redis://user:s3cret@127.0.0.1:${redis.port}`)).rejects.not.toThrow(/s3cret/);
  });

  it('keeps a cap exact when three processes hammer one Redis, and loses no call id', async () => {
    const { url } = await redisServer();
    const prefix = `hammer-${randomUUID()}`;
    const clock = String(Date.UTC(2026, 2, 2, 9));
    const results = await runTogether('./store-hammer.ts', ['1', '2', '3'].map((child) => [`${url}?prefix=${prefix}`, child, '200', '450', clock]));
    const perChild = results.map((r) => (r as { placed: Array<[string, string]> }).placed);
    expect(perChild.flat()).toHaveLength(450);
    const store = await openStore(prefix, () => Number(clock));
    for (const [, callId] of perChild.flat()) expect((await store.placedCall('dyvms:acct-1', callId))?.callId).toBe(callId);
    expect(await store.reserve(request([number(999_999)], { perHour: 450 }))).toEqual({ ok: false, rule: 'max-calls-per-hour', counted: 450, limit: 450 });
    await store.close();
  });

  it('keeps pacing on the shared schedule when Redis answers late (a busy process), rather than pacing alone', async () => {
    const { url } = await redisServer();
    const warnings: string[] = [];
    const runtime = { now: Date.now, sleep: (ms: number) => sleep(ms), random: Math.random, nonce: randomUUID };
    const pacer = new RedisPacer(await connectRedis(url, undefined, { commandTimeoutMs: 1000 }), { prefix: `late-${randomUUID()}`, scope: 'dyvms:acct-1', runtime, warn: (m) => warnings.push(m) });
    const admin = await connectRedis(url);
    // Longer than the 1 s command timeout, shorter than two: the first ask times out, the second is answered.
    await admin.redis.call('CLIENT', 'PAUSE', '1500', 'WRITE');
    const slot = await pacer.waitForSlot('dyvms.BatchAppend', 10);
    expect(slot).toBeDefined(); // undefined: it gave up on Redis and paced in this process only
    expect(warnings).toEqual([]);
    admin.redis.disconnect();
  }, 20_000);

  it('shares one pace between 3 processes: the slots they were given keep the QPS in every second', async () => {
    const { url } = await redisServer();
    const qps = 20;
    const perProcess = 20;
    const args = ['p1', 'p2', 'p3'].map(() => [url, `pace-${randomUUID()}`, 'dyvms:acct-1', 'dyvms.BatchAppend', String(qps), String(perProcess)]);
    for (const a of args) a[1] = args[0][1]; // one deployment prefix
    const results = await runTogether('./pace-worker.ts', args);
    const perChild = results.map((r) => (r as { slots: Array<[number, number]> }).slots);
    const all = perChild.flatMap((slots, child) => slots.map(([at, sentAt]) => ({ at, sentAt, child }))).sort((a, b) => a.at - b.at);
    expect(all).toHaveLength(3 * perProcess);
    // No two slots closer than 1/QPS, so no second-long window holds more than QPS slots.
    for (let i = 1; i < all.length; i++) expect(all[i].at - all[i - 1].at).toBeGreaterThanOrEqual(1000 / qps - 0.001);
    for (const first of all) expect(all.filter((s) => s.at >= first.at && s.at < first.at + 1000).length).toBeLessThanOrEqual(qps);
    // Each process waited for its slot before it "sent" (a timer may fire up to 1 ms early: Node's loop clock).
    for (const s of all) expect(s.sentAt).toBeGreaterThanOrEqual(Math.floor(s.at) - 1);
    // The processes ran at the same time: their slots interleave.
    expect(all.filter((s, i) => i > 0 && s.child !== all[i - 1].child).length).toBeGreaterThan(2);
  });
});
