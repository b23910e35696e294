// Waiting on polled state in tests (never a fixed sleep): the sandbox's recorded calls, receipts, task states.

/** Polls `probe` every 50 ms until it returns a value (not undefined); throws naming `what` once the time is up. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
