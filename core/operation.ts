import { z } from 'zod';
import type { Effects, FieldPath } from './policy/types.js';

export const PRODUCTS = ['dyvms', 'outboundbot', 'volcengine', 'pbx'] as const;
export type Product = (typeof PRODUCTS)[number];

/**
 * 'call' contacts people outside, billed: places phone calls (now or later, by a task it fills or starts)
 * or sends them messages (SMS); 'write' changes state; 'read' only reads.
 */
export type Access = 'read' | 'write' | 'call';

/**
 * How an Alibaba RPC parameter that is not a plain scalar goes on the wire.
 * Defaults: object -> 'json'; array of objects -> 'repeat'; array of scalars -> 'repeat'.
 *  - json:        Name=<JSON text>
 *  - repeat:      Name.1=a&Name.2=b, or Name.1.Key=..&Name.1.Code=.. for objects
 *  - repeat-json: Name.1=<JSON of item 1>&Name.2=<JSON of item 2>
 *  - comma:       Name=a,b,c
 */
export type WireEncoding = 'json' | 'repeat' | 'repeat-json' | 'comma';

export interface Pagination {
  /** Input parameter that carries the 1-based page number. */
  pageParam: string;
  /** Input parameter that carries the page size. */
  sizeParam: string;
  /** Largest page size the vendor accepts. */
  maxPageSize: number;
  /** Dotted path, in the parsed output, of the array of items on the page. */
  itemsPath: string;
  /** Dotted path, in the parsed output, of the total item count, if the vendor returns one. */
  totalPath?: string;
}

export interface OperationExample {
  title?: string;
  input: Record<string, unknown>;
  /**
   * The exact business parameters this input must become on the wire, written out by hand:
   * Alibaba: the flat string map (without the common/signature parameters);
   * Volcengine and PBX: the JSON body (or query map for query-style operations).
   */
  wire?: Record<string, unknown>;
}

/** The vendor-only settings of an operation's wire form; each vendor adapter reads the ones it knows. */
export interface OperationWire {
  /** HTTP method; Alibaba RPC defaults to POST (form body), Volcengine to POST JSON, PBX to POST JSON. */
  method?: 'GET' | 'POST';
  /** Alibaba only: wire form of non-scalar parameters (see WireEncoding). */
  encoding?: Record<string, WireEncoding>;
  /**
   * Alibaba only: per parameter, the vendor's wire code for each user-facing value, e.g.
   * { HangupDirection: { user: '0', robot: '1' } }. Lets an input speak one meaning where the vendor's
   * codes are inverted or opaque; values not in the map are sent unchanged.
   */
  wireValues?: Record<string, Record<string, string>>;
  /** Volcengine only: how the body is sent (default json). */
  bodyType?: 'json' | 'form' | 'query';
  /** PBX only: API path per version, when it differs from the id-derived path. */
  pbxPaths?: Partial<Record<PbxApiVersion, string>>;
  /**
   * PBX only: the JSON body for the PBX's API version, when it is not the validated input as is
   * (v2.0.0 renamed fields, e.g. extid -> caller). Throws a validation CallbridgeError for a field
   * that version does not have. Without it the validated input is the body.
   */
  pbxBody?: (input: Record<string, unknown>, version: PbxApiVersion) => Record<string, unknown>;
}

export interface OperationSpec<I extends z.ZodType, O extends z.ZodType> {
  /** `<product>.<Action>`: the vendor's own action name, or for the PBX its API path with `/` as `.`. */
  id: `${Product}.${string}`;
  title: string;
  /** What it does, written for an agent deciding whether and how to call it. */
  description: string;
  access: Access;
  /** Irreversible (deletes, terminates) or billed; shown to agents as destructive. */
  destructive?: boolean;
  /** Repeating the same request has no further effect. Defaults to true for reads. */
  idempotent?: boolean;
  /** The input schema, built on first use (importing the catalog builds no schema: listing and search read only the facts above). */
  input: () => I;
  /** The output schema, built on first use. */
  output: () => O;
  /** What it makes the vendor do to people's phones (callees, messages, rosters, attempts, windows): read by the call policy. */
  effects?: Effects;
  /** The group the n8n nodes list it under (a value of the product's RESOURCES in nodes/shared/resources.ts; none: "Other"). */
  resource?: string;
  /** It returns a link to a file: the n8n node can download it as binary data. Dotted paths in the output. */
  download?: { urlPath: string; fileNamePath?: string; defaultOn: boolean };
  /** What it creates: dotted paths, in the output, of the call ID it placed and of the task it created or filled (first found). */
  returns?: { callId?: string; taskId?: string[] };
  /** Input fields that identify what it did, named to the user after an unknown outcome so they can check before retrying. */
  check?: FieldPath[];
  /** How the result of a call it placed is followed: the query polled, and (dyvms) the ProdIds its record may be under, likeliest first. */
  tracking?: { query: `${Product}.${string}`; prodIds?: string[] };
  /** Documented per-account requests per second; undefined when the docs state none. */
  qps?: number;
  pagination?: Pagination;
  /**
   * A list it returns whole (no page walking): dotted path of the array in its output, or paths of which
   * the first holding an array is the list (a field renamed between API versions). The n8n nodes output
   * one item per entry.
   */
  listItems?: string | readonly string[];
  /** How the operation goes on the wire where it differs from its vendor's defaults (vendor-only settings). */
  wire?: OperationWire;
  /**
   * Done by the client itself and refused when invoked directly (the PBX login: PbxSession logs in
   * with the configured credentials and keeps the token). The definition documents the wire form.
   */
  sessionManaged?: boolean;
  /**
   * Superseded by another action of the vendor: still callable (accounts may rely on it), but the
   * curated tools use `replacedBy`, and the docs mark it.
   */
  legacy?: { replacedBy: `${Product}.${string}`; reason: string };
  /** Public documentation page (required for operations that are not in the seeds). */
  docUrl?: string;
  examples?: OperationExample[];
}

export const PBX_API_VERSIONS = ['v0.0.1', 'v1.0.0', 'v1.1.0', 'v2.0.0'] as const;
export type PbxApiVersion = (typeof PBX_API_VERSIONS)[number];

/** The PBX API version this text names, or undefined when it names none. */
export const pbxApiVersionOf = (text: string | undefined): PbxApiVersion | undefined => PBX_API_VERSIONS.find((v) => v === text);

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType>
  extends Omit<OperationSpec<I, O>, 'input' | 'output'> {
  /** The input schema (built on first read, then kept). */
  readonly input: I;
  /** The output schema (built on first read, then kept). */
  readonly output: O;
  product: Product;
  /** The vendor's action name (Alibaba, Volcengine) or API path (PBX, with `/`). */
  action: string;
  idempotent: boolean;
}

export type AnyOperation = Operation<z.ZodType, z.ZodType>;

export function defineOperation<I extends z.ZodType, O extends z.ZodType>(
  spec: OperationSpec<I, O>,
): Operation<I, O> {
  const dot = spec.id.indexOf('.');
  const product = spec.id.slice(0, dot) as Product;
  if (!PRODUCTS.includes(product)) throw new Error(`${spec.id}: unknown product "${product}"`);
  const rest = spec.id.slice(dot + 1);
  const action = product === 'pbx' ? rest.replace(/\./g, '/') : rest;
  const { input, output, ...facts } = spec;
  let builtInput: I | undefined;
  let builtOutput: O | undefined;
  return {
    ...facts,
    product,
    action,
    idempotent: spec.idempotent ?? spec.access === 'read',
    get input() {
      return (builtInput ??= input());
    },
    get output() {
      return (builtOutput ??= output());
    },
  };
}

/** The value at a path of keys (a zod issue's path), or undefined where the path leaves the objects. */
export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}

/** Reads a dotted path ("Data.List") from a parsed response. */
export function getPath(value: unknown, path: string): unknown {
  return valueAt(value, path.split('.'));
}

/** The entries of the list an operation returns whole (its `listItems`), or undefined when the output holds none. */
export function listEntries(op: { listItems?: string | readonly string[] }, output: unknown): unknown[] | undefined {
  const paths = typeof op.listItems === 'string' ? [op.listItems] : (op.listItems ?? []);
  for (const path of paths) {
    const found = getPath(output, path);
    if (Array.isArray(found)) return found;
  }
  return undefined;
}
