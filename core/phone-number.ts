// How a phone number is written down before any rule looks at it: every front end and the number
// rules normalise the same way.

/** Strips formatting (spaces, dashes, dots, brackets). */
export function normalizeNumber(raw: string): string {
  return raw.replace(/[\s\-().]/g, '');
}

const PHONE = /^\+?\d{3,20}$/;

/** A normalised number that can be dialled: 3 to 20 digits, optionally after a "+". */
export function isPhoneNumber(normalized: string): boolean {
  return PHONE.test(normalized);
}

export const PHONE_NUMBER_RULE = 'not a phone number (3-20 digits, optional +)';
