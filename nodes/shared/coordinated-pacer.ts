// Pacing shared with every other process of a callbridge deployment, for n8n, whose community nodes may
// carry no Redis client: before each vendor request the node asks `callbridge mcp --http` (running on
// Redis) for a slot on the account's shared schedule, through n8n's own HTTP helper. When the coordinator
// does not answer, this execution paces itself (as without a coordinator) and says so in n8n's log.
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { Pacer, type RatePacer } from '../../core/pacer.js';
import { n8nRuntime } from './runtime.js';

/** A request that reaches its slot later than this asks for a new one (the vendor's burst allowance is one second). */
const MAX_LATE_MS = 250;
const MAX_STALE_SLOTS = 20;

export interface Coordinator {
  /** e.g. https://callbridge.example.com (its POST /coordination/pace). */
  url: string;
  token?: string;
  /** The vendor account: "<vendor>:<account id>", as callbridge scopes it (never a secret). */
  scope: string;
}

export class CoordinatedPacer implements RatePacer {
  private readonly local = new Pacer(n8nRuntime);

  constructor(
    private readonly ctx: IExecuteFunctions | ILoadOptionsFunctions,
    private readonly coordinator: Coordinator,
  ) {}

  async wait(key: string, qps: number | undefined): Promise<void> {
    if (!qps || qps <= 0) return;
    const runtime = n8nRuntime;
    for (let stale = 0; ; ) {
      const asked = runtime.now();
      let waitMs: number;
      try {
        waitMs = await this.slot(key, qps);
      } catch (error) {
        this.ctx.logger.warn(`callbridge coordinator ${this.coordinator.url} did not give a pacing slot (${error instanceof Error ? error.message : String(error)}); pacing ${key} in this execution only`);
        return this.local.wait(key, qps);
      }
      const answered = runtime.now();
      await runtime.sleep(waitMs);
      // Late for the slot (a slow answer or a busy worker): requests that all missed their slots and went
      // out together would exceed the vendor's burst, so take a new one.
      const late = answered - asked + (runtime.now() - answered - waitMs);
      if (late <= MAX_LATE_MS || ++stale >= MAX_STALE_SLOTS) return;
    }
  }

  private async slot(operation: string, qps: number): Promise<number> {
    const { url, token, scope } = this.coordinator;
    const answer: unknown = await this.ctx.helpers.httpRequest({
      method: 'POST',
      url: `${url.replace(/\/+$/, '')}/coordination/pace`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: { scope, operation, qps },
      json: true,
      timeout: 5000,
    });
    const waitMs = answer !== null && typeof answer === 'object' && 'waitMs' in answer ? Number(answer.waitMs) : NaN;
    if (!Number.isFinite(waitMs) || waitMs < 0) throw new Error(`unexpected answer ${JSON.stringify(answer)}`);
    return waitMs;
  }
}
