import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LazySqliteStore } from '../../mcp/stores/lazy-sqlite-store.js';
import { SqliteStore } from '../../mcp/stores/sqlite-store.js';
import { policyStoreContract } from './policy-store.contract.js';
import { runTogether } from './support/children.js';

const dir = mkdtempSync(join(tmpdir(), 'callbridge-sqlite-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

policyStoreContract('SQLite', async (now) => {
  const file = join(dir, `${randomUUID()}.sqlite`);
  const store = await SqliteStore.open(file, { now, nonce: randomUUID });
  return { store, another: () => SqliteStore.open(file, { now, nonce: randomUUID }) };
});

// What servers and commands use (mcp/stores/open-store.ts): the same store, opened on its first use.
policyStoreContract('SQLite, opened on first use', async (now) => {
  const file = join(dir, `${randomUUID()}.sqlite`);
  return { store: new LazySqliteStore(file, { now, nonce: randomUUID }), another: async () => new LazySqliteStore(file, { now, nonce: randomUUID }) };
});

describe('SQLite store file', () => {
  it('creates its directory and a file only its owner can read', async () => {
    const file = join(dir, 'state', 'nested', 'policy.sqlite');
    const store = await SqliteStore.open(file, { now: Date.now, nonce: randomUUID });
    await store.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'state', 'nested')).mode & 0o777).toBe(0o700);
  });

  it('keeps what it counted across a restart', async () => {
    const file = join(dir, 'restart.sqlite');
    const first = await SqliteStore.open(file, { now: () => 1_000, nonce: randomUUID });
    const id = await first.reserve({
      scope: 'dyvms:a', operation: 'op', numbers: [{ number: '+8613800000001', attempts: 1 }], direct: true,
      limits: { perNumberPerHour: 1, perNumberPerDay: 1, perHour: 1, perDay: 1, maxConcurrentCalls: 1, callMaxMs: 60_000 },
    });
    if (!id.ok) throw new Error('first reservation refused');
    await first.attachCallIds(id.id, ['call-1']);
    await first.close();
    const second = await SqliteStore.open(file, { now: () => 2_000, nonce: randomUUID });
    expect(await second.placedCall('dyvms:a', 'call-1')).toEqual({ scope: 'dyvms:a', operation: 'op', number: '+8613800000001', at: 1_000, callId: 'call-1' });
    await second.close();
  });

  it('keeps a cap exact when two processes hammer one file, and loses no call id', async () => {
    const file = join(dir, 'two-processes.sqlite');
    const clock = String(Date.UTC(2026, 2, 2, 9));
    const results = await runTogether('./store-hammer.ts', [
      [`sqlite:${file}`, '1', '400', '500', clock],
      [`sqlite:${file}`, '2', '400', '500', clock],
    ]);
    const placed = results.flatMap((r) => (r as { placed: Array<[string, string]> }).placed);
    expect(placed).toHaveLength(500);
    // The processes' reservations interleave in the file (they did not merely run one after the other).
    const childOf = new Map(results.flatMap((r, child) => (r as { placed: Array<[string, string]> }).placed.map(([id]) => [id, child] as const)));
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(file);
    const order = db.prepare('SELECT id FROM reservations ORDER BY rowid').all().map((row) => childOf.get(String(row.id)));
    db.close();
    const switches = order.filter((child, i) => i > 0 && child !== order[i - 1]).length;
    expect(switches).toBeGreaterThan(10);
    const store = await SqliteStore.open(file, { now: () => Number(clock), nonce: randomUUID });
    for (const [, callId] of placed) expect((await store.placedCall('dyvms:acct-1', callId))?.callId).toBe(callId);
    await store.close();
  });

  it('opens when several processes create the same new file at the same instant', async () => {
    const files = join(dir, 'opened-together');
    const results = await runTogether('./store-open.ts', Array.from({ length: 6 }, () => [files, '60']));
    expect(results).toEqual(Array.from({ length: 6 }, () => ({ opened: 60 })));
  }, 60_000);
});
