// "This call has ended", told to every waiter: in one process (LocalCallEvents), or across replicas
// through a store (the Redis one publishes on a channel). Waiters then ask the vendor at once instead
// of sleeping until their next poll; the vendor stays the source of the result.

export interface CallEvents {
  /** Tells every waiter, in every process sharing these events, that the call has a final result. */
  ended(scope: string, callId: string): Promise<void>;
  /** Calls `listener` when the call is said to have ended; returns a function that stops listening. */
  onEnded(scope: string, callId: string, listener: () => void): () => void;
}

/** Waiters of one process, keyed by scope and call id. */
export class LocalCallEvents implements CallEvents {
  private readonly listeners = new Map<string, Set<() => void>>();

  async ended(scope: string, callId: string): Promise<void> {
    this.dispatch(scope, callId);
  }

  /** Wakes this process's waiters of the call (used by stores that receive events from elsewhere). */
  dispatch(scope: string, callId: string): void {
    for (const listener of [...(this.listeners.get(key(scope, callId)) ?? [])]) listener();
  }

  onEnded(scope: string, callId: string, listener: () => void): () => void {
    const k = key(scope, callId);
    const set = this.listeners.get(k) ?? new Set<() => void>();
    set.add(listener);
    this.listeners.set(k, set);
    return () => {
      set.delete(listener);
      if (!set.size && this.listeners.get(k) === set) this.listeners.delete(k);
    };
  }

  /** How many calls have waiters (for tests and leaks). */
  get watched(): number {
    return this.listeners.size;
  }
}

function key(scope: string, callId: string): string {
  return `${scope}\n${callId}`;
}
