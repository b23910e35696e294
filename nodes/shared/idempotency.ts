// Billed operations never dial twice because n8n ran the node again (Retry On Fail, or On Error ->
// Continue with Retry On Fail, which n8n also retries). Each item's attempt has a key: execution, node,
// run and item (the whole run, for the campaign operations that send all items at once). Before a billed request is sent its key is remembered (in this process); a later attempt
// with the same key is not sent: it gets the earlier answer when the earlier attempt placed the call, and
// a refusal naming what to check when its outcome is unknown. The caller's own reference (dyvms OutId,
// Volcengine SingleOpenId, Outbound Bot referenceId) defaults to a value derived from the key, so every
// call can be traced back to its execution.
import { createHash } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';
import { checkWith } from '../../core/check.js';
import { CallbridgeError } from '../../core/errors.js';
import type { AnyOperation } from '../../core/operation.js';
import { PolicyRefusal } from '../../core/policy/refusal.js';
import { n8nRuntime } from './runtime.js';

/** Keys of the caller's own reference in a billed operation's `check` paths (echoed in receipts and records). */
const REFERENCE_KEYS = ['OutId', 'SingleOpenId', 'referenceId'];

/** n8n retries a node within seconds (at most 5 tries, at most 5 s apart); a day is far beyond any retry. */
const KEEP_MS = 24 * 3600_000;

/** 'pending': sent or being sent, outcome not known; 'placed': the vendor answered. */
type Attempt<T> = { at: number; what: SentWhat } & ({ state: 'pending' } | { state: 'placed'; output: T });

export interface SentWhat {
  operation: string;
  check?: Record<string, string>;
}

/**
 * One item's attempt (or the whole run's, for operations that send all items at once): the same for every
 * retry of the node's run, different for every run (loops, tool calls).
 */
export function attemptKey(ctx: IExecuteFunctions, itemIndex: number | 'all'): string {
  const node = ctx.getNode();
  const executionId = ctx.getExecutionId() || `unsaved-${n8nRuntime.nonce()}`;
  const runIndex = ctx.getWorkflowDataProxy(itemIndex === 'all' ? 0 : itemIndex).$runIndex;
  return `${executionId}/${node.id || node.name}/${runIndex}/${itemIndex}`;
}

/** The reference derived from an attempt key: 15 characters (dyvms OutId allows 1-15 bytes). */
export function derivedReference(key: string): string {
  return `n8n${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 12)}`;
}

/** The operation's reference paths (from its `check` paths), e.g. ["OutId"] or ["List[].SingleOpenId"]. */
export function referencePaths(op: AnyOperation): string[] {
  return (op.check ?? []).filter((path) => REFERENCE_KEYS.includes(path.split('.').pop()?.replace(/\[\]$/, '') ?? ''));
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const empty = (v: unknown) => v === undefined || v === null || v === '';

/** Fills an empty reference at `segments` in `holder` (through arrays and JSON text); `suffix` tells array items apart. */
function fill(holder: Record<string, unknown>, segments: string[], reference: string, suffix: string): void {
  const [segment, ...rest] = segments;
  const walk = segment.endsWith('[]');
  const key = walk ? segment.slice(0, -2) : segment;
  if (!rest.length && !walk) {
    if (empty(holder[key])) holder[key] = `${reference}${suffix}`;
    return;
  }
  const raw = holder[key];
  const text = typeof raw === 'string' ? raw : undefined;
  let value: unknown = raw;
  if (text !== undefined) {
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      return;
    }
  }
  if (walk && Array.isArray(value)) {
    // A list of one keeps the reference as is; items of longer lists get -1, -2, ...
    const numbered = value.length > 1 || suffix !== '';
    value.forEach((item: unknown, i) => {
      if (isRecord(item)) fill(item, rest, reference, numbered ? `${suffix}-${i + 1}` : suffix);
    });
  } else if (!walk && isRecord(value)) fill(value, rest, reference, suffix);
  else return;
  if (text !== undefined) holder[key] = JSON.stringify(value);
}

/** The input with every empty reference of the operation set from the attempt key (the input itself is not changed). */
export function withDerivedReference(op: AnyOperation, input: Record<string, unknown>, key: string): Record<string, unknown> {
  const paths = referencePaths(op);
  if (!paths.length) return input;
  const out = structuredClone(input);
  const reference = derivedReference(key);
  for (const path of paths) fill(out, path.split('.'), reference, '');
  return out;
}

function describeCheck(check: Record<string, string> | undefined): string {
  return check ? Object.entries(check).map(([k, v]) => `${k} ${v}`).join(', ') : 'the vendor console';
}

/** The earlier attempt's outcome is unknown: not sent again. */
export class RepeatedAttemptError extends Error {
  constructor(readonly what: SentWhat) {
    super(
      `Not sent again: an earlier attempt may already have placed the calls (${what.operation}), and its outcome is unknown. Check ${describeCheck(what.check)} before running it again. This node never re-dials on Retry On Fail; turn Retry On Fail off for billed operations.`,
    );
  }
}

/** Whether an error proves the request did nothing at the vendor (so trying again cannot call twice). */
function provablyNotSent(error: unknown): boolean {
  if (error instanceof PolicyRefusal) return true;
  if (error instanceof CallbridgeError) return error.kind !== 'outcome_unknown' && !error.mayHaveBeenProcessed;
  return false;
}

/**
 * Billed attempts of this n8n process in the last day, by key. `send` runs at most once per key: a repeat of
 * a placed attempt returns the earlier answer with `repeated: true`; a repeat of an attempt whose outcome is
 * unknown throws RepeatedAttemptError. An attempt that provably sent nothing may be tried again.
 */
export class AttemptLedger<T> {
  private readonly attempts = new Map<string, Attempt<T>>();

  async sendOnce(key: string, what: SentWhat, send: () => Promise<T>): Promise<{ output: T; repeated: boolean }> {
    const now = n8nRuntime.now();
    this.prune(now);
    const earlier = this.attempts.get(key);
    if (earlier?.state === 'placed') return { output: earlier.output, repeated: true };
    if (earlier) throw new RepeatedAttemptError(earlier.what);
    this.attempts.set(key, { at: now, what, state: 'pending' });
    const outcome = await send().then(
      (output) => ({ ok: true as const, output }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    if (!outcome.ok) {
      if (provablyNotSent(outcome.error)) this.attempts.delete(key);
      throw outcome.error;
    }
    this.attempts.set(key, { at: now, what, state: 'placed', output: outcome.output });
    return { output: outcome.output, repeated: false };
  }

  private prune(now: number): void {
    for (const [key, attempt] of this.attempts) {
      if (now - attempt.at < KEEP_MS) break;
      this.attempts.delete(key);
    }
  }
}

/** What to check for a billed operation's request: its reference and callee fields. */
export function sentWhat(op: AnyOperation, input: Record<string, unknown>): SentWhat {
  return { operation: op.id, check: checkWith(op, input) };
}
