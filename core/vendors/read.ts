// The lenient readers of vendor records every adapter shares: a field may come as a JSON string, a number
// as text, a list as one item. Pure functions.

export type Rec = Record<string, unknown>;

export function asRecord(value: unknown): Rec | undefined {
  if (typeof value === 'string') {
    const t = value.trim();
    if (t.startsWith('{')) {
      try {
        return asRecord(JSON.parse(t));
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Rec) : undefined;
}

export function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string' && value.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      return Array.isArray(parsed) ? parsed : [];
    } catch {
      return [];
    }
  }
  return value === undefined || value === null || value === '' ? [] : [value];
}

/** First present, non-empty value among keys (case-sensitive, in order). */
export function pick(rec: Rec, ...keys: string[]): unknown {
  for (const key of keys) {
    const v = rec[key];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

export function text(rec: Rec, ...keys: string[]): string | undefined {
  const v = pick(rec, ...keys);
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function number(rec: Rec, ...keys: string[]): number | undefined {
  const v = pick(rec, ...keys);
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

