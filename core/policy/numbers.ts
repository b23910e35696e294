// Phone numbers as the policy sees them: one canonical E.164 subscriber, whichever form was written
// (national, trunk-prefixed, 00/+ international, bare country code, PBX dial prefix). Parsing is
// libphonenumber-js's; emergency and short service numbers are refused in every form.
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js';

/** Emergency and public-service numbers of the regions callbridge serves and the usual foreign ones. */
const EMERGENCY = new Set(['110', '112', '119', '120', '122', '911', '999', '000', '08', '118', '12110', '12395', '12315', '12345', '12320', '12355', '95119']);

/** National numbers shorter than this are service numbers (carrier, bank, emergency short codes). */
const MIN_SUBSCRIBER_DIGITS = 7;

export interface NumberContext {
  /** The provider's home region: how a number without a country code is read. */
  region: CountryCode;
  /** PBX outbound dial prefixes (e.g. "9"): stripped before reading the number. */
  dialPrefixes?: readonly string[];
  /** A short number is an internal extension (PBX), not an outside call. */
  shortIsExtension?: boolean;
}

export type NumberVerdict =
  | { ok: true; e164: string; national: string; extension?: false }
  | { ok: true; extension: true; digits: string }
  | { ok: false; rule: 'emergency-numbers' | 'invalid-number'; reason: string };

const FORMATTING = /[\s\-().]/g;

/** The ways a written number can be read: as written, without a dial prefix, with "+" for bare country codes. */
function readings(digits: string, plus: boolean, context: NumberContext): PhoneNumber[] {
  const texts = new Set<string>();
  const add = (d: string, withPlus: boolean) => {
    if (!d) return;
    if (withPlus) texts.add(`+${d}`);
    else {
      texts.add(d);
      if (d.startsWith('00')) texts.add(`+${d.slice(2)}`);
      else texts.add(`+${d}`);
    }
  };
  // A PBX strips its outbound dial prefix before routing: a number that starts with one is read without it.
  const prefix = plus ? undefined : (context.dialPrefixes ?? []).find((p) => p && digits.startsWith(p));
  add(prefix ? digits.slice(prefix.length) : digits, plus);
  const out: PhoneNumber[] = [];
  for (const text of texts) {
    const parsed = parsePhoneNumberFromString(text, context.region);
    if (parsed) out.push(parsed);
  }
  return out;
}

/** Every short form a number could reach: digits without "+", "00", trunk "0", a dial prefix or a country code. */
function shortForms(digits: string, plus: boolean, parsed: PhoneNumber[], context: NumberContext): string[] {
  const forms = new Set<string>([digits]);
  const strip = (d: string) => {
    forms.add(d);
    if (d.startsWith('00')) forms.add(d.slice(2));
    if (d.startsWith('0')) forms.add(d.slice(1));
    for (const prefix of context.dialPrefixes ?? []) if (prefix && d.startsWith(prefix)) forms.add(d.slice(prefix.length));
  };
  strip(digits);
  for (const f of [...forms]) strip(f);
  // A country code before a short number: +1911, 0086110 (any code, written internationally), and 86110
  // (the home region's code written bare; other bare digits are often extensions: 1000 is no "1 000").
  const home = String(getCountryCallingCode(context.region));
  for (const p of parsed) if (plus || digits.startsWith('00') || p.countryCallingCode === home) forms.add(String(p.nationalNumber));
  const international = plus || digits.startsWith('00') ? (plus ? digits : digits.slice(2)) : undefined;
  if (international) for (let cc = 1; cc <= 3; cc++) if (international.length > cc && international.length - cc <= 5) forms.add(international.slice(cc));
  for (const f of [...forms]) if (f.startsWith(home) && f.length - home.length <= 5 && f.length > home.length) forms.add(f.slice(home.length));
  return [...forms];
}

/** Reads one number as the policy must: canonical E.164, or the reason it is refused. */
export function readNumber(raw: string, context: NumberContext): NumberVerdict {
  const text = raw.trim().replace(FORMATTING, '');
  const plus = text.startsWith('+');
  const digits = plus ? text.slice(1) : text;
  if (!/^\d+$/.test(digits)) {
    return { ok: false, rule: 'invalid-number', reason: `"${raw}" is not a phone number (only digits, an optional leading +, spaces and dashes).` };
  }
  const parsed = readings(digits, plus, context);
  const forms = shortForms(digits, plus, parsed, context);
  const emergency = forms.find((f) => EMERGENCY.has(f));
  if (emergency !== undefined) {
    return { ok: false, rule: 'emergency-numbers', reason: `${raw} reaches the emergency or public-service number ${emergency}.` };
  }
  // As written in the home region first: a valid national number is that subscriber, whatever else its digits could spell.
  const home = parsed[0];
  if (home?.isValid() && String(home.nationalNumber).length >= MIN_SUBSCRIBER_DIGITS) return { ok: true, e164: home.number, national: String(home.nationalNumber) };
  const possible = parsed.filter((p) => p.isPossible() && String(p.nationalNumber).length >= MIN_SUBSCRIBER_DIGITS);
  const valid = possible.filter((p) => p.isValid());
  const readable = valid.length ? valid : possible;
  const candidates = [...new Set(readable.map((p) => p.number))];
  if (candidates.length === 1) return { ok: true, e164: readable[0].number, national: String(readable[0].nationalNumber) };
  if (candidates.length > 1) {
    return { ok: false, rule: 'invalid-number', reason: `${raw} can be read as ${candidates.join(' or ')}; write it with "+" and the country code.` };
  }
  if (context.shortIsExtension && digits.length < MIN_SUBSCRIBER_DIGITS && !plus) return { ok: true, extension: true, digits };
  const short = digits.length < MIN_SUBSCRIBER_DIGITS;
  return {
    ok: false,
    rule: short ? 'emergency-numbers' : 'invalid-number',
    reason: short
      ? `${raw} is a short service number; only subscriber numbers can be called.`
      : `${raw} is not a valid phone number in ${context.region} or with a country code.`,
  };
}

/** The forms a canonical number is matched in: E.164, with "00" or nothing for "+", national, national with trunk "0". */
export function numberForms(e164: string, national: string): string[] {
  return [e164, `00${e164.slice(1)}`, e164.slice(1), national, `0${national}`];
}

/** Glob match: `*` any run of characters, `?` one character, everything else literal. */
export function globMatch(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(value);
}

/** The operator's patterns read as numbers, once per pattern and context rather than once per call judged. */
const patternReadings = new Map<string, NumberVerdict>();

function patternNumber(pattern: string, context: NumberContext): NumberVerdict {
  const key = `${context.region}|${(context.dialPrefixes ?? []).join(',')}|${context.shortIsExtension === true}|${pattern}`;
  let read = patternReadings.get(key);
  if (!read) {
    // Patterns come from the settings, so the map stays small; settings edited many times over only refill it.
    if (patternReadings.size >= 10_000) patternReadings.clear();
    read = readNumber(pattern, context);
    patternReadings.set(key, read);
  }
  return read;
}

/**
 * Whether an operator's pattern matches a canonical number. A pattern without wildcards is a number
 * itself (read in the same region) and matches its subscriber exactly; a glob matches any form.
 */
export function patternMatches(pattern: string, e164: string, national: string, context: NumberContext): boolean {
  const p = pattern.replace(FORMATTING, '');
  if (!/[*?]/.test(p)) {
    const read = patternNumber(p, context);
    if (read.ok && !read.extension) return read.e164 === e164;
    return numberForms(e164, national).includes(p);
  }
  return numberForms(e164, national).some((form) => globMatch(p, form));
}
