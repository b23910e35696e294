// The policy store in an SQLite file (node:sqlite, Node 22.13+), shared safely by every process on one
// machine that opens the same file (Claude Desktop and Cursor each running `callbridge mcp`): WAL mode,
// a busy timeout, and every check-and-count inside one BEGIN IMMEDIATE transaction.
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { DatabaseSync, SQLOutputValue } from 'node:sqlite';
import { DAY_MS, checkReserveRequest, firstRefusal } from '../../core/policy/store-rules.js';
import type { PlacedCall, PolicyStore, ReserveRequest, ReserveResult } from '../../core/policy/types.js';

/** Totals are also kept per minute, so a window's total reads whole minutes plus the items of one partial minute. */
const MINUTE_MS = 60_000;

/** How long a process waits for another's write transaction before giving up (they last microseconds). */
const BUSY_TIMEOUT_MS = 10_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS reservations (
  id TEXT PRIMARY KEY,
  scope TEXT NOT NULL,
  operation TEXT NOT NULL,
  at INTEGER NOT NULL,
  direct INTEGER NOT NULL,
  task_key TEXT,
  marked TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reservations_at ON reservations (at);
CREATE TABLE IF NOT EXISTS items (
  reservation_id TEXT NOT NULL REFERENCES reservations (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  scope TEXT NOT NULL,
  number TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  at INTEGER NOT NULL,
  direct INTEGER NOT NULL,
  call_id TEXT,
  ended_at INTEGER,
  PRIMARY KEY (reservation_id, idx)
);
CREATE INDEX IF NOT EXISTS items_number ON items (scope, number, at, attempts);
CREATE INDEX IF NOT EXISTS items_scope ON items (scope, at, attempts);
CREATE INDEX IF NOT EXISTS items_call ON items (scope, call_id);
CREATE TABLE IF NOT EXISTS minute_totals (
  scope TEXT NOT NULL,
  minute INTEGER NOT NULL,
  attempts INTEGER NOT NULL,
  PRIMARY KEY (scope, minute)
);
CREATE TABLE IF NOT EXISTS task_numbers (
  task_key TEXT NOT NULL,
  number TEXT NOT NULL,
  counted INTEGER NOT NULL,
  PRIMARY KEY (task_key, number)
);
CREATE TABLE IF NOT EXISTS tasks (
  id TEXT PRIMARY KEY,
  json TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
  namespace TEXT NOT NULL,
  id TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (namespace, id)
);
`;

export interface SqliteStoreOptions {
  now: () => number;
  /** A unique string per call across processes (the runtime's nonce): reservation ids. */
  nonce: () => string;
}

/** Creates the store's file and its directory, readable by this user only (an existing file keeps its content). */
export function prepareSqliteFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

export class SqliteStore implements PolicyStore {
  /** Opens (creating it and its directory, mode 0600) the store at `path`. */
  static async open(path: string, options: SqliteStoreOptions): Promise<SqliteStore> {
    const sqlite = await import('node:sqlite').catch(() => {
      throw new Error(`The SQLite policy store needs Node.js 22.13 or later (node:sqlite); this is Node.js ${process.versions.node}. Upgrade Node.js, or choose another store (--store memory).`);
    });
    prepareSqliteFile(path);
    const db = new sqlite.DatabaseSync(path);
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    await switchToWal(db);
    db.exec('PRAGMA foreign_keys = ON');
    const store = new SqliteStore(db, options);
    store.transaction(() => db.exec(SCHEMA));
    return store;
  }

  private constructor(
    private readonly db: DatabaseSync,
    private readonly options: SqliteStoreOptions,
  ) {}

  async reserve(request: ReserveRequest): Promise<ReserveResult> {
    checkReserveRequest(request);
    return this.transaction(() => {
      const now = this.options.now();
      this.db.prepare('DELETE FROM reservations WHERE at <= ?').run(now - DAY_MS);
      this.db.prepare('DELETE FROM minute_totals WHERE minute < ?').run(Math.floor((now - DAY_MS) / MINUTE_MS));
      const { scope } = request;
      const refusal = firstRefusal(request, {
        number: (number, windowMs) =>
          int(this.db.prepare('SELECT COALESCE(SUM(attempts), 0) AS n FROM items WHERE scope = ? AND number = ? AND at > ?').get(scope, number, now - windowMs)?.n),
        total: (windowMs) => this.total(scope, now - windowMs),
        live: () =>
          int(
            this.db
              .prepare('SELECT COUNT(*) AS n FROM items WHERE scope = ? AND direct = 1 AND ended_at IS NULL AND at > ?')
              .get(scope, now - request.limits.callMaxMs)?.n,
          ),
      });
      if (refusal) return refusal;

      const id = `r-${this.options.nonce()}`;
      const marked = request.taskKey ? this.markCounted(request.taskKey, request.numbers.map((n) => n.number)) : [];
      this.db
        .prepare('INSERT INTO reservations (id, scope, operation, at, direct, task_key, marked) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, scope, request.operation, now, request.direct ? 1 : 0, request.taskKey ?? null, JSON.stringify(marked));
      const insert = this.db.prepare('INSERT INTO items (reservation_id, idx, scope, number, attempts, at, direct) VALUES (?, ?, ?, ?, ?, ?, ?)');
      request.numbers.forEach(({ number, attempts }, idx) => insert.run(id, idx, scope, number, attempts, now, request.direct ? 1 : 0));
      this.addToMinute(scope, now, request.numbers.reduce((sum, n) => sum + n.attempts, 0));
      return { ok: true, id };
    });
  }

  async release(reservationId: string): Promise<void> {
    this.transaction(() => {
      const row = this.db.prepare('SELECT scope, at, task_key, marked FROM reservations WHERE id = ?').get(reservationId);
      if (!row) return;
      const attempts = int(this.db.prepare('SELECT COALESCE(SUM(attempts), 0) AS n FROM items WHERE reservation_id = ?').get(reservationId)?.n);
      this.addToMinute(text(row.scope), int(row.at), -attempts);
      const taskKey = row.task_key;
      if (typeof taskKey === 'string') {
        const unmark = this.db.prepare('UPDATE task_numbers SET counted = 0 WHERE task_key = ? AND number = ?');
        for (const number of stringList(row.marked)) unmark.run(taskKey, number);
      }
      this.db.prepare('DELETE FROM reservations WHERE id = ?').run(reservationId);
    });
  }

  async attachCallIds(reservationId: string, callIds: ReadonlyArray<string | undefined>): Promise<void> {
    this.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM reservations WHERE id = ?').get(reservationId)) {
        throw new Error(`attachCallIds: no reservation ${reservationId} (released, or older than 24 hours)`);
      }
      const update = this.db.prepare('UPDATE items SET call_id = ? WHERE reservation_id = ? AND idx = ?');
      callIds.forEach((callId, idx) => {
        if (callId) update.run(callId, reservationId, idx);
      });
    });
  }

  async placedCall(scope: string, callId: string): Promise<PlacedCall | undefined> {
    const row = this.db
      .prepare(
        `SELECT r.operation, i.number, i.at, i.ended_at FROM items i JOIN reservations r ON r.id = i.reservation_id
         WHERE i.scope = ? AND i.call_id = ? ORDER BY i.at DESC LIMIT 1`,
      )
      .get(scope, callId);
    if (!row) return undefined;
    const call: PlacedCall = { scope, operation: text(row.operation), number: text(row.number), at: int(row.at), callId };
    if (row.ended_at !== null) call.endedAt = int(row.ended_at);
    return call;
  }

  async markEnded(scope: string, callId: string): Promise<void> {
    this.transaction(() => {
      this.db.prepare('UPDATE items SET ended_at = ? WHERE scope = ? AND call_id = ? AND ended_at IS NULL').run(this.options.now(), scope, callId);
    });
  }

  async addTaskNumbers(taskKey: string, numbers: readonly string[], counted: boolean): Promise<void> {
    if (!numbers.length) return;
    this.transaction(() => {
      const upsert = this.db.prepare(
        'INSERT INTO task_numbers (task_key, number, counted) VALUES (?, ?, ?) ON CONFLICT (task_key, number) DO UPDATE SET counted = MAX(counted, excluded.counted)',
      );
      for (const number of numbers) upsert.run(taskKey, number, counted ? 1 : 0);
    });
  }

  async taskStarted(taskKey: string): Promise<boolean | undefined> {
    const row = this.db.prepare('SELECT MAX(counted) AS started FROM task_numbers WHERE task_key = ?').get(taskKey);
    return row?.started === null || row?.started === undefined ? undefined : row.started === 1;
  }

  async taskNumbers(taskKey: string): Promise<{ all: string[]; uncounted: string[] } | undefined> {
    const rows = this.db.prepare('SELECT number, counted FROM task_numbers WHERE task_key = ? ORDER BY rowid').all(taskKey);
    if (!rows.length) return undefined;
    return { all: rows.map((r) => text(r.number)), uncounted: rows.filter((r) => r.counted === 0).map((r) => text(r.number)) };
  }

  async claimOnce(namespace: string, id: string, ttlMs: number): Promise<boolean> {
    return this.transaction(() => {
      const now = this.options.now();
      this.db.prepare('DELETE FROM claims WHERE expires_at <= ?').run(now);
      const { changes } = this.db.prepare('INSERT OR IGNORE INTO claims (namespace, id, expires_at) VALUES (?, ?, ?)').run(namespace, id, now + ttlMs);
      return Number(changes) === 1;
    });
  }

  async putTask(id: string, json: string, ttlMs: number): Promise<void> {
    this.transaction(() => {
      const now = this.options.now();
      this.db.prepare('DELETE FROM tasks WHERE expires_at <= ?').run(now);
      this.db.prepare('INSERT OR REPLACE INTO tasks (id, json, expires_at) VALUES (?, ?, ?)').run(id, json, now + ttlMs);
    });
  }

  async getTask(id: string): Promise<string | undefined> {
    const row = this.db.prepare('SELECT json FROM tasks WHERE id = ? AND expires_at > ?').get(id, this.options.now());
    return typeof row?.json === 'string' ? row.json : undefined;
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }

  /** Attempts counted in the scope after `since`: whole minutes from their totals, the partial first minute from its items. */
  private total(scope: string, since: number): number {
    const firstWhole = Math.floor(since / MINUTE_MS) + 1;
    const partial = this.db.prepare('SELECT COALESCE(SUM(attempts), 0) AS n FROM items WHERE scope = ? AND at > ? AND at < ?').get(scope, since, firstWhole * MINUTE_MS);
    const whole = this.db.prepare('SELECT COALESCE(SUM(attempts), 0) AS n FROM minute_totals WHERE scope = ? AND minute >= ?').get(scope, firstWhole);
    return int(partial?.n) + int(whole?.n);
  }

  private addToMinute(scope: string, at: number, attempts: number): void {
    this.db
      .prepare('INSERT INTO minute_totals (scope, minute, attempts) VALUES (?, ?, ?) ON CONFLICT (scope, minute) DO UPDATE SET attempts = attempts + excluded.attempts')
      .run(scope, Math.floor(at / MINUTE_MS), attempts);
  }

  private markCounted(taskKey: string, numbers: readonly string[]): string[] {
    const mark = this.db.prepare('UPDATE task_numbers SET counted = 1 WHERE task_key = ? AND number = ? AND counted = 0');
    return numbers.filter((number) => Number(mark.run(taskKey, number).changes) === 1);
  }

  /** Runs `work` holding the database's write lock from the start, so no other process interleaves. */
  private transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
}

/**
 * Turning WAL on needs a moment alone with a new file, and SQLite answers "database is locked" at once
 * (without waiting the busy timeout) when another process opens the file at the same instant: ask again.
 */
async function switchToWal(db: DatabaseSync): Promise<void> {
  const giveUpAt = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.exec('PRAGMA journal_mode = WAL');
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() >= giveUpAt) throw error;
      await delay(5 + Math.random() * 20);
    }
  }
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && 'errcode' in error && (error.errcode === 5 || error.errcode === 6);
}

function int(value: SQLOutputValue | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new Error(`policy store: expected a number from SQLite, got ${typeof value}`);
}

function text(value: SQLOutputValue | undefined): string {
  if (typeof value !== 'string') throw new Error(`policy store: expected text from SQLite, got ${typeof value}`);
  return value;
}

function stringList(value: SQLOutputValue | undefined): string[] {
  const parsed: unknown = JSON.parse(text(value));
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
}
