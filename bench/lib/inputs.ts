// The request data every client of the overhead benchmark sends, from the fixed seed, built before timing starts.
import { phoneNumbers, rng, SEED } from './common.js';

/** Enough for warm-up + the sequential and concurrent phases of one run. */
export const INPUT_COUNT = 40_000;

export const PHONES = phoneNumbers(INPUT_COUNT, SEED);
const next = rng(SEED + 1);
export const CODES = Array.from({ length: INPUT_COUNT }, () => String(Math.floor(next() * 1e6)).padStart(6, '0'));
/** 32-hex SingleOpenIds (Volcengine). */
export const OPEN_IDS = Array.from({ length: INPUT_COUNT }, (_, i) => `b${SEED.toString(16)}${i.toString(16).padStart(8, '0')}`.padEnd(32, '0'));

export const TTS_CODE = 'TTS_100001';
export const SMS_SIGN = 'callbridge';
export const SMS_TEMPLATE = 'SMS_100001';
export const VOLC_RESOURCE = 'sandbox-tts-001';
export const VOLC_POOL = 'NP162212345678900001';

export const at = <T>(list: readonly T[], i: number): T => list[i % list.length];
