import { describe, expect, it } from 'vitest';
import { patternMatches, readNumber, type NumberContext } from '../../core/policy/numbers.js';

const CN: NumberContext = { region: 'CN' };
const PBX: NumberContext = { region: 'CN', dialPrefixes: ['9'], shortIsExtension: true };

describe('readNumber: one subscriber, whichever form is written', () => {
  it.each(['13800000000', '013800000000', '8613800000000', '+8613800000000', '008613800000000', '+86 138-0000-0000', '(+86) 138 0000 0000'])(
    '%s is +8613800000000',
    (written) => {
      expect(readNumber(written, CN)).toEqual({ ok: true, e164: '+8613800000000', national: '13800000000' });
    },
  );

  it('reads a PBX number without its outbound dial prefix', () => {
    expect(readNumber('913800000000', PBX)).toMatchObject({ ok: true, e164: '+8613800000000' });
    expect(readNumber('9013800000000', PBX)).toMatchObject({ ok: true, e164: '+8613800000000' });
  });

  it('refuses a bare international form that reads two ways, instead of guessing', () => {
    const verdict = readNumber('447700900123', CN);
    expect(verdict).toMatchObject({ ok: false, rule: 'invalid-number' });
    expect(verdict.ok === false && verdict.reason).toContain('+447700900123');
    expect(readNumber('+447700900123', CN)).toMatchObject({ ok: true, e164: '+447700900123' });
  });

  it('refuses what is not a number, naming it', () => {
    expect(readNumber('call-me', CN)).toMatchObject({ ok: false, rule: 'invalid-number' });
    expect(readNumber('1380000000012345678', CN)).toMatchObject({ ok: false, rule: 'invalid-number' });
  });
});

describe('emergency and short service numbers: refused in every form, everywhere', () => {
  it.each(['110', '86110', '0086110', '+86110', '0110', '+1911', '911', '112', '+44999', '120', '12110', '0086 119', '+86-120'])('%s', (written) => {
    expect(readNumber(written, CN)).toMatchObject({ ok: false, rule: 'emergency-numbers' });
  });

  it.each(['9110', '90110', '9+86110'.replace('+', ''), '9911'])('PBX dial-prefixed %s', (written) => {
    expect(readNumber(written, PBX)).toMatchObject({ ok: false, rule: 'emergency-numbers' });
  });

  it('refuses short service numbers (carrier, bank) outside a PBX', () => {
    expect(readNumber('10086', CN)).toMatchObject({ ok: false, rule: 'emergency-numbers' });
    expect(readNumber('95555', CN)).toMatchObject({ ok: false, rule: 'emergency-numbers' });
  });

  it('on a PBX a short number that is not an emergency number is an internal extension', () => {
    expect(readNumber('1001', PBX)).toEqual({ ok: true, extension: true, digits: '1001' });
  });
});

describe('operator patterns match the subscriber, in whatever form either side wrote it', () => {
  const sub = ['+8613800000000', '13800000000'] as const;
  it.each(['13800000000', '+8613800000000', '008613800000000', '013800000000', '8613800000000', '+86138*', '138*', '0138*', '86138????????'])('%s', (pattern) => {
    expect(patternMatches(pattern, ...sub, CN)).toBe(true);
  });
  it.each(['13900000000', '+86139*', '+44*', '1380000000'])('not %s', (pattern) => {
    expect(patternMatches(pattern, ...sub, CN)).toBe(false);
  });
});
