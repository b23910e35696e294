import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '../../core/errors.js';
import { percentEncode } from '../../core/vendors/alibaba/index.js';

describe('redact', () => {
  it('hides a secret as is, URL-encoded, form-encoded and JSON-escaped', () => {
    const secret = 'a/b+c=d e"f\\g*h~';
    const text = [secret, encodeURIComponent(secret), percentEncode(secret), new URLSearchParams({ s: secret }).toString(), JSON.stringify({ s: secret })].join(' | ');
    const out = redact(text, [secret]);
    expect(out).not.toContain('b+c');
    expect(out).not.toContain('a%2Fb');
    expect(out.match(/\*\*\*/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it('leaves no encoded form of random secrets in random text (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 40, unit: 'grapheme' }), fc.string(), (secret, noise) => {
        const text = `${noise}${secret}${noise}${encodeURIComponent(secret)}${percentEncode(secret)}${new URLSearchParams({ s: secret })}${JSON.stringify(secret)}`;
        const out = redact(text, [secret]);
        for (const form of [encodeURIComponent(secret), percentEncode(secret), new URLSearchParams({ s: secret }).toString().slice(2)]) expect(out.includes(form)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('ignores secrets too short to be told from ordinary text', () => {
    expect(redact('abc abc', ['abc'])).toBe('abc abc');
  });
});
