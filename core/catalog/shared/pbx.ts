// Building blocks shared by the Yeastar S-Series / OpenVox UC style PBX operations: field shapes and
// the per-version body (API 2.0 renamed fields and merged the call endpoints into call/*).
// Not an operation file (scripts/gen.ts reads only core/catalog/<product>/).
import { z } from 'zod';
import { CallbridgeError } from '../../errors.js';
import { list, str } from '../../fields.js';
import type { PbxApiVersion } from '../../operation.js';
import { listedBy } from '../../lookup.js';
import { LOOKUPS } from './lookups.js';

const asText = (v: unknown) => (typeof v === 'number' ? String(v) : v);

// ---- inputs ----

export const extensionNumber = () => listedBy(z.preprocess(asText, z.string().regex(/^\d{1,12}$/, 'must be an extension number (digits only)')), LOOKUPS.extension);

/** Numbers the PBX dials out through an outbound route: digits, possibly with a route prefix, + * or #. */
export const dialNumber = () =>
  z.preprocess(asText, z.string().regex(/^[0-9+*#]{1,32}$/, 'must be a number to dial: digits, optionally with +, * or #'));

/** The PBX's own yes/no strings; true/false are accepted. */
export const yesNo = () => z.preprocess((v) => (v === true ? 'yes' : v === false ? 'no' : v), z.enum(['yes', 'no']));

/** One or more prompt files of System Recordings, joined with '+'. */
export const promptNames = () =>
  z
    .string()
    .min(1)
    .refine(
      (s) => s.split('+').every((name) => /[A-Za-z]/.test(name) && !/\.(wav|gsm|mp3|ulaw|alaw|g729)$/i.test(name)),
      'must be prompt file names without extension, each containing a letter, joined with "+" (e.g. "welcome+goodbye")',
    )
    .describe(
      'Prompt file(s) uploaded on the PBX page System Recordings, by name without extension; several play in turn when joined with "+" (e.g. "welcome+goodbye"). A name must contain a letter and cannot contain "+".',
    );

/** Asterisk-style call IDs ("1495710387.333"); a comma-separated list where the PBX takes several. */
export const callIds = (what: string) =>
  z
    .preprocess(
      (v) => (Array.isArray(v) ? v.map(asText).join(',') : asText(v)),
      z.string().regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, `must be ${what} such as "1495705009.316", several separated by commas`),
    );

export const channelId = () =>
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_./@-]{0,127}$/, 'must be a channel ID such as "PJSIP/1023-000000c0"')
    .describe('API v2.0.0: the channel to hang up, e.g. "PJSIP/1023-000000c0" (members[].*.channelid in pbx.inbound.query / pbx.outbound.query or the CallStatus event).');

// ---- per-version body ----

export type PbxFamily = '1.x' | '2.0';

/** v0.0.1, v1.0.0 and v1.1.0 share the 1.x field names; v2.0.0 renamed them. */
export const pbxFamily = (version: PbxApiVersion): PbxFamily => (version.startsWith('v2.') ? '2.0' : '1.x');

/** Wire name of an input field per API family; null: the family has no such field (refused). */
export interface PbxFieldRule {
  '1.x'?: string | null;
  '2.0'?: string | null;
  /** Said when the field is refused, e.g. what to use instead. */
  hint?: string;
}

function refuse(opId: string, field: string, text: string): CallbridgeError {
  return new CallbridgeError({
    kind: 'validation',
    operationId: opId,
    vendor: 'pbx',
    field,
    message: `Invalid input for ${opId}; nothing was sent. ${field}: ${text}`,
  });
}

/**
 * The JSON body for one PBX API version: fields renamed per `rules` (others keep their name),
 * fields the version lacks refused, and the fields that version needs checked.
 */
export function pbxVersionBody(
  opId: string,
  input: Record<string, unknown>,
  version: PbxApiVersion,
  rules: Record<string, PbxFieldRule>,
  required: Partial<Record<PbxFamily, string[]>> = {},
): Record<string, unknown> {
  const family = pbxFamily(version);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const rule = rules[name];
    const target = rule && rule[family] !== undefined ? rule[family] : name;
    if (target === null) {
      throw refuse(opId, name, `not available on PBX API ${version} (this PBX's version; only on ${family === '2.0' ? '1.x' : 'v2.0.0'})${rule?.hint ? `; ${rule.hint}` : ''}`);
    }
    out[target] = value;
  }
  for (const name of required[family] ?? []) {
    if (input[name] === undefined) throw refuse(opId, name, `is required on PBX API ${version}${rules[name]?.hint ? `; ${rules[name].hint}` : ''}`);
  }
  return out;
}

// ---- extension settings: APIs 1.x omit extid for all; API v2.0.0 requires number, "all" for all ----

/** The pbxBody of pbx.extension.query: extid on APIs 1.x (left out for all); number on API v2.0.0, "all" when no extid is given. */
export function extensionQueryBody(input: Record<string, unknown>, version: PbxApiVersion): Record<string, unknown> {
  const extid = input.extid;
  if (pbxFamily(version) === '2.0') return { number: extid ?? 'all' };
  return extid === undefined || extid === 'all' ? {} : { extid };
}

// ---- hang-ups: APIs 1.x take a call or extension ID, API v2.0.0 (call/hangup) a channelid ----

/** Refuses a hang-up input that has neither the APIs 1.x ID field `idName` nor the API v2.0.0 channelid. */
export function idOrChannel<T extends z.ZodType<Record<string, unknown>>>(schema: T, idName: string) {
  return schema.refine((v: Record<string, unknown>) => v[idName] !== undefined || v.channelid !== undefined, {
    message: `give ${idName} (APIs 1.x) or channelid (API v2.0.0)`,
    path: [idName],
  });
}

/**
 * The pbxBody of a hang-up: `idName` on APIs 1.x, channelid on API v2.0.0, each refused (with a hint) where the
 * other belongs; `idHint` is what to give on v2.0.0 instead of `idName`.
 */
export function hangupBody(opId: string, idName: string, idHint = 'give channelid instead') {
  return (input: Record<string, unknown>, version: PbxApiVersion) =>
    pbxVersionBody(
      opId,
      input,
      version,
      { [idName]: { '2.0': null, hint: idHint }, channelid: { '1.x': null, hint: `give ${idName} instead` } },
      { '1.x': [idName], '2.0': ['channelid'] },
    );
}

// ---- trunk-call queries: APIs 1.x take inboundid / outboundid, API v2.0.0 (call/query) a callid or a type ----

/**
 * The pbxBody of pbx.inbound.query / pbx.outbound.query: the <direction>id on APIs 1.x; on API v2.0.0 the callid
 * of one call, or, without one, { type: direction } for every call of that direction.
 */
export function trunkQueryBody(direction: 'inbound' | 'outbound') {
  const idName = `${direction}id`;
  return (input: Record<string, unknown>, version: PbxApiVersion) => {
    const body = pbxVersionBody(`pbx.${direction}.query`, input, version, {
      [idName]: { '2.0': null, hint: 'give callid instead' },
      callid: { '1.x': null, hint: `give ${idName} instead` },
    });
    return pbxFamily(version) === '2.0' && body.callid === undefined ? { type: direction } : body;
  };
}

// ---- outputs ----

export const callIdOutput = () =>
  str()
    .optional()
    .describe('ID of the call on the PBX (e.g. "1495710387.333"); NewCdr and call events carry it. Not returned by the v0.0.1 API.');

export const trunkCall = (idName: 'inboundid' | 'outboundid') =>
  z.looseObject({
    [idName]: str().optional(),
    from: str().optional(),
    to: str().optional(),
    trunk: str().optional(),
    status: str().optional().describe('e.g. Talking, Ringing.'),
  });

export const v2Calls = () =>
  list(
    z.looseObject({
      callid: str().optional(),
      members: list(z.looseObject({})).describe(
        'Call legs, each {"ext"|"inbound"|"outbound": {number|from, to, trunkname, channelid, memberstatus, callpath}}; memberstatus ALERT, RING, ANSWERED, ANSWER, HOLD or BYE.',
      ),
    }),
  )
    .optional()
    .describe('API v2.0.0: the calls found.');
