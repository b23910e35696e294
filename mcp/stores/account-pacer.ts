// The client's pacer in the CLI and the MCP server: each operation is paced on the schedule of the vendor
// account it is sent to. The client is opened before the policy store (the store's default depends on
// whether the in-process sandbox runs), so this pacer paces in this process until the store is open,
// then, with Redis, on the schedule every process of the deployment shares.
import { Pacer, type RatePacer } from '../../core/pacer.js';
import type { Runtime } from '../../core/transport.js';

export interface SharedSchedules {
  /** The shared pacer of one vendor account (scope = vendor + account id, never a secret). */
  pacerFor(scope: string): RatePacer;
  /** The scope an operation's requests count against. */
  scopeOf(operationId: string): string;
}

export class AccountPacer implements RatePacer {
  private readonly local: Pacer;
  private shared?: SharedSchedules;
  private readonly pacers = new Map<string, RatePacer>();

  constructor(runtime: Runtime) {
    this.local = new Pacer(runtime);
  }

  /** From now on, operations take their turns on the shared schedules. */
  share(schedules: SharedSchedules): void {
    this.shared = schedules;
    this.pacers.clear();
  }

  wait(key: string, qps: number | undefined): Promise<void> {
    if (!this.shared) return this.local.wait(key, qps);
    const scope = this.shared.scopeOf(key);
    let pacer = this.pacers.get(scope);
    if (!pacer) {
      pacer = this.shared.pacerFor(scope);
      this.pacers.set(scope, pacer);
    }
    return pacer.wait(key, qps);
  }
}
