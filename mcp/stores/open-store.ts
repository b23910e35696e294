// One setting chooses where the policy's counts live: `memory`, `sqlite:<path>` (or a plain path), or
// `redis://…`. The default for `callbridge mcp` is SQLite in the user's state directory, so caps
// survive restarts and processes on one machine share them.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CallbridgeError } from '../../core/errors.js';
import { MemoryStore } from '../../core/policy/memory-store.js';
import type { PolicyStore } from '../../core/policy/types.js';
import type { Env } from '../env-config.js';

export interface StoreClock {
  now: () => number;
  nonce: () => string;
}

export function defaultStorePath(env: Env): string {
  const base = env.XDG_STATE_HOME?.trim() || join(homedir(), '.local', 'state');
  return join(base, 'callbridge', 'policy.sqlite');
}

/** Opens the store a setting names; `setting` is how the user wrote it (for errors). */
export async function openStore(url: string, clock: StoreClock, setting = '--store'): Promise<PolicyStore> {
  const value = url.trim();
  if (value === 'memory') return new MemoryStore(clock);
  const path = value.startsWith('sqlite:') ? value.slice('sqlite:'.length) : value;
  if (!path || /^[a-z]+:\/\//i.test(path)) {
    throw new CallbridgeError({ kind: 'config', field: setting, message: `${setting}: "${value}" is not a store; use memory, sqlite:<path>, a file path, or redis://host:port` });
  }
  const { SqliteStore } = await import('./sqlite-store.js');
  return SqliteStore.open(path, clock);
}
