// Looks for secrets in everything a front end produced: text, objects, errors (including their
// non-enumerable message, stack and cause), in the forms a secret could take on its way out (as is,
// URL-encoded, JSON-escaped).

/** Every string inside a value: own properties (enumerable or not), array items, Map/Set entries, error causes. */
export function deepText(value: unknown, seen = new Set<unknown>()): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function' || typeof value === 'symbol') return '';
  if (seen.has(value)) return '';
  seen.add(value);
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  const parts: string[] = [];
  if (value instanceof Map) for (const [k, v] of value) parts.push(deepText(k, seen), deepText(v, seen));
  else if (value instanceof Set) for (const v of value) parts.push(deepText(v, seen));
  else if (Array.isArray(value)) for (const v of value) parts.push(deepText(v, seen));
  else {
    for (const key of Object.getOwnPropertyNames(value)) {
      let v: unknown;
      try {
        v = (value as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      parts.push(key, deepText(v, seen));
    }
    if (value instanceof Error && value.cause !== undefined) parts.push(deepText(value.cause, seen));
    try {
      parts.push(JSON.stringify(value) ?? '');
    } catch {
      // cycles: the walk above covered the parts
    }
  }
  return parts.join('\n');
}

const utf8Bytes = (text: string) => new TextEncoder().encode(text).byteLength;

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/**
 * The size of an output as it leaves the front end: a text's UTF-8 bytes, an object's JSON (how MCP and
 * n8n carry it), an error's name, message, stack and own fields (and its cause's). Not deepText's length,
 * which repeats nested values once per level.
 */
export function outputBytes(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') return utf8Bytes(value);
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Error) {
    const own = [value.name, value.message, value.stack ?? '', jsonText(value)].join('\n');
    return utf8Bytes(own) + (value.cause !== undefined && value.cause !== value ? outputBytes(value.cause) : 0);
  }
  return utf8Bytes(jsonText(value));
}

export interface Scanned {
  surface: string;
  label: string;
  /** Every string inside the output, for the search (nested values may appear more than once). */
  text: string;
  /** The output's own size (outputBytes). */
  bytes: number;
  /** Names of secrets this output may hold by design (e.g. the workflow a user configured), not looked for in it. */
  expected: string[];
}

export class SecretScanner {
  readonly scanned: Scanned[] = [];
  readonly hits: string[] = [];

  /** `secrets` is read at each scan, so secrets issued later (PBX tokens) are included. */
  constructor(private readonly secrets: () => Record<string, string>) {}

  /** The shapes a secret can take on its way out, by name. */
  private forms(secret: string): Array<[string, string]> {
    const forms: Array<[string, string]> = [
      ['as is', secret],
      ['URL-encoded', encodeURIComponent(secret)],
      ['URL-encoded twice', encodeURIComponent(encodeURIComponent(secret))],
      ['JSON-escaped', JSON.stringify(secret).slice(1, -1)],
    ];
    const seen = new Set<string>();
    return forms.filter(([, f]) => (seen.has(f) ? false : (seen.add(f), true)));
  }

  scan(surface: string, label: string, value: unknown, expected: string[] = []): void {
    const entry = { surface, label, text: deepText(value), bytes: outputBytes(value), expected };
    this.scanned.push(entry);
    this.hits.push(...this.check(entry));
  }

  private check({ surface, label, text, expected }: Scanned): string[] {
    const hits: string[] = [];
    for (const [name, secret] of Object.entries(this.secrets())) {
      if (!secret || secret.length < 4 || expected.includes(name)) continue;
      for (const [kind, form] of this.forms(secret)) {
        const at = text.indexOf(form);
        if (at >= 0) hits.push(`${surface} / ${label}: ${name} (${kind}) at ...${text.slice(Math.max(0, at - 60), at + form.length + 20)}...`);
      }
    }
    return hits;
  }

  /** Checks everything scanned so far again, with the secrets known now (e.g. tokens issued later). */
  recheck(): string[] {
    this.hits.length = 0;
    for (const entry of this.scanned) this.hits.push(...this.check(entry));
    return this.hits;
  }

  summary(): Record<string, { outputs: number; bytes: number }> {
    const out: Record<string, { outputs: number; bytes: number }> = {};
    for (const s of this.scanned) {
      const entry = (out[s.surface] ??= { outputs: 0, bytes: 0 });
      entry.outputs++;
      entry.bytes += s.bytes;
    }
    return out;
  }
}
