// The CLI's exit-code table for every kind of failure (the process tests in test/cli cover the
// paths a user reaches today; policy refusals come from core's pipeline).
import { describe, expect, it } from 'vitest';
import { CallbridgeError } from '../../core/errors.js';
import { InputError, UnsupportedError } from '../../core/providers/index.js';
import { PolicyRefusal } from '../../core/policy/refusal.js';
import { errorLines, EXIT, exitCodeFor, UsageError } from '../../mcp/commands/exit-codes.js';

describe('exitCodeFor', () => {
  it('maps each failure kind to its row of the table', () => {
    const err = (kind: CallbridgeError['kind'], field?: string) => new CallbridgeError({ kind, message: 'm', field });
    expect(exitCodeFor(err('vendor'))).toBe(EXIT.vendorOrNetwork);
    expect(exitCodeFor(err('network'))).toBe(1);
    expect(exitCodeFor(err('validation'))).toBe(2);
    expect(exitCodeFor(new UsageError('u'))).toBe(2);
    expect(exitCodeFor(new InputError('i'))).toBe(2);
    expect(exitCodeFor(new UnsupportedError('x'))).toBe(2);
    expect(exitCodeFor(err('config', '--calling-hours'))).toBe(2);
    expect(exitCodeFor(err('config', '--config'))).toBe(3);
    expect(exitCodeFor(err('config', 'CALLBRIDGE_DYVMS_ENDPOINT'))).toBe(3);
    expect(exitCodeFor(new PolicyRefusal('allow-calls', 'billed calls are off.', 'allow billed calls.', 'allowCalls'))).toBe(4);
    expect(exitCodeFor(err('outcome_unknown'))).toBe(5);
  });

  it('prints system errors in words, with the path, and redacts secrets', () => {
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open '/x/y'"), { code: 'ENOENT', path: '/x/y' });
    expect(errorLines(enoent)).toEqual(['error: /x/y: no such file or directory']);
    const vendor = new CallbridgeError({ kind: 'outcome_unknown', message: 'sent with secret-abc', code: 'E1', requestId: 'r-1' });
    expect(errorLines(vendor, (t) => t.replace('secret-abc', '***'))).toEqual(['error: sent with ***', 'code=E1 requestId=r-1 outcome=unknown']);
  });
});
