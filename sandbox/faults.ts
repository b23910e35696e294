import type { Rng } from './types.js';

/**
 * Fault injection. SPEC = `<operation id>:<fault>=<value>[,<fault>=<value>...]`, several joined with `;`.
 * The operation id is `<vendor>.<Action>` (dyvms/outboundbot: Action parameter; volcengine: Action query;
 * pbx: the API path after /api/<version>/ with `/` as `.`); `*` matches any run of characters
 * (`dyvms.*`, `*`). Faults: latency (ms), and probabilities 0..1 for 5xx, throttle,
 * reset-before-processing (all three: the simulator never sees the request), reset-after-processing,
 * 5xx-after-processing, timeout-after-processing and malformed (the simulator carries the request out,
 * then the answer is lost, replaced by a 5xx, held until the client gives up, or cut in half).
 * New faults are appended to the list: the order of the draws, and so every seeded run, stays the same.
 */
export const PROBABILITY_FAULTS = [
  '5xx',
  'throttle',
  'reset-before-processing',
  'reset-after-processing',
  'malformed',
  '5xx-after-processing',
  'timeout-after-processing',
] as const;
export type ProbabilityFault = (typeof PROBABILITY_FAULTS)[number];

/** Faults after which the simulator has carried the request out but the client gets no usable answer. */
export const AFTER_PROCESSING_FAULTS: ReadonlySet<ProbabilityFault> = new Set(['reset-after-processing', '5xx-after-processing', 'timeout-after-processing', 'malformed']);

export interface FaultRule {
  operation: string;
  latency?: number;
  probabilities: Partial<Record<ProbabilityFault, number>>;
}

export class FaultSpecError extends Error {
  override readonly name = 'FaultSpecError';
}

export function parseFaultSpec(spec: string): FaultRule[] {
  const rules: FaultRule[] = [];
  for (const part of spec.split(';').map((p) => p.trim()).filter(Boolean)) {
    const colon = part.lastIndexOf(':');
    if (colon <= 0) throw new FaultSpecError(`fault rule "${part}": expected <operation id>:<fault>=<value>`);
    const operation = part.slice(0, colon).trim();
    const rule: FaultRule = { operation, probabilities: {} };
    const assignments = part.slice(colon + 1).split(',').map((a) => a.trim()).filter(Boolean);
    if (!assignments.length) throw new FaultSpecError(`fault rule "${part}": no faults given`);
    for (const assignment of assignments) {
      const eq = assignment.indexOf('=');
      if (eq <= 0) throw new FaultSpecError(`fault "${assignment}" in "${part}": expected <fault>=<value>`);
      const name = assignment.slice(0, eq).trim();
      const raw = assignment.slice(eq + 1).trim();
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value)) throw new FaultSpecError(`fault "${name}" in "${part}": "${raw}" is not a number`);
      if (name === 'latency') {
        if (value < 0) throw new FaultSpecError(`latency in "${part}" must be >= 0 ms`);
        rule.latency = value;
      } else if ((PROBABILITY_FAULTS as readonly string[]).includes(name)) {
        if (value < 0 || value > 1) throw new FaultSpecError(`${name} in "${part}" is a probability and must be between 0 and 1`);
        rule.probabilities[name as ProbabilityFault] = value;
      } else {
        throw new FaultSpecError(`unknown fault "${name}" in "${part}"; known: latency, ${PROBABILITY_FAULTS.join(', ')}`);
      }
    }
    rules.push(rule);
  }
  return rules;
}

export function formatFaultSpec(rules: FaultRule[]): string {
  return rules
    .map((r) => {
      const parts = Object.entries(r.probabilities).map(([k, v]) => `${k}=${v}`);
      if (r.latency !== undefined) parts.unshift(`latency=${r.latency}`);
      return `${r.operation}:${parts.join(',')}`;
    })
    .join(';');
}

function matches(pattern: string, operation: string): boolean {
  if (!pattern.includes('*')) return pattern === operation;
  const regex = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(operation);
}

export interface FaultDecision {
  latencyMs: number;
  /** At most one fault fires per request. */
  fault?: ProbabilityFault;
}

export class Faults {
  private rules: FaultRule[] = [];
  /** How often each fault was injected, per operation id (the sandbox's own record; GET /_sandbox/faults). */
  private readonly counts = new Map<string, Partial<Record<ProbabilityFault, number>>>();

  constructor(private readonly rng: Rng) {}

  set(spec: string | FaultRule[]): void {
    this.rules = typeof spec === 'string' ? parseFaultSpec(spec) : spec;
  }

  get spec(): string {
    return formatFaultSpec(this.rules);
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r, probabilities: { ...r.probabilities } }));
  }

  /** Merges every rule that matches (later rules override earlier ones) and draws the faults. */
  decide(operation: string): FaultDecision {
    let latencyMs = 0;
    const probabilities: Partial<Record<ProbabilityFault, number>> = {};
    for (const rule of this.rules) {
      if (!matches(rule.operation, operation)) continue;
      if (rule.latency !== undefined) latencyMs = rule.latency;
      Object.assign(probabilities, rule.probabilities);
    }
    for (const fault of PROBABILITY_FAULTS) {
      const p = probabilities[fault];
      if (p && this.rng.next() < p) {
        const counts = this.counts.get(operation) ?? {};
        counts[fault] = (counts[fault] ?? 0) + 1;
        this.counts.set(operation, counts);
        return { latencyMs, fault };
      }
    }
    return { latencyMs };
  }

  /** Forgets the counts of injected faults (POST /_sandbox/reset); the rules stay. */
  forgetInjected(): void {
    this.counts.clear();
  }

  /** Faults injected so far, per operation id. */
  injected(): Record<string, Partial<Record<ProbabilityFault, number>>> {
    return Object.fromEntries([...this.counts].map(([op, counts]) => [op, { ...counts }]));
  }
}
