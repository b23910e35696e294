import { CallbridgeError, redact } from './errors.js';
import type { AnyOperation } from './operation.js';
import { Pacer } from './pacer.js';
import { backoffMs, shouldRetry } from './retry.js';
import { NetworkError, type HttpRequest, type HttpResponse, type Runtime, type Transport } from './transport.js';
import { validateInput } from './validate.js';
import { alibabaRequest, alibabaResponse, alibabaUnsignedRequest, type AlibabaConfig } from './vendors/alibaba.js';
import { isTokenError, md5Hex, PbxSession, pbxBody, pbxRequest, pbxResponse, type PbxConfig } from './vendors/pbx.js';
import { volcengineRequest, volcengineResponse, volcengineUnsignedRequest, type VolcengineConfig } from './vendors/volcengine.js';

export interface ClientConfig {
  alibaba?: AlibabaConfig;
  volcengine?: VolcengineConfig;
  pbx?: PbxConfig;
  transport: Transport;
  runtime: Runtime;
  /** Attempts in all, including the first (default 3). */
  maxAttempts?: number;
  /** Per-attempt timeout (default 15 s). */
  timeoutMs?: number;
  /** Pace each operation to its documented QPS (default true). */
  pace?: boolean;
  /**
   * The transport authenticates every request itself (n8n: the credential type signs Alibaba and Volcengine
   * requests and holds the PBX token). Requests are built without signature or token, and no PBX session is kept.
   */
  externalAuth?: boolean;
}

const DRY_RUN_TOKEN = '<pbx-session-token>';

/** Identifiers in the input (at any depth) that let a user check what happened to a call or task. */
const CHECK_KEYS = new Set([
  'OutId', 'CallId', 'TaskId', 'TaskOpenId', 'Id', 'JobGroupId', 'JobId', 'Name', 'TaskName', 'JobGroupName', 'BatchJobName',
  'SingleOpenId', 'referenceId', 'CalledNumber', 'outto',
]);
const MAX_CHECK_IDS = 20;

/** e.g. { OutId: 'o-1' } or { 'List.1.SingleOpenId': 'a', 'List.2.SingleOpenId': 'b' } */
function checkWith(input: Record<string, unknown>): Record<string, string> | undefined {
  const found: Record<string, string> = {};
  const walk = (value: unknown, path: string, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object' || Object.keys(found).length >= MAX_CHECK_IDS) return;
    const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v, i) => [String(i + 1), v]) : Object.entries(value);
    for (const [key, v] of entries) {
      const at = path ? `${path}.${key}` : key;
      if (CHECK_KEYS.has(key) && (typeof v === 'string' || typeof v === 'number')) found[at] = String(v);
      else walk(v, at, depth + 1);
    }
  };
  walk(input, '', 0);
  return Object.keys(found).length ? found : undefined;
}

export class CallbridgeClient {
  private readonly pacer: Pacer;
  private readonly pbxSession?: PbxSession;

  constructor(
    private readonly config: ClientConfig,
    private readonly catalog: ReadonlyMap<string, AnyOperation>,
  ) {
    this.pacer = new Pacer(config.runtime);
    if (config.pbx && !config.externalAuth) this.pbxSession = new PbxSession(config.pbx, config.transport, config.runtime);
  }

  operation(id: string): AnyOperation {
    const op = this.catalog.get(id);
    if (!op) {
      throw new CallbridgeError({ kind: 'validation', field: 'operation', message: `Unknown operation "${id}". List them with: callbridge ops list` });
    }
    return op;
  }

  /** The operation, unless the client does it itself (the PBX login); checked before the input is read, so a password in it is never echoed. */
  private callable(id: string): AnyOperation {
    const op = this.operation(id);
    if (op.sessionManaged) {
      throw new CallbridgeError({
        kind: 'config',
        operationId: op.id,
        vendor: op.product,
        code: 'SessionManaged',
        setting: 'pbxCredentials',
        message: `${op.id} is done by the client itself with the configured PBX address, API username and password (it logs in on first use, keeps the token alive and logs in again when it expires); it cannot be invoked directly.`,
      });
    }
    return op;
  }

  /** Every secret this client knows, for redaction. */
  secrets(): string[] {
    const { alibaba, volcengine, pbx } = this.config;
    return [
      alibaba?.accessKeySecret,
      alibaba?.securityToken,
      volcengine?.secretAccessKey,
      volcengine?.sessionToken,
      pbx?.password,
      pbx ? md5Hex(pbx.password) : undefined,
      this.pbxSession?.currentToken,
    ].filter((s): s is string => typeof s === 'string' && s.length > 0);
  }

  redact(text: string): string {
    return redact(text, this.secrets());
  }

  /** Validates and signs the request that invoke() would send, and returns it with secrets redacted. Sends nothing. */
  preview(id: string, input: unknown): HttpRequest {
    const op = this.callable(id);
    const parsed = validateInput(op, input);
    const request = this.build(op, parsed, DRY_RUN_TOKEN);
    return JSON.parse(this.redact(JSON.stringify(request))) as HttpRequest;
  }

  /** Validates input, sends the signed request (pacing and retrying by access class) and returns the parsed output. */
  async invoke(id: string, input: unknown): Promise<unknown> {
    const op = this.callable(id);
    const parsed = validateInput(op, input);
    // PBX: refuse fields the configured API version lacks before logging in or sending anything.
    if (op.product === 'pbx' && this.config.pbx) pbxBody(op, parsed, this.config.pbx);
    try {
      return await this.send(op, parsed);
    } catch (error) {
      throw this.finalError(op, parsed, error);
    }
  }

  private async send(op: AnyOperation, input: Record<string, unknown>): Promise<unknown> {
    const maxAttempts = this.config.maxAttempts ?? 3;
    let reloggedIn = false;
    for (let attempt = 0; ; attempt++) {
      if (this.config.pace !== false) await this.pacer.wait(op.id, op.qps);
      try {
        const token = op.product === 'pbx' && !this.config.externalAuth ? await this.requirePbx().getToken() : undefined;
        // Signed afresh on every attempt: new timestamp and nonce.
        const response = await this.config.transport.send(this.build(op, input, token), { timeoutMs: this.config.timeoutMs ?? 15_000 });
        const body = this.parse(op, response);
        const output = op.output.safeParse(body);
        if (!output.success) {
          throw new CallbridgeError({
            kind: 'vendor',
            operationId: op.id,
            vendor: op.product,
            code: 'UnexpectedResponse',
            mayHaveBeenProcessed: true,
            message: `${op.id}: the vendor's answer did not have the documented shape: ${output.error.issues
              .slice(0, 3)
              .map((i) => `${i.path.join('.')}: ${i.message}`)
              .join('; ')}`,
          });
        }
        return output.data;
      } catch (error) {
        if (op.product === 'pbx' && !reloggedIn && isTokenError(error)) {
          reloggedIn = true;
          this.pbxSession?.invalidate();
          attempt--;
          continue;
        }
        if (attempt + 1 >= maxAttempts || !shouldRetry(op.access, error)) throw error;
        await this.config.runtime.sleep(backoffMs(attempt, this.config.runtime.random()));
      }
    }
  }

  private build(op: AnyOperation, input: Record<string, unknown>, pbxToken?: string): HttpRequest {
    const { runtime, externalAuth } = this.config;
    switch (op.product) {
      case 'dyvms':
      case 'outboundbot':
        if (externalAuth) return alibabaUnsignedRequest(op, input, this.requireConfig('alibaba'));
        return alibabaRequest(op, input, this.requireConfig('alibaba'), runtime.now(), runtime.nonce());
      case 'volcengine':
        if (externalAuth) return volcengineUnsignedRequest(op, input, this.requireConfig('volcengine'));
        return volcengineRequest(op, input, this.requireConfig('volcengine'), runtime.now());
      case 'pbx':
        return pbxRequest(op, input, this.requireConfig('pbx'), externalAuth ? '' : (pbxToken ?? DRY_RUN_TOKEN));
    }
  }

  private parse(op: AnyOperation, response: HttpResponse): unknown {
    switch (op.product) {
      case 'dyvms':
      case 'outboundbot':
        return alibabaResponse(op, response);
      case 'volcengine':
        return volcengineResponse(op, response);
      case 'pbx':
        this.pbxSession?.touch();
        return pbxResponse(op.id, response);
    }
  }

  private requireConfig<K extends 'alibaba' | 'volcengine' | 'pbx'>(key: K): NonNullable<ClientConfig[K]> {
    const value = this.config[key];
    if (!value) {
      const what = { alibaba: 'Alibaba Cloud AccessKey', volcengine: 'Volcengine access key', pbx: 'PBX address, API username and password' }[key];
      throw new CallbridgeError({ kind: 'config', code: 'MissingCredentials', setting: `${key}Credentials`, message: `The ${what} is not configured.` });
    }
    return value as NonNullable<ClientConfig[K]>;
  }

  private requirePbx(): PbxSession {
    this.requireConfig('pbx');
    return this.pbxSession as PbxSession;
  }

  /** Redacts secrets and turns "maybe processed" failures of writes and calls into outcome_unknown. */
  private finalError(op: AnyOperation, input: Record<string, unknown>, error: unknown): CallbridgeError {
    const base =
      error instanceof CallbridgeError
        ? error
        : error instanceof NetworkError
          ? new CallbridgeError({
              kind: 'network',
              operationId: op.id,
              vendor: op.product,
              code: error.code,
              retryable: true,
              mayHaveBeenProcessed: error.sent,
              message: `${op.id}: no answer from ${op.product}: ${error.message}`,
            })
          : new CallbridgeError({ kind: 'network', operationId: op.id, vendor: op.product, mayHaveBeenProcessed: true, message: `${op.id}: ${String(error)}` });
    const unknown = op.access !== 'read' && base.mayHaveBeenProcessed && (base.kind === 'network' || base.kind === 'vendor');
    const ids = checkWith(input);
    const message = unknown
      ? `Outcome unknown: ${base.message}. The request may have been carried out; it was not retried to avoid doing it twice.${
          ids ? ` Check with ${Object.entries(ids).map(([k, v]) => `${k}=${v}`).join(', ')}.` : ''
        }`
      : base.message;
    return new CallbridgeError({
      ...base.toJSON(),
      kind: unknown ? 'outcome_unknown' : base.kind,
      message: this.redact(message),
      checkWith: unknown ? ids : base.checkWith,
    });
  }
}
