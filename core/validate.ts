import type { z } from 'zod';
import { CallbridgeError } from './errors.js';
import { valueAt, type AnyOperation } from './operation.js';

/** Input fields whose values are never repeated in error messages. */
const SECRET_FIELD = /pass(word)?|secret|token/i;

function describeValue(value: unknown): string {
  if (value === undefined) return 'it is missing';
  const text = JSON.stringify(value) ?? String(value);
  return `got ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}

/** One problem: the field it is about, the rule broken, and what was given (or why it is not shown). */
function issueText(issue: z.core.$ZodIssue, input: unknown): { field: string; rule: string; given: string } {
  const field = issue.path.length ? issue.path.map(String).join('.') : '(input)';
  const value = valueAt(input, issue.path);
  if (issue.code === 'unrecognized_keys') {
    return { field: issue.keys.join(', '), rule: 'unknown parameter (check the spelling; names are case-sensitive)', given: '' };
  }
  if (value === undefined && issue.code === 'invalid_type') return { field, rule: 'is required', given: '' };
  // Never echo what may be a secret (e.g. pbx.login's password).
  if (SECRET_FIELD.test(String(issue.path[issue.path.length - 1] ?? ''))) return { field, rule: issue.message, given: ' (value not shown)' };
  return { field, rule: issue.message, given: ` (${describeValue(value)})` };
}

/**
 * Each field once, in the order the schema reported them: a field that breaks several rules is
 * named once with each distinct rule once, and its value shown once.
 */
function byField(issues: Array<{ field: string; rule: string; given: string }>): Array<{ field: string; text: string }> {
  const fields = new Map<string, { rules: string[]; given: string }>();
  for (const { field, rule, given } of issues) {
    const entry = fields.get(field) ?? { rules: [], given };
    if (!entry.rules.includes(rule)) entry.rules.push(rule);
    fields.set(field, entry);
  }
  return [...fields].map(([field, { rules, given }]) => ({ field, text: `${field}: ${rules.join(' and ')}${given}` }));
}

/** Parses input with the operation's schema; on failure throws a validation error naming each field and rule. */
export function validateInput(op: AnyOperation, input: unknown): Record<string, unknown> {
  const result = op.input.safeParse(input ?? {});
  if (result.success) return result.data as Record<string, unknown>;
  const issues = byField(result.error.issues.map((issue) => issueText(issue, input)));
  throw new CallbridgeError({
    kind: 'validation',
    operationId: op.id,
    vendor: op.product,
    field: issues[0]?.field,
    message: `Invalid input for ${op.id}; nothing was sent. ${issues.map((i) => i.text).join('; ')}`,
  });
}
