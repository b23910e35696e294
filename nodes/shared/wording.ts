// The catalog's descriptions are written for every front end: they name operations by their ids
// (outboundbot.ListInstances) and say how a value goes on the wire ("sent as CallingNumber.1, ...").
// In the editor an operation is the action of that title, and the wire form is the node's business.
import { catalog } from '../../core/registry.js';

const OPERATION_ID = /\b(?:outboundbot|dyvms|volcengine|pbx)\.[A-Za-z][\w.]*\w/g;

/** How the wire form is said: a "sent as" clause after a semicolon or comma, in brackets, or as a sentence. */
const WIRE_FORM: [RegExp, (match: string, lead?: unknown) => string][] = [
  [/\s*\((?:[^()]*?\s)?sent as [^()]*\)/gi, () => ''],
  // Ends the sentence (keep its full stop) or the clause before a semicolon.
  [/[;,]\s*(?:each is )?sent as (?:[^.;()]|\.(?=\S)|\([^()]*\))*?(?:\.\.\.|\.(?=\s|$)|(?=;))/gi, (match) => (match.endsWith('.') ? '.' : '')],
  [/(^|[.!?]\s+)Sent as (?:[^.]|\.(?=\S))*\.(?=\s|$)\s*/g, (_match, lead) => (typeof lead === 'string' ? lead : '')],
  // "... and is sent as one JSON string." ends a clause that says something else first.
  [/,?\s+and is sent as (?:[^.]|\.(?=\S))*(?=\.(?:\s|$))/gi, () => ''],
  // Any other sentence that says how a value is sent is about the wire only.
  [/(^|[.!?]\s+)[^.!?]*\bsent as\b(?:[^.]|\.(?=\S))*\.(?=\s|$)\s*/g, (_match, lead) => (typeof lead === 'string' ? lead : '')],
  // Notes on the vendor's documentation are for whoever maintains the catalog.
  [/\s*\([^()]*\bvendor example[^()]*\)/g, () => ''],
  [/(^|[.!?]\s+)[^.!?]*\bvendor example[^.!?]*\.(?=\s|$)\s*/g, (_match, lead) => (typeof lead === 'string' ? lead : '')],
];

function operationName(id: string): string {
  const op = catalog.get(id);
  return op ? `"${op.title}"` : id;
}

/** A catalog description in the editor's words: operations by their action names, no wire forms. */
export function inN8nWords(text: string): string {
  let out = text.replace(OPERATION_ID, operationName);
  for (const [pattern, replace] of WIRE_FORM) out = out.replace(pattern, replace);
  return out
    .replace(/\s+([.,;])/g, '$1')
    .replace(/\.{2,}(?!\.)/g, (dots) => (dots.length === 3 ? dots : '.'))
    .replace(/\s{2,}/g, ' ')
    .trim();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A core error message as the editor shows it: it leads with what happened, not with the operation id
 * (the node already says which operation ran), and has no doubled full stops.
 */
export function errorInN8nWords(message: string, operationId: string | undefined): string {
  let out = message;
  if (operationId) {
    const id = escapeRegExp(operationId);
    out = out
      .replace(new RegExp(`^${id} failed: `), 'The service refused the request: ')
      .replace(new RegExp(`^Invalid input for ${id}; `), 'Invalid input; ')
      .replace(new RegExp(`^${id}: `), '');
  }
  out = out.replace(OPERATION_ID, operationName).replace(/(^|[^.])\.\.(?!\.)/g, '$1.');
  return out.charAt(0).toUpperCase() + out.slice(1);
}
