import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalCallEvents } from '../../core/call-events.js';
import { MemoryStore } from '../../core/policy/memory-store.js';
import { openStore, parseStoreSetting } from '../../mcp/stores/open-store.js';
import { RedisCallEvents } from '../../mcp/stores/redis-call-events.js';
import { connectRedis } from '../../mcp/stores/redis-connection.js';
import { RedisStore } from '../../mcp/stores/redis-store.js';
import { LazySqliteStore } from '../../mcp/stores/lazy-sqlite-store.js';
import { fakeRuntime } from '../helpers/fakes.js';
import { number, request } from './policy-store.contract.js';
import { startRedis } from './support/redis-server.js';

const dir = mkdtempSync(join(tmpdir(), 'callbridge-open-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const context = { setting: '--store', env: { XDG_STATE_HOME: '/state' }, home: '/home/u', cwd: '/work' };

describe('store setting', () => {
  it('defaults to an SQLite file in the XDG state directory, else ~/.local/state', () => {
    expect(parseStoreSetting(undefined, context)).toEqual({ kind: 'sqlite', path: '/state/callbridge/policy.sqlite' });
    expect(parseStoreSetting('  ', { ...context, env: {} })).toEqual({ kind: 'sqlite', path: '/home/u/.local/state/callbridge/policy.sqlite' });
    expect(parseStoreSetting('', { ...context, env: { XDG_STATE_HOME: 'relative' } })).toEqual({ kind: 'sqlite', path: '/home/u/.local/state/callbridge/policy.sqlite' });
  });

  it('reads memory, sqlite:<path>, plain paths (relative to the working directory, ~ expanded) and redis URLs', () => {
    expect(parseStoreSetting('memory', context)).toEqual({ kind: 'memory' });
    expect(parseStoreSetting('sqlite:/var/lib/cb.sqlite', context)).toEqual({ kind: 'sqlite', path: '/var/lib/cb.sqlite' });
    expect(parseStoreSetting('sqlite:state/cb.sqlite', context)).toEqual({ kind: 'sqlite', path: '/work/state/cb.sqlite' });
    expect(parseStoreSetting('~/cb.sqlite', context)).toEqual({ kind: 'sqlite', path: '/home/u/cb.sqlite' });
    expect(parseStoreSetting('state.sqlite', { ...context, setting: '--state-file' })).toEqual({ kind: 'sqlite', path: '/work/state.sqlite' });
    expect(parseStoreSetting('redis://:pw@redis.internal:6380/2', context)).toEqual({ kind: 'redis', url: 'redis://:pw@redis.internal:6380/2', prefix: 'callbridge' });
    expect(parseStoreSetting('rediss://redis.internal?prefix=prod-eu', context)).toEqual({ kind: 'redis', url: 'rediss://redis.internal', prefix: 'prod-eu' });
  });

  it('refuses what it cannot use, naming the setting and never echoing a password', () => {
    expect(() => parseStoreSetting('sqlite:', context)).toThrow('--store: "sqlite:" needs a file path, e.g. sqlite:/state/callbridge/policy.sqlite');
    expect(() => parseStoreSetting('postgres://u:secret@db/x', { ...context, setting: 'CALLBRIDGE_STORE_URL' })).toThrow(
      'CALLBRIDGE_STORE_URL: unsupported store "postgres://…"; use memory, sqlite:<file>, a file path, or redis://host:port.',
    );
    expect(() => parseStoreSetting('redis://u:secret@host?prefix=a:b', { ...context, setting: 'store' })).toThrow(/^store: prefix must be 1-64 letters/);
    expect(() => parseStoreSetting('redis://u:secret@host:notaport', context)).toThrow('--store: not a valid Redis URL; write redis://[user:password@]host:port[/db][?prefix=name].');
    for (const bad of ['postgres://u:secret@db/x', 'redis://u:secret@host?prefix=a:b', 'redis://u:secret@host:notaport']) {
      const message = (() => {
        try {
          parseStoreSetting(bad, context);
        } catch (error) {
          return String(error);
        }
        return 'accepted';
      })();
      expect(message).toMatch(/^Error: --store: /);
      expect(message).not.toContain('secret');
    }
  });
});

describe('openStore', () => {
  it('opens memory, a default SQLite file in the state directory, and refuses an old JSON state file', async () => {
    const runtime = fakeRuntime();
    const memory = await openStore('memory', { ...context, runtime });
    expect(memory.store).toBeInstanceOf(MemoryStore);
    expect(memory.pacer).toBeUndefined();
    expect(memory.events).toBeInstanceOf(LocalCallEvents);

    const sqlite = await openStore(undefined, { setting: '--store', env: { XDG_STATE_HOME: join(dir, 'xdg') }, runtime });
    // SQLite itself is opened on the first use; the file is there, for this user only, from the start.
    expect(sqlite.store).toBeInstanceOf(LazySqliteStore);
    expect(statSync(join(dir, 'xdg', 'callbridge', 'policy.sqlite')).mode & 0o777).toBe(0o600);
    expect(sqlite.description).toBe(`${join(dir, 'xdg', 'callbridge', 'policy.sqlite')} (shared by processes on this machine)`);
    expect((await sqlite.store.reserve(request([number(1)], {}))).ok).toBe(true);
    await sqlite.close();
    expect(readFileSync(join(dir, 'xdg', 'callbridge', 'policy.sqlite')).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(statSync(join(dir, 'xdg', 'callbridge', 'policy.sqlite')).mode & 0o777).toBe(0o600);

    const old = join(dir, 'state.json');
    writeFileSync(old, '{"version":1,"entries":[],"tasks":{}}');
    await expect(openStore(old, { setting: '--state-file', runtime })).rejects.toThrow(
      `--state-file: ${old} exists and is not an SQLite database (older callbridge versions kept JSON state there); move it away or name another file.`,
    );
  });

  it('opens a Redis store with its deployment prefix and a pacer shared through it', async () => {
    const redis = await startRedis();
    try {
      const opened = await openStore(`${redis.url}?prefix=prod`, { ...context, runtime: fakeRuntime() });
      expect(opened.store).toBeInstanceOf(RedisStore);
      expect(opened.events).toBeInstanceOf(RedisCallEvents);
      expect(opened.description).toBe(`${redis.url} prefix prod (shared by every process using it)`);
      expect((await opened.store.reserve(request([number(1)], {}))).ok).toBe(true);
      await opened.pacer?.('dyvms:acct-1').wait('dyvms.BatchAppend', 100);
      const check = await connectRedis(redis.url);
      expect((await check.redis.keys('*')).every((key) => key.startsWith('prod:'))).toBe(true);
      expect(await check.redis.keys('prod:{dyvms%3Aacct-1}:pace:*')).toHaveLength(1);
      await check.redis.quit();
      await opened.close();
    } finally {
      await redis.stop();
    }
  });
});
