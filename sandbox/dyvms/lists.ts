/** A list parameter that may arrive as an array (catalog 'comma' decoding) or as the raw comma text. */
export function listOf(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
  return String(value)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Page `page` (1-based) of `items`, `size` per page. */
export function paginate<T>(items: T[], page: number | undefined, size: number | undefined, defaultSize = 10): { items: T[]; page: number; size: number } {
  const p = Math.max(1, Math.floor(page ?? 1));
  const s = Math.max(1, Math.floor(size ?? defaultSize));
  return { items: items.slice((p - 1) * s, p * s), page: p, size: s };
}

export const PHONE = /^\+?\d{3,20}$/;
