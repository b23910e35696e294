// Compares one PBX catalog operation, on one API version, with the table transcribed from the vendor's pages
// (test/fixtures/fidelity/pbx.json), and names every difference as a short, stable string such as
// "param number: required in the docs, optional in the catalog". The catalog side is read from the
// definition itself: its input schema and its per-version body (pbxBody), path and request.
import { z } from 'zod';
import { CallbridgeError } from '../../../core/errors.js';
import type { AnyOperation, PbxApiVersion } from '../../../core/operation.js';
import { validateInput } from '../../../core/validate.js';
import { buildPbx, pbxBody, pbxLoginRequest, pbxPath, withPbxToken, type PbxConfig } from '../../../core/vendors/pbx/index.js';
import type { JsonSchema } from '../../helpers/json-schema.js';

export interface PbxParamFact {
  required: boolean;
  type: string;
  /** Values the page lists; `closed`: only those. */
  values?: string[];
  closed?: boolean;
  /** Values from the page's examples and text. */
  examples?: string[];
  range?: [number, number];
  note?: string;
}

export interface PbxPageFact {
  pages: string[];
  path: string;
  method: 'POST' | 'GET';
  /** Query parameters of the request line (token; the OpenVox pages add type=json|xml). */
  query: string[];
  params: Record<string, PbxParamFact>;
  /** Exactly one of these is sent (the alternative request forms of one page). */
  oneOf?: string[];
  response: Record<string, { fields?: string[]; note?: string }>;
  note?: string;
}

export type PbxTable = Record<string, Record<string, PbxPageFact | { unverified: string }>>;

const config = (apiVersion: PbxApiVersion): PbxConfig => ({ baseUrl: 'https://pbx.example', username: 'api', password: 'secret', apiVersion });

/** The body the catalog sends for an input on a version, or the validation error that refuses it. */
function send(op: AnyOperation, input: Record<string, unknown>, version: PbxApiVersion): Record<string, unknown> | CallbridgeError {
  try {
    return pbxBody(op, validateInput(op, input), config(version));
  } catch (error) {
    if (error instanceof CallbridgeError && error.kind === 'validation') return error;
    throw error;
  }
}

/** The same, without the input schema: which wire names the per-version body gives each input field. */
function encodeRaw(op: AnyOperation, input: Record<string, unknown>, version: PbxApiVersion): Record<string, unknown> | CallbridgeError {
  try {
    return pbxBody(op, input, config(version));
  } catch (error) {
    if (error instanceof CallbridgeError) return error;
    throw error;
  }
}

const inputFields = (op: AnyOperation): string[] => (op.input instanceof z.ZodObject ? Object.keys(op.input.shape) : []);

/** Wire name -> input field, for the input fields this version sends (one field at a time, the others absent). */
function wireToInput(op: AnyOperation, version: PbxApiVersion): Map<string, string> {
  const out = new Map<string, string>();
  const fields = inputFields(op);
  for (const name of fields) {
    // Fields a version requires are given too, so that only `name` decides what comes out.
    const probe: Record<string, unknown> = { [name]: `probe:${name}` };
    for (let body = encodeRaw(op, probe, version); ; body = encodeRaw(op, probe, version)) {
      if (!(body instanceof CallbridgeError)) {
        for (const [wire, value] of Object.entries(body)) if (value === `probe:${name}`) out.set(wire, name);
        break;
      }
      const missing = body.field;
      if (!missing || missing === name || missing in probe || !fields.includes(missing)) break;
      probe[missing] = `other:${missing}`;
    }
  }
  return out;
}

/** A valid input for this version: the first catalog example the version accepts. */
function baseInput(op: AnyOperation, version: PbxApiVersion): Record<string, unknown> | undefined {
  return op.examples?.map((e) => e.input).find((input) => !(send(op, input, version) instanceof CallbridgeError));
}

function paramDifferences(op: AnyOperation, version: PbxApiVersion, fact: PbxPageFact): string[] {
  const out: string[] = [];
  const names = wireToInput(op, version);
  const alwaysSent = send(op, {}, version);
  const sentWithoutInput = alwaysSent instanceof CallbridgeError ? [] : Object.keys(alwaysSent).filter((w) => !names.has(w));
  const schemaRequired = new Set((op.input.safeParse({}).error?.issues ?? []).map((i) => String(i.path[0])));
  const base = baseInput(op, version) ?? {};

  /** Whether the catalog never sends a body without this wire field. */
  const enforced = (wire: string): boolean => {
    const field = names.get(wire);
    if (!field) return sentWithoutInput.includes(wire);
    if (schemaRequired.has(field)) return true;
    const without = { ...base };
    delete without[field];
    const body = send(op, without, version);
    // Refused without it (whichever field the error names, e.g. "give extid or channelid"), or sent anyway.
    return body instanceof CallbridgeError || wire in body;
  };

  for (const [wire, p] of Object.entries(fact.params)) {
    const field = names.get(wire);
    if (!field && !sentWithoutInput.includes(wire)) {
      out.push(`param ${wire}: in the docs, not in the catalog`);
      continue;
    }
    if (!fact.oneOf?.includes(wire)) {
      if (p.required && !enforced(wire)) out.push(`param ${wire}: required in the docs, optional in the catalog`);
      if (!p.required && field && enforced(wire)) out.push(`param ${wire}: optional in the docs, required in the catalog`);
    }
    if (!field) continue;
    const accepts = (value: unknown) => !(send(op, { ...base, [field]: value }, version) instanceof CallbridgeError);
    for (const value of [...(p.values ?? []), ...(p.examples ?? [])]) {
      if (!accepts(value)) out.push(`param ${wire}: the docs allow "${value}", the catalog refuses it`);
    }
    if (p.closed && accepts('not-a-listed-value')) out.push(`param ${wire}: the docs allow only ${p.values?.join(', ')}, the catalog allows others`);
    if (p.range) {
      const [min, max] = p.range;
      for (const bound of [min, max]) if (!accepts(String(bound))) out.push(`param ${wire}: the docs allow ${bound}, the catalog refuses it`);
      for (const beyond of [min - 1, max + 1]) if (accepts(String(beyond))) out.push(`param ${wire}: the docs allow ${min}-${max}, the catalog allows ${beyond}`);
    }
  }
  for (const wire of [...names.keys(), ...sentWithoutInput]) {
    if (!(wire in fact.params)) out.push(`param ${wire}: in the catalog, not in the docs`);
  }
  if (fact.oneOf) {
    const inputs = [{}, base];
    for (const input of inputs) {
      const body = send(op, input, version);
      const present = body instanceof CallbridgeError ? [] : fact.oneOf.filter((w) => w in body);
      if (!(body instanceof CallbridgeError) && present.length !== 1) out.push(`params ${fact.oneOf.join(' | ')}: the docs need exactly one, the catalog sent ${present.length} for ${JSON.stringify(input)}`);
    }
  }
  return out;
}

function requestDifferences(op: AnyOperation, version: PbxApiVersion, fact: PbxPageFact): string[] {
  const out: string[] = [];
  const path = pbxPath(op, version);
  if (path !== fact.path) out.push(`path: docs ${fact.path}, catalog ${path}`);
  const input = validateInput(op, baseInput(op, version) ?? {});
  const request = op.sessionManaged ? pbxLoginRequest(config(version)) : withPbxToken(buildPbx(op, input, config(version)), 'token-value');
  if (request.method !== fact.method) out.push(`method: docs ${fact.method}, catalog ${request.method}`);
  const query = [...new URL(request.url).searchParams.keys()];
  for (const name of fact.query) if (!query.includes(name)) out.push(`query ${name}: in the docs, not in the catalog`);
  for (const name of query) if (!fact.query.includes(name)) out.push(`query ${name}: in the catalog, not in the docs`);
  return out;
}

function responseDifferences(op: AnyOperation, fact: PbxPageFact): string[] {
  const out: string[] = [];
  const schema = z.toJSONSchema(op.output, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  const props = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([name]) => name !== 'status'));
  const itemsOf = (s: JsonSchema | undefined) => (s?.items ?? s?.anyOf?.find((x) => x.items)?.items)?.properties;
  for (const [name, docs] of Object.entries(fact.response)) {
    if (!props[name]) {
      out.push(`response ${name}: in the docs, not in the catalog`);
      continue;
    }
    const modelled = itemsOf(props[name]);
    if (!docs.fields || !modelled) continue;
    for (const field of docs.fields) if (!(field in modelled)) out.push(`response ${name}.${field}: in the docs, not in the catalog`);
    for (const field of Object.keys(modelled)) if (!docs.fields.includes(field)) out.push(`response ${name}.${field}: in the catalog, not in the docs`);
  }
  for (const name of Object.keys(props)) if (!(name in fact.response)) out.push(`response ${name}: in the catalog, not in the docs`);
  return out;
}

/** Every difference between a PBX catalog operation on one API version and its transcribed pages. */
export function pbxDifferences(op: AnyOperation, version: PbxApiVersion, fact: PbxPageFact): string[] {
  return [...requestDifferences(op, version, fact), ...paramDifferences(op, version, fact), ...responseDifferences(op, fact)].sort();
}
