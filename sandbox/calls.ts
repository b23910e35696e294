import { pick, uniform, weighted } from './rng.js';
import type { CallInitOptions, CallStatus, PlacedCall, Rng, SandboxClock } from './types.js';

export type CallOutcome = 'answered' | 'no_answer' | 'busy' | 'power_off' | 'failed';

/** Drawn once when the call is placed; the status at any time is computed from these timestamps. */
interface CallRecord {
  base: Omit<PlacedCall, 'status' | 'ringAt' | 'answerAt' | 'endAt' | 'durationSeconds' | 'hangupSide' | 'dtmf'>;
  outcome: CallOutcome;
  ringAt?: number;
  answerAt?: number;
  endAt: number;
  hangupSide?: PlacedCall['hangupSide'];
  dtmf?: string;
  dtmfAt?: number;
}

/** Share of each outcome. */
export const OUTCOME_WEIGHTS: Record<CallOutcome, number> = { answered: 0.7, no_answer: 0.13, busy: 0.07, power_off: 0.06, failed: 0.04 };

/**
 * The calls engine: every call's life (queued -> ringing -> answered -> completed, or a final
 * no_answer / busy / power_off / failed) is drawn when it is placed, so nothing runs per call;
 * status is derived from the sandbox clock whenever a call is read. 100,000 calls cost a few MB.
 */
export class CallEngine {
  private readonly records = new Map<string, CallRecord>();
  private counter = 0;

  constructor(
    private readonly clock: SandboxClock,
    private readonly rng: Rng,
  ) {}

  place(init: Omit<PlacedCall, 'id' | 'status' | 'createdAt'> & CallInitOptions): PlacedCall {
    const { dtmfChoices, maxTalkSeconds } = init;
    const createdAt = Math.round(init.createdAt ?? this.clock.now());
    const id = init.id ?? `call-${++this.counter}`;
    if (this.records.has(id)) throw new Error(`call id ${id} is already used`);
    const record = this.plan(createdAt, dtmfChoices, maxTalkSeconds);
    record.base = { id, vendor: init.vendor, operation: init.operation, number: init.number, callerNumber: init.callerNumber, outId: init.outId, taskId: init.taskId, createdAt };
    this.records.set(id, record);
    return this.view(record, this.clock.now());
  }

  private plan(createdAt: number, dtmfChoices: string[] | undefined, maxTalkSeconds: number | undefined): CallRecord {
    const rng = this.rng;
    const outcome = weighted(rng, OUTCOME_WEIGHTS);
    const originate = createdAt + uniform(rng, 300, 2000);
    const record = { outcome } as CallRecord;
    switch (outcome) {
      case 'answered': {
        record.ringAt = originate;
        record.answerAt = originate + uniform(rng, 2000, 12000);
        const talk = Math.min(uniform(rng, 5000, 60000), (maxTalkSeconds ?? Infinity) * 1000);
        record.endAt = record.answerAt + talk;
        record.hangupSide = rng.next() < 0.6 ? 'user' : 'robot';
        if (dtmfChoices?.length && rng.next() < 0.8) {
          record.dtmf = pick(rng, dtmfChoices);
          record.dtmfAt = record.answerAt + Math.min(talk / 2, uniform(rng, 1000, 5000));
        }
        break;
      }
      case 'no_answer':
        record.ringAt = originate;
        record.endAt = originate + uniform(rng, 20000, 45000);
        record.hangupSide = 'platform';
        break;
      default:
        record.endAt = originate + uniform(rng, 500, 4000);
        record.hangupSide = 'platform';
    }
    return record;
  }

  private status(r: CallRecord, now: number): CallStatus {
    if (now >= r.endAt) return r.outcome === 'answered' ? 'completed' : r.outcome;
    if (r.answerAt !== undefined && now >= r.answerAt) return 'answered';
    if (r.ringAt !== undefined && now >= r.ringAt) return 'ringing';
    return 'queued';
  }

  /** The call as it stands at `now`: only the moments that have already happened are shown. */
  private view(r: CallRecord, now: number): PlacedCall {
    const b = r.base;
    // A fixed object shape keeps listing 100,000 calls fast.
    const call: PlacedCall = { id: b.id, vendor: b.vendor, operation: b.operation, number: b.number, status: this.status(r, now), createdAt: b.createdAt };
    if (b.callerNumber !== undefined) call.callerNumber = b.callerNumber;
    if (b.outId !== undefined) call.outId = b.outId;
    if (b.taskId !== undefined) call.taskId = b.taskId;
    if (r.ringAt !== undefined && now >= r.ringAt) call.ringAt = Math.round(r.ringAt);
    if (r.answerAt !== undefined && now >= r.answerAt) call.answerAt = Math.round(r.answerAt);
    if (r.dtmf && r.dtmfAt !== undefined && now >= r.dtmfAt) call.dtmf = r.dtmf;
    if (now >= r.endAt) {
      call.endAt = Math.round(r.endAt);
      call.durationSeconds = r.answerAt !== undefined ? Math.round((r.endAt - r.answerAt) / 1000) : 0;
      call.hangupSide = r.hangupSide;
    }
    return call;
  }

  get(id: string): PlacedCall | undefined {
    const r = this.records.get(id);
    return r && this.view(r, this.clock.now());
  }

  list(): PlacedCall[] {
    const now = this.clock.now();
    return Array.from(this.records.values(), (r) => this.view(r, now));
  }

  /** Ends a call early (an API hang-up): unanswered calls end as no_answer. */
  end(id: string, at: number, side: NonNullable<PlacedCall['hangupSide']>): PlacedCall | undefined {
    const r = this.records.get(id);
    if (!r) return undefined;
    if (at < r.endAt) {
      r.endAt = at;
      r.hangupSide = side;
      if (r.answerAt === undefined || at < r.answerAt) {
        r.outcome = 'no_answer';
        r.answerAt = undefined;
        r.dtmf = undefined;
        if (r.ringAt !== undefined && at < r.ringAt) r.ringAt = undefined;
      }
      if (r.dtmfAt !== undefined && at < r.dtmfAt) r.dtmf = undefined;
    }
    return this.view(r, this.clock.now());
  }

  /** Sandbox time at which the call ends (known in advance; used by dialers to free a line). */
  endsAt(id: string): number | undefined {
    return this.records.get(id)?.endAt;
  }

  get size(): number {
    return this.records.size;
  }

  reset(): void {
    this.records.clear();
    this.counter = 0;
  }
}
