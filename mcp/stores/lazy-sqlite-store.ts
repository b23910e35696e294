// The SQLite policy store of a server or command, opened on its first use. Listing tools and reading
// never touch the store; opening SQLite (its code, a WAL switch, the schema) made ~2 MB of a server's
// memory after start. Its file is created at once (directory, permissions), so that a path that cannot
// be written is refused at start-up, as before.
import type { PlacedCall, PolicyStore, ReserveRequest, ReserveResult } from '../../core/policy/types.js';
import { prepareSqliteFile, SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';

export class LazySqliteStore implements PolicyStore {
  private opening?: Promise<SqliteStore>;

  constructor(
    private readonly path: string,
    private readonly options: SqliteStoreOptions,
  ) {
    prepareSqliteFile(path);
  }

  /** The open store; a failed open is tried again by the next use. */
  private store(): Promise<SqliteStore> {
    this.opening ??= SqliteStore.open(this.path, this.options).catch((error: unknown) => {
      this.opening = undefined;
      throw error;
    });
    return this.opening;
  }

  async reserve(request: ReserveRequest): Promise<ReserveResult> {
    return (await this.store()).reserve(request);
  }

  async release(reservationId: string): Promise<void> {
    return (await this.store()).release(reservationId);
  }

  async attachCallIds(reservationId: string, callIds: ReadonlyArray<string | undefined>): Promise<void> {
    return (await this.store()).attachCallIds(reservationId, callIds);
  }

  async placedCall(scope: string, callId: string): Promise<PlacedCall | undefined> {
    return (await this.store()).placedCall(scope, callId);
  }

  async markEnded(scope: string, callId: string): Promise<void> {
    return (await this.store()).markEnded(scope, callId);
  }

  async addTaskNumbers(taskKey: string, numbers: readonly string[], counted: boolean): Promise<void> {
    return (await this.store()).addTaskNumbers(taskKey, numbers, counted);
  }

  async taskNumbers(taskKey: string): Promise<{ all: string[]; uncounted: string[] } | undefined> {
    return (await this.store()).taskNumbers(taskKey);
  }

  async taskStarted(taskKey: string): Promise<boolean | undefined> {
    return (await this.store()).taskStarted(taskKey);
  }

  async claimOnce(namespace: string, id: string, ttlMs: number): Promise<boolean> {
    return (await this.store()).claimOnce(namespace, id, ttlMs);
  }

  async putTask(id: string, json: string, ttlMs: number): Promise<void> {
    return (await this.store()).putTask(id, json, ttlMs);
  }

  async getTask(id: string): Promise<string | undefined> {
    return (await this.store()).getTask(id);
  }

  async close(): Promise<void> {
    const opening = this.opening;
    this.opening = undefined;
    const store = await opening?.catch(() => undefined);
    await store?.close();
  }
}
