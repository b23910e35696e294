import type { Product } from './operation.js';
import type { VendorName } from './vendors/index.js';

export type ErrorKind =
  /** Bad input; nothing was sent. */
  | 'validation'
  /** The vendor answered with an error. */
  | 'vendor'
  /** No answer; see mayHaveBeenProcessed. */
  | 'network'
  /** Missing or unusable configuration/credentials. */
  | 'config'
  /** A billed or write request may or may not have been carried out. */
  | 'outcome_unknown';

/**
 * A setting a core error is about, named without any front end's words: each front end says how its users
 * set it (CLI and MCP: environment variables and flags; n8n: the credential's fields).
 */
export type Setting = `${VendorName}Credentials`;

export interface CallbridgeErrorInit {
  kind: ErrorKind;
  message: string;
  operationId?: string;
  vendor?: Product;
  code?: string;
  requestId?: string;
  httpStatus?: number;
  retryable?: boolean;
  mayHaveBeenProcessed?: boolean;
  /** Input field the error is about (validation). */
  field?: string;
  /** Identifiers the user can check to learn the outcome (OutId, CallId...). */
  checkWith?: Record<string, string>;
  /** The setting that fixes this error (config errors). */
  setting?: Setting;
}

export class CallbridgeError extends Error {
  override readonly name = 'CallbridgeError';
  readonly kind: ErrorKind;
  readonly operationId?: string;
  readonly vendor?: Product;
  readonly code?: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  readonly retryable: boolean;
  readonly mayHaveBeenProcessed: boolean;
  readonly field?: string;
  readonly checkWith?: Record<string, string>;
  readonly setting?: Setting;

  constructor(init: CallbridgeErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.operationId = init.operationId;
    this.vendor = init.vendor;
    this.code = init.code;
    this.requestId = init.requestId;
    this.httpStatus = init.httpStatus;
    this.retryable = init.retryable ?? false;
    this.mayHaveBeenProcessed = init.mayHaveBeenProcessed ?? false;
    this.field = init.field;
    this.checkWith = init.checkWith;
    this.setting = init.setting;
  }

  toJSON() {
    return {
      error: this.kind,
      message: this.message,
      operationId: this.operationId,
      vendor: this.vendor,
      code: this.code,
      requestId: this.requestId,
      httpStatus: this.httpStatus,
      retryable: this.retryable,
      mayHaveBeenProcessed: this.mayHaveBeenProcessed,
      field: this.field,
      checkWith: this.checkWith,
      setting: this.setting,
    };
  }
}

/** The error's message followed by how the user sets the setting it names, in the front end's words. */
export function withSettingHelp(error: CallbridgeError, help: Readonly<Record<Setting, string>>): string {
  return error.setting ? `${error.message} ${help[error.setting]}` : error.message;
}

/** The ways a secret can appear in text we print: as is, URL-encoded (RFC 3986 or form style) and JSON-escaped. */
function secretForms(secret: string): string[] {
  const uri = encodeURIComponent(secret);
  const rfc3986 = uri.replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  const once = [secret, uri, rfc3986, uri.replace(/%20/g, '+'), form, JSON.stringify(secret).slice(1, -1)];
  // Vendors echo the string they signed (already encoded once) in signature errors: encoded twice.
  const twice = [encodeURIComponent(rfc3986), encodeURIComponent(uri)];
  const forms = [...once, ...twice];
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/**
 * Replaces every occurrence of each secret with "***", also when it appears URL-encoded or
 * JSON-escaped. Secrets shorter than 4 characters are left alone (they would mask ordinary text).
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    for (const form of formsOf(secret)) if (out.includes(form)) out = out.split(form).join('***');
  }
  return out;
}

/** Each secret's forms, made once (redact runs on every tool result); a process holds a handful of secrets. */
const formsBySecret = new Map<string, string[]>();

function formsOf(secret: string): string[] {
  let forms = formsBySecret.get(secret);
  if (!forms) {
    if (formsBySecret.size >= 256) formsBySecret.clear();
    forms = secretForms(secret);
    formsBySecret.set(secret, forms);
  }
  return forms;
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Anything thrown and the errors along its `cause` chain, at most `depth` of them. */
export function causeChain(error: unknown, depth = 6): object[] {
  const chain: object[] = [];
  for (let current: unknown = error; current instanceof Object && chain.length < depth; current = 'cause' in current ? current.cause : undefined) chain.push(current);
  return chain;
}

/** The `code` of anything thrown when it is text: a Node system error's "ENOENT", undici's "UND_ERR_SOCKET". */
export function codeOf(error: unknown): string | undefined {
  const code = error instanceof Object && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : undefined;
}
