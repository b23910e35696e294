// The one path of every request, whichever front end sends it:
// validate -> plan -> decide -> (confirm) -> reserve -> send | preview -> record.
// A refusal, an invalid input and a preview send nothing.
import type { CallEvents } from './call-events.js';
import type { CallbridgeClient } from './client.js';
import { CallbridgeError, messageOf } from './errors.js';
import { getPath, type AnyOperation, type PbxApiVersion, type Product } from './operation.js';
import { decide, judgeNumber, numberContext, type Decision } from './policy/decide.js';
import { planOf } from './policy/plan.js';
import { PolicyRefusal } from './policy/refusal.js';
import type { PolicySettings } from './policy/settings.js';
import type { CallPlan, PolicyStore } from './policy/types.js';
import type { HttpRequest, Runtime } from './transport.js';
import { validateInput } from './validate.js';
import { textOf } from './vendors/read.js';

export interface PipelineDeps {
  client: CallbridgeClient;
  settings: PolicySettings;
  store: PolicyStore;
  runtime: Runtime;
  /** The PBX's API version when configured (the effects of some PBX operations differ by version). */
  pbxApiVersion?: PbxApiVersion;
  /** The vendor account a product's calls belong to (an id, never a secret). */
  accountOf(product: Product): string;
  /** "Call ended", told to waiters in this process or (Redis) in every process of the deployment. */
  events?: CallEvents;
}

export interface Preview {
  operation: string;
  billed: boolean;
  /** Numbers the request would dial. */
  dials: number;
  /** The request as it would be sent, with the signature and any token replaced by visible placeholders. */
  request: HttpRequest;
}

/** What a person is asked before a billed request is sent. */
export interface ConfirmationRequest {
  operation: string;
  /** The validated input the confirmed request will be sent with. */
  input: Record<string, unknown>;
  title: string;
  plan: CallPlan;
  decision: Decision;
  summary: string;
}

export interface RunOptions {
  dryRun?: boolean;
  /** Asks a person; resolves true only on an explicit yes. Absent: this front end cannot ask. */
  confirm?: (request: ConfirmationRequest) => Promise<boolean>;
  /** The front end already holds a person's yes for exactly this plan. */
  confirmed?: boolean;
  /** Why this front end cannot ask, when `confirm` is absent (said in the refusal). */
  cannotAsk?: string;
}

export type RunResult =
  | { sent: true; output: unknown; op: AnyOperation; plan: CallPlan; decision: Decision; reservationId?: string }
  | { sent: false; preview: Preview; op: AnyOperation; plan: CallPlan; decision: Decision };

function describe(op: AnyOperation, plan: CallPlan, decision: Decision): string {
  const numbers = decision.count.length ? decision.count.map((c) => (c.attempts > 1 ? `${c.number} (up to ${c.attempts} attempts)` : c.number)) : decision.named;
  const shown = numbers.slice(0, 10).join(', ');
  const more = numbers.length > 10 ? ` and ${numbers.length - 10} more` : '';
  const when = plan.windows.length ? ' within the requested dialling window' : '';
  return `${op.title} (${op.id})${shown ? ` to ${shown}${more}` : ''}${when}: real, billed.`;
}

/**
 * Caps and the concurrency limit count every call the deployment places, whichever vendor account
 * places it (one person is one person); call ids are keyed by provider and account within it.
 */
const COUNTS = 'deployment';

/** The call id a direct call returned, from the path its definition declares. */
function callIdOf(op: AnyOperation, output: unknown): string | undefined {
  return op.returns?.callId ? textOf(getPath(output, op.returns.callId)) : undefined;
}

/** "<product>:<id>" of the task an operation created or filled, from the paths its definition declares. */
function createdTaskKey(op: AnyOperation, output: unknown): string | undefined {
  for (const path of op.returns?.taskId ?? []) {
    const id = textOf(getPath(output, path));
    if (id) return `${op.product}:${id}`;
  }
  return undefined;
}

export class Pipeline {
  constructor(readonly deps: PipelineDeps) {}

  /** Where a call id belongs: its provider and vendor account (a wrong provider finds nothing). */
  private callKey(product: Product, callId: string): string {
    return `${product}:${this.deps.accountOf(product)}/${callId}`;
  }

  /** Validates, plans and decides without sending: what `run` would do, or the refusal. */
  async check(operationId: string, input: unknown, options: { dryRun?: boolean } = {}): Promise<{ op: AnyOperation; parsed: Record<string, unknown>; plan: CallPlan; decision: Decision }> {
    const { client, settings, store, runtime, pbxApiVersion } = this.deps;
    const op = client.callable(operationId);
    const parsed = validateInput(op, input);
    const plan = planOf(op, parsed, { pbxApiVersion, now: runtime.now() });
    const decision = await decide(plan, op.access, settings, store, runtime.now(), options);
    const concurrency = parsed.Concurrency;
    if (op.access !== 'read' && typeof concurrency === 'number' && concurrency > settings.limits.maxConcurrentCalls) {
      throw new PolicyRefusal(
        'max-concurrent-calls',
        `${op.id} asks the vendor for ${concurrency} simultaneous calls; at most ${settings.limits.maxConcurrentCalls} may run at once.`,
        'lower Concurrency, or raise the limit.',
        'maxConcurrentCalls',
      );
    }
    return { op, parsed, plan, decision };
  }

  async run(operationId: string, input: unknown, options: RunOptions = {}): Promise<RunResult> {
    const { client, settings, store } = this.deps;
    const { op, parsed, plan, decision } = await this.check(operationId, input, options);
    if (options.dryRun && op.access !== 'read') {
      const preview: Preview = { operation: op.id, billed: plan.billed, dials: decision.count.length, request: client.preview(op.id, parsed) };
      return { sent: false, preview, op, plan, decision };
    }
    // Callees added to a task not yet started are dialled at its start, which is confirmed then.
    if (plan.billed && decision.plan.dials !== 'task' && settings.confirm && !options.confirmed) await this.confirm(op, parsed, plan, decision, options);
    const reservationId = await this.reserve(op, plan, decision);
    let output: unknown;
    try {
      output = await client.execute(op, parsed);
    } catch (error) {
      // Only a request that provably did nothing gives its slot back; an unknown outcome keeps it.
      if (reservationId && !(error instanceof CallbridgeError && error.kind === 'outcome_unknown')) await store.release(reservationId);
      throw error;
    }
    await this.record(op, plan, decision, output, reservationId);
    return { sent: true, output, op, plan, decision, reservationId };
  }

  private async confirm(op: AnyOperation, input: Record<string, unknown>, plan: CallPlan, decision: Decision, options: RunOptions): Promise<void> {
    const summary = describe(op, plan, decision);
    if (!options.confirm) {
      throw new PolicyRefusal('confirmation', `every billed request must be confirmed by a person, and ${options.cannotAsk ?? 'this client cannot ask'}. It would have been: ${summary}`, 'use a client that can ask for confirmation, or turn confirmation off.', 'confirm');
    }
    const yes = await options.confirm({ operation: op.id, input, title: op.title, plan, decision, summary });
    if (!yes) throw new PolicyRefusal('confirmation', `the person did not confirm: ${summary}`, 'ask again; the answer must be an explicit yes.', 'confirm');
  }

  private async reserve(op: AnyOperation, plan: CallPlan, decision: Decision): Promise<string | undefined> {
    if (!decision.count.length) return undefined;
    const { settings, store } = this.deps;
    let result;
    try {
      result = await store.reserve({
        scope: COUNTS,
        operation: op.id,
        numbers: decision.count,
        direct: decision.direct,
        limits: settings.limits,
        taskKey: plan.dials === 'start' && !plan.contacts.length ? plan.taskKey : undefined,
      });
    } catch (error) {
      throw new PolicyRefusal('policy-store', `the shared policy store cannot be reached (${messageOf(error)}), so the caps cannot be checked.`, 'restore the policy store, then try again.');
    }
    if (result.ok) return result.id;
    const limitName = {
      'max-per-number-per-hour': ['perNumberPerHour', 'per number per hour', 'in the last hour'],
      'max-per-number-per-day': ['perNumberPerDay', 'per number per day', 'in the last 24 hours'],
      'max-calls-per-hour': ['perHour', 'per hour', 'in the last hour'],
      'max-calls-per-day': ['perDay', 'per day', 'in the last 24 hours'],
      'max-concurrent-calls': ['maxConcurrentCalls', 'at once', 'still in progress'],
    } as const;
    const [setting, per, window] = limitName[result.rule];
    const who = result.number ? `${result.number} has ${result.counted} call attempt(s)` : `${result.counted} call attempt(s) are counted`;
    throw new PolicyRefusal(
      result.rule,
      `${op.id} would dial ${decision.count.reduce((n, c) => n + c.attempts, 0)} attempt(s); ${who} ${window}, and the limit is ${result.limit} ${per}.`,
      result.rule === 'max-concurrent-calls' ? 'wait for calls to end, or raise the limit.' : 'wait, dial fewer numbers, or raise the limit.',
      setting,
    );
  }

  /** Remembers what the vendor was asked to do: call ids of direct calls, a task's callees. */
  private async record(op: AnyOperation, plan: CallPlan, decision: Decision, output: unknown, reservationId: string | undefined): Promise<void> {
    const { store } = this.deps;
    const callId = callIdOf(op, output);
    if (reservationId && decision.direct) await store.attachCallIds(reservationId, [callId && this.callKey(op.product, callId)]);
    const taskKey = plan.taskKey ?? createdTaskKey(op, output);
    if (taskKey && decision.named.length) await store.addTaskNumbers(taskKey, decision.named, plan.dials !== 'task');
  }

  /** The number rule that refuses this number for a provider, if any (screening lists before sending). */
  numberRefusal(product: Product, raw: string): PolicyRefusal | undefined {
    try {
      judgeNumber(raw, 'number', this.deps.settings, numberContext(this.deps.settings, product));
      return undefined;
    } catch (error) {
      if (error instanceof PolicyRefusal) return error;
      throw error;
    }
  }

  /** The call this deployment placed with this id on this provider's account, if any. */
  placedCall(product: Product, callId: string) {
    return this.deps.store.placedCall(COUNTS, this.callKey(product, callId));
  }

  /** A final result was seen for a call of this provider: it no longer counts as live, and its waiters wake. */
  async callEnded(product: Product, callId: string): Promise<void> {
    await this.deps.store.markEnded(COUNTS, this.callKey(product, callId));
    await this.wakeWaiters(product, callId);
  }

  /**
   * Someone said the call ended (a receipt): its waiters, in every process, ask the vendor at once. Only
   * the vendor's answer ends the call for the concurrency count, so a forged receipt frees no slot.
   */
  wakeWaiters(product: Product, callId: string): Promise<void> {
    return this.deps.events?.ended(this.eventScope(product), callId) ?? Promise.resolve();
  }

  /** Calls `wake` when the call is said to have ended; returns the function that stops listening. */
  onCallEnded(product: Product, callId: string, wake: () => void): () => void {
    return this.deps.events?.onEnded(this.eventScope(product), callId, wake) ?? (() => {});
  }

  private eventScope(product: Product): string {
    return `${product}:${this.deps.accountOf(product)}`;
  }
}
