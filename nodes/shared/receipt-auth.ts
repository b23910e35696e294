// Who may start a Call Receipt Trigger, and which pushes it has already seen. A trigger accepts a push
// only when it proves itself: the trigger's secret token (URL query, URL path or header), or for Volcengine
// the callback signature (authCode, with a timestamp at most 5 minutes off). A trigger with neither set
// refuses everything unless the workflow builder turned authentication off. Repeats are remembered by
// receipt key for a fixed time (24 hours at least), however many other receipts arrive in between.
import { createHash, timingSafeEqual } from 'crypto';

/** The header a proxy in front of n8n can carry the token in (the vendors' consoles set no headers). */
export const TOKEN_HEADER = 'x-callbridge-token';

/** How far a Volcengine push's timestamp may be from the trigger's clock. */
export const VOLCENGINE_WINDOW_MS = 5 * 60_000;

export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(given, 'utf8').digest();
  return timingSafeEqual(a, b) && expected === given;
}

/** Volcengine callback authentication: authCode = hex(SHA256(timestamp + hex(SHA256(body)) + AuthToken)). */
export function volcengineAuthCode(timestamp: string, rawBody: string, authToken: string): string {
  const bodyHash = createHash('sha256').update(rawBody, 'utf8').digest('hex');
  return createHash('sha256').update(`${timestamp}${bodyHash}${authToken}`, 'utf8').digest('hex');
}

export interface ReceiptAuthSettings {
  vendor: string;
  /** 'token': a secret token or the Volcengine signature is required; 'none': anyone may push. */
  authentication: 'token' | 'none';
  secretToken: string;
  tokenLocation: 'query' | 'path' | 'header';
  volcengineAuthToken: string;
}

export interface ReceiptRequest {
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  /** The body exactly as received (the Volcengine signature covers it). */
  rawBody: string;
  now: number;
}

export type AuthVerdict = { ok: true } | { ok: false; status: 401 | 403; error: string };

/** Seconds or milliseconds since the epoch, as written in a push's timestamp. */
function timestampMs(value: unknown): number | undefined {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  if (!/^\d{9,13}$/.test(text)) return undefined;
  const n = Number(text);
  return text.length >= 12 ? n : n * 1000;
}

function headerValue(headers: Record<string, unknown>, name: string): unknown {
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return Array.isArray(found?.[1]) ? found[1][0] : found?.[1];
}

/** Whether this push may start the workflow. */
export function authenticateReceipt(settings: ReceiptAuthSettings, request: ReceiptRequest): AuthVerdict {
  if (settings.authentication === 'none') return { ok: true };
  const { secretToken, tokenLocation, volcengineAuthToken } = settings;
  const signed = settings.vendor === 'volcengine' && volcengineAuthToken !== '';
  if (!secretToken && !signed) {
    return {
      ok: false,
      status: 403,
      error: 'this trigger has no Secret Token (nor, for Volcengine, a Callback Auth Token) set, so it accepts no receipts; set one, or set Authentication to None',
    };
  }
  // The path form is part of the registered webhook path: n8n finds this trigger only when the path carries it.
  if (secretToken && tokenLocation !== 'path') {
    const given = tokenLocation === 'header' ? headerValue(request.headers, TOKEN_HEADER) : request.query.token;
    if (!tokenMatches(secretToken, given)) return { ok: false, status: 401, error: 'missing or wrong token' };
  }
  if (signed) {
    const at = timestampMs(request.query.timestamp);
    if (at === undefined || Math.abs(request.now - at) > VOLCENGINE_WINDOW_MS) {
      return { ok: false, status: 401, error: 'the push timestamp is missing or more than 5 minutes from now' };
    }
    const expected = volcengineAuthCode(String(request.query.timestamp), request.rawBody, volcengineAuthToken);
    if (!tokenMatches(expected, request.query.authCode)) return { ok: false, status: 401, error: 'authCode does not match' };
  }
  return { ok: true };
}

/** What the trigger keeps between pushes (n8n's workflow static data): receipt key -> forget after (epoch s). */
export interface SeenReceipts {
  seen?: Record<string, number>;
}

/** Marks which keys were not seen within `keepMs` and remembers them until then; expired keys are dropped. */
export function rememberNew(store: SeenReceipts, keys: string[], now: number, keepMs: number): boolean[] {
  const nowS = Math.floor(now / 1000);
  const seen: Record<string, number> = {};
  for (const [key, until] of Object.entries(store.seen ?? {})) if (typeof until === 'number' && until > nowS) seen[key] = until;
  const until = nowS + Math.ceil(keepMs / 1000);
  const fresh = keys.map((key) => {
    if (seen[key] !== undefined) return false;
    seen[key] = until;
    return true;
  });
  store.seen = seen;
  return fresh;
}
