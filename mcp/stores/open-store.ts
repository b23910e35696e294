// One setting chooses the policy store: `memory`, `sqlite:<path>` or a plain path, or `redis://…`
// (`--store`, CALLBRIDGE_STORE_URL, config key `store`; `--state-file <path>` is an alias for a path).
import { closeSync, openSync, readSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { LocalCallEvents, type CallEvents } from '../../core/call-events.js';
import { MemoryStore } from '../../core/policy/memory-store.js';
import type { PolicyStore } from '../../core/policy/types.js';
import type { RatePacer } from '../../core/pacer.js';
import type { Runtime } from '../../core/transport.js';
import { LazySqliteStore } from './lazy-sqlite-store.js';

export type StoreLocation =
  | { kind: 'memory' }
  | { kind: 'sqlite'; path: string }
  /** `url` without our `prefix` parameter; `prefix` namespaces one deployment's keys. */
  | { kind: 'redis'; url: string; prefix: string };

export interface StoreSettingContext {
  /** The setting the value came from, for errors: "--store", "CALLBRIDGE_STORE_URL", "store" (config file), "--state-file". */
  setting: string;
  env?: Record<string, string | undefined>;
  home?: string;
  cwd?: string;
}

/** Where `callbridge mcp` keeps its state when no store is chosen: $XDG_STATE_HOME/callbridge/policy.sqlite. */
export function defaultStorePath(env: Record<string, string | undefined> = process.env, home = homedir()): string {
  const base = env.XDG_STATE_HOME?.startsWith('/') ? env.XDG_STATE_HOME : join(home, '.local', 'state');
  return join(base, 'callbridge', 'policy.sqlite');
}

/** Reads a store setting; throws an Error naming the setting and the accepted forms. An empty value means the default. */
export function parseStoreSetting(value: string | undefined, context: StoreSettingContext): StoreLocation {
  const { setting } = context;
  const home = context.home ?? homedir();
  const text = value?.trim() ?? '';
  if (!text) return { kind: 'sqlite', path: defaultStorePath(context.env ?? process.env, home) };
  if (text === 'memory') return { kind: 'memory' };
  if (/^rediss?:\/\//i.test(text)) return parseRedis(text, setting);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) throw new Error(`${setting}: unsupported store "${scheme[1]}://…"; use memory, sqlite:<file>, a file path, or redis://host:port.`);
  const path = text.replace(/^sqlite:/i, '');
  if (!path) throw new Error(`${setting}: "sqlite:" needs a file path, e.g. sqlite:${defaultStorePath(context.env ?? process.env, home)}`);
  const expanded = path === '~' || path.startsWith('~/') ? join(home, path.slice(1)) : path;
  return { kind: 'sqlite', path: resolve(context.cwd ?? process.cwd(), expanded) };
}

function parseRedis(text: string, setting: string): StoreLocation {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${setting}: not a valid Redis URL; write redis://[user:password@]host:port[/db][?prefix=name].`);
  }
  if (!url.hostname) throw new Error(`${setting}: the Redis URL names no host; write redis://host:port.`);
  const prefix = url.searchParams.get('prefix') ?? 'callbridge';
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(prefix)) throw new Error(`${setting}: prefix must be 1-64 letters, digits, ".", "_" or "-".`);
  url.searchParams.delete('prefix');
  return { kind: 'redis', url: url.toString(), prefix };
}

export interface OpenedStore {
  store: PolicyStore;
  location: StoreLocation;
  /** Where the state lives and who shares it, for the startup banner (no credentials). */
  description: string;
  /** A pacer shared by every process on this store (Redis); undefined: each process paces itself. */
  pacer?: (scope: string) => RatePacer;
  /** "Call ended" for waiters: across every process on Redis, else within this process. */
  events: CallEvents;
  /** Whether the store answers now (health checks): undefined when it does, else why not. */
  unreachable(): Promise<string | undefined>;
  /** A slot on the shared schedule of one account's operation, for processes without a Redis client (Redis only). */
  takePaceSlot?: (scope: string, operation: string, qps: number) => Promise<{ waitMs: number }>;
  /** Closes the store and its connections. */
  close(): Promise<void>;
}

export interface OpenStoreOptions extends StoreSettingContext {
  runtime: Runtime;
  /** Told about a failing Redis (reads that fell back, lost connections). */
  warn?: (message: string) => void;
}

/** Opens the store a setting names (the default SQLite file when it is empty). */
export async function openStore(value: string | undefined, options: OpenStoreOptions): Promise<OpenedStore> {
  const location = parseStoreSetting(value, options);
  const { runtime, warn } = options;
  const ids = { now: () => runtime.now(), nonce: () => runtime.nonce() };
  switch (location.kind) {
    case 'memory': {
      const store = new MemoryStore(ids);
      return { store, location, description: 'in memory (this process only)', events: new LocalCallEvents(), unreachable: async () => undefined, close: () => store.close() };
    }
    case 'sqlite': {
      refuseNonSqlite(location.path, options.setting);
      const store = new LazySqliteStore(location.path, ids);
      const description = `${location.path} (shared by processes on this machine)`;
      return { store, location, description, events: new LocalCallEvents(), unreachable: async () => undefined, close: () => store.close() };
    }
    case 'redis': {
      // ioredis is loaded only by deployments that use it (a third of the CLI's start-up code otherwise).
      const { openRedisStore } = await import('./open-redis-store.js');
      return openRedisStore(location, runtime, warn);
    }
  }
}

/** An existing file that is not an SQLite database (e.g. an old JSON --state-file) is refused, not overwritten. */
function refuseNonSqlite(path: string, setting: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return; // created on open
  }
  const header = Buffer.alloc(16);
  const read = readSync(fd, header, 0, 16, 0);
  closeSync(fd);
  if (read === 0 || header.toString('latin1') === 'SQLite format 3\0') return;
  throw new Error(`${setting}: ${path} exists and is not an SQLite database (older callbridge versions kept JSON state there); move it away or name another file.`);
}
