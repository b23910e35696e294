// What the server has dialled: the basis of the caps (rolling hour / 24 hours) and of the
// concurrent-call limit, plus the numbers added to each task (counted when the task starts).
// In memory per process; with --state-file it survives restarts (written atomically after each change).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface LedgerEntry {
  id: string;
  at: number;
  number: string;
  operation: string;
  /** 'call': a direct call (counts for concurrency until it ends); 'task': a task callee dialled by the vendor. */
  kind: 'call' | 'task';
  callId?: string;
  endedAt?: number;
}

interface StateFile {
  version: 1;
  entries: LedgerEntry[];
  /** Task key -> number -> whether it has been counted against the caps (dialled or started). */
  tasks: Record<string, Record<string, boolean>>;
}

export class Ledger {
  private entries: LedgerEntry[] = [];
  private readonly tasks = new Map<string, Map<string, boolean>>();
  private seq = 0;

  constructor(
    private readonly now: () => number,
    private readonly stateFile?: string,
  ) {
    if (stateFile) this.load(stateFile);
  }

  private load(path: string): void {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const state = JSON.parse(text) as StateFile;
    if (state.version !== 1) throw new Error(`state file ${path}: unsupported version ${String(state.version)}`);
    this.entries = state.entries ?? [];
    for (const [key, numbers] of Object.entries(state.tasks ?? {})) this.tasks.set(key, new Map(Object.entries(numbers)));
    this.prune();
  }

  private save(): void {
    if (!this.stateFile) return;
    const state: StateFile = { version: 1, entries: this.entries, tasks: Object.fromEntries([...this.tasks].map(([k, v]) => [k, Object.fromEntries(v)])) };
    const tmp = `${this.stateFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
    renameSync(tmp, this.stateFile);
  }

  private prune(): void {
    const cutoff = this.now() - DAY_MS;
    this.entries = this.entries.filter((e) => e.at > cutoff);
  }

  /** Calls placed (or task callees started) in the last `windowMs`, optionally to one number. */
  count(windowMs: number, number?: string): number {
    const since = this.now() - windowMs;
    return this.entries.filter((e) => e.at > since && (number === undefined || e.number === number)).length;
  }

  /** Direct calls still in progress: not seen ending, and younger than callMaxMs. */
  active(callMaxMs: number): number {
    const since = this.now() - callMaxMs;
    return this.entries.filter((e) => e.kind === 'call' && e.endedAt === undefined && e.at > since).length;
  }

  add(items: Array<Pick<LedgerEntry, 'number' | 'operation' | 'kind'>>): string[] {
    this.prune();
    const at = this.now();
    const ids = items.map((item) => {
      const id = `r${++this.seq}-${at}`;
      this.entries.push({ ...item, id, at });
      return id;
    });
    this.save();
    return ids;
  }

  /** Forget reservations whose request was refused by the vendor (nothing was dialled). */
  remove(ids: readonly string[]): void {
    const drop = new Set(ids);
    this.entries = this.entries.filter((e) => !drop.has(e.id));
    this.save();
  }

  attachCallIds(ids: readonly string[], callIds: ReadonlyArray<string | undefined>): void {
    ids.forEach((id, i) => {
      const entry = this.entries.find((e) => e.id === id);
      if (entry && callIds[i]) entry.callId = callIds[i];
    });
    this.save();
  }

  /** The direct call the server placed with this call ID, if it remembers it. */
  callEntry(callId: string): LedgerEntry | undefined {
    return this.entries.find((e) => e.callId === callId);
  }

  /** A result for this call was seen final: it no longer counts as in progress. */
  markEnded(callId: string): void {
    let changed = false;
    for (const e of this.entries) {
      if (e.callId === callId && e.endedAt === undefined) {
        e.endedAt = this.now();
        changed = true;
      }
    }
    if (changed) this.save();
  }

  /** Numbers added to a task; `counted` when adding them already counted against the caps (it dialled). */
  addTaskNumbers(taskKey: string, numbers: readonly string[], counted: boolean): void {
    if (!numbers.length) return;
    const map = this.tasks.get(taskKey) ?? new Map<string, boolean>();
    for (const n of numbers) map.set(n, (map.get(n) ?? false) || counted);
    this.tasks.set(taskKey, map);
    this.save();
  }

  /** A started task's numbers now count against the caps. */
  markTaskCounted(taskKey: string, numbers: readonly string[]): void {
    const map = this.tasks.get(taskKey);
    if (!map || !numbers.length) return;
    for (const n of numbers) if (map.has(n)) map.set(n, true);
    this.save();
  }

  /** The numbers known to be in a task (undefined: the server never saw the task get callees). */
  taskNumbers(taskKey: string): { all: string[]; uncounted: string[] } | undefined {
    const map = this.tasks.get(taskKey);
    if (!map) return undefined;
    return { all: [...map.keys()], uncounted: [...map].filter(([, counted]) => !counted).map(([n]) => n) };
  }
}
