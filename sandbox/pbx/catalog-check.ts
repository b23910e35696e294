// Refuses, as the PBX does (errno 10004 "The required parameter is blank"), a request body that leaves out a
// field the documentation requires. What is required comes from the catalog definitions themselves: an
// operation's input schema (fields it cannot do without) and its per-version body (fields a version requires,
// and fields the client always sends there, such as number "all" on v2.0.0 extension/query).
import { z } from 'zod';
import { CallbridgeError } from '../../core/errors.js';
import { pbxApiVersionOf, type AnyOperation, type PbxApiVersion } from '../../core/operation.js';
import { catalog } from '../../core/registry.js';
import { pbxBody, pbxPath, type PbxConfig } from '../../core/vendors/pbx/index.js';
import { type Body, field, PbxFailure } from './scope.js';

/** The catalog's version for a path version: itself when listed, else the one of its family. */
function catalogVersion(version: string): PbxApiVersion {
  return pbxApiVersionOf(version) ?? (version.startsWith('v2.') ? 'v2.0.0' : 'v1.1.0');
}

const encode = (op: AnyOperation, input: Record<string, unknown>, apiVersion: PbxApiVersion): Record<string, unknown> => {
  const config: PbxConfig = { baseUrl: '', username: '', password: '', apiVersion };
  return pbxBody(op, input, config);
};

/**
 * Which input field each wire field of `op` comes from on this version: every input field is encoded with a
 * value naming it, fields the version refuses are dropped, and the wire names found are read back.
 */
function wireNames(op: AnyOperation, version: PbxApiVersion): Map<string, string> {
  const probe: Record<string, unknown> = {};
  for (const name of inputFields(op)) probe[name] = `probe:${name}`;
  for (;;) {
    try {
      const body = encode(op, probe, version);
      const names = new Map<string, string>();
      for (const [wire, value] of Object.entries(body)) {
        if (typeof value === 'string' && value.startsWith('probe:')) names.set(wire, value.slice('probe:'.length));
      }
      return names;
    } catch (error) {
      const refused = error instanceof CallbridgeError ? error.field : undefined;
      if (!refused || !(refused in probe)) return new Map();
      delete probe[refused];
    }
  }
}

function inputFields(op: AnyOperation): string[] {
  return op.input instanceof z.ZodObject ? Object.keys(op.input.shape) : [];
}

/** Whether `op` could have sent this body: nothing it needs is missing (values are the endpoint's to judge). */
function nothingMissing(op: AnyOperation, version: PbxApiVersion, body: Body): boolean {
  const input: Record<string, unknown> = {};
  for (const [wire, name] of wireNames(op, version)) {
    const value = field(body, wire);
    if (value !== undefined) input[name] = value;
  }
  const parsed = op.input.safeParse(input);
  if (!parsed.success) return !parsed.error.issues.some((issue) => input[String(issue.path[0])] === undefined);
  let sent: Record<string, unknown>;
  try {
    sent = encode(op, parsed.data as Record<string, unknown>, version);
  } catch {
    return false;
  }
  return Object.keys(sent).every((wire) => field(body, wire) !== undefined);
}

/** Throws errno 10004 when no catalog operation of this endpoint could have sent the body. */
export function checkRequired(endpoint: string, pathVersion: string, body: Body): void {
  const version = catalogVersion(pathVersion);
  const ops = [...catalog.values()].filter((op) => op.product === 'pbx' && !op.sessionManaged && pbxPath(op, version) === endpoint);
  if (ops.length && !ops.some((op) => nothingMissing(op, version, body))) throw new PbxFailure('10004');
}
