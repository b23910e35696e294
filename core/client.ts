import { CallbridgeError, redact } from './errors.js';
import { checkWith } from './check.js';
import type { AnyOperation, PbxApiVersion, Product } from './operation.js';
import { normalizeOutput, outputProblems } from './output.js';
import { Pacer, type RatePacer } from './pacer.js';
import { backoffMs, shouldRetry } from './retry.js';
import { NetworkError, type HttpRequest, type Runtime, type SendOptions, type Transport } from './transport.js';
import { validateInput } from './validate.js';
import { VENDOR_NAMES, VENDORS, vendorOf, type Authenticator, type VendorConfigs, type VendorName } from './vendors/index.js';
import { PBX_DEFAULT_VERSION } from './vendors/pbx/index.js';

/** Each vendor's endpoints and credentials, when configured. */
export type VendorSettings = { [K in VendorName]?: VendorConfigs[K][0] };

export interface ClientConfig extends VendorSettings {
  transport: Transport;
  runtime: Runtime;
  /** Attempts in all, including the first (default 3). */
  maxAttempts?: number;
  /** Per-attempt timeout (default 15 s). */
  timeoutMs?: number;
  /** Pace each operation to its documented QPS (default true). */
  pace?: boolean;
  /** Paces requests across processes (e.g. a Redis pacer for this account); default: one pacer in this process. */
  pacer?: RatePacer;
  /**
   * Check every answer against the operation's full output schema (default false: the answer is only
   * made into its documented form, see core/output.ts). The test suite turns it on, so a vendor answer or
   * a schema that drifted is caught there; turn it on to find out whether a vendor's answers changed.
   */
  validateOutput?: boolean;
}

export class CallbridgeClient {
  private readonly pacer: RatePacer;
  /** Per configured vendor the transport does not authenticate itself: what signs its requests or holds its session. */
  private readonly authenticators = new Map<VendorName, Authenticator>();
  private readonly sendOptions: SendOptions;

  constructor(
    private readonly config: ClientConfig,
    private readonly catalog: ReadonlyMap<string, AnyOperation>,
  ) {
    this.pacer = config.pacer ?? new Pacer(config.runtime);
    this.sendOptions = { timeoutMs: config.timeoutMs ?? 15_000 };
    for (const name of VENDOR_NAMES) this.addAuthenticator(name);
  }

  private addAuthenticator<K extends VendorName>(name: K): void {
    const config: VendorSettings[K] = this.config[name];
    if (!config || this.config.transport.authenticates?.(name)) return;
    this.authenticators.set(name, VENDORS[name].authenticator(config, this.config.transport, this.config.runtime));
  }

  operation(id: string): AnyOperation {
    const op = this.catalog.get(id);
    if (!op) {
      throw new CallbridgeError({ kind: 'validation', field: 'operation', message: `Unknown operation "${id}". List them with: callbridge ops list` });
    }
    return op;
  }

  /** The operation, unless the client does it itself (the PBX login); checked before the input is read, so a password in it is never echoed. */
  callable(id: string): AnyOperation {
    return this.refuseSessionManaged(this.operation(id));
  }

  private refuseSessionManaged(op: AnyOperation): AnyOperation {
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

  /** The vendor account a product's requests go to: an identifier, never a secret (policy counts are scoped by it). */
  accountOf(product: Product): string {
    return this.vendorAccount(vendorOf(product));
  }

  private vendorAccount<K extends VendorName>(name: K): string {
    const config: VendorSettings[K] = this.config[name];
    return config ? VENDORS[name].account(config) : 'none';
  }

  /** The configured PBX API version, when set (the effects of some PBX operations differ by version). */
  get pbxApiVersion(): PbxApiVersion | undefined {
    return this.config.pbx ? (this.config.pbx.apiVersion ?? PBX_DEFAULT_VERSION) : undefined;
  }

  /** Every secret this client knows, for redaction. */
  secrets(): string[] {
    const configured = VENDOR_NAMES.flatMap((name) => this.configSecrets(name));
    return [...configured, ...[...this.authenticators.values()].flatMap((a) => a.secrets())];
  }

  private configSecrets<K extends VendorName>(name: K): string[] {
    const config: VendorSettings[K] = this.config[name];
    return config ? VENDORS[name].secrets(config) : [];
  }

  redact(text: string): string {
    return redact(text, this.secrets());
  }

  /** Validates and signs the request that invoke() would send, and returns it with secrets redacted. Sends nothing. */
  preview(id: string, input: unknown): HttpRequest {
    const op = this.callable(id);
    const parsed = validateInput(op, input);
    const name = vendorOf(op.product);
    const request = this.build(name, op, parsed);
    const authenticator = this.authenticators.get(name);
    return JSON.parse(this.redact(JSON.stringify(authenticator ? authenticator.preview(request) : request))) as HttpRequest;
  }

  /** Validates input, sends the signed request (pacing and retrying by access class) and returns the parsed output. */
  async invoke(id: string, input: unknown): Promise<unknown> {
    const op = this.callable(id);
    return this.execute(op, validateInput(op, input));
  }

  /**
   * Sends an operation whose input is already validated (pacing and retrying by access class) and returns
   * the parsed output; failures come back as CallbridgeErrors with secrets redacted (outcome_unknown when a
   * write or call may have been carried out).
   */
  async execute(op: AnyOperation, input: Record<string, unknown>): Promise<unknown> {
    this.refuseSessionManaged(op);
    try {
      return await this.send(op, input);
    } catch (error) {
      throw this.finalError(op, input, error);
    }
  }

  private async send(op: AnyOperation, input: Record<string, unknown>): Promise<unknown> {
    const maxAttempts = this.config.maxAttempts ?? 3;
    const name = vendorOf(op.product);
    // Built once (a PBX field the configured API version lacks is refused here, before any login); authenticated afresh on every attempt.
    const request = this.build(name, op, input);
    const authenticator = this.authenticators.get(name);
    let reauthenticated = false;
    for (let attempt = 0; ; attempt++) {
      if (this.config.pace !== false) await this.pacer.wait(op.id, op.qps);
      let sent = request;
      try {
        if (authenticator) {
          const authenticated = authenticator.authenticate(request);
          sent = authenticated instanceof Promise ? await authenticated : authenticated;
        }
        const response = await this.config.transport.send(sent, this.sendOptions);
        authenticator?.answered();
        const body = VENDORS[name].read(op, response);
        const output = normalizeOutput(op, body);
        const problems = this.config.validateOutput ? outputProblems(op, body, output) : undefined;
        if (problems) {
          throw new CallbridgeError({
            kind: 'vendor',
            operationId: op.id,
            vendor: op.product,
            code: 'UnexpectedResponse',
            mayHaveBeenProcessed: true,
            message: `${op.id}: the vendor's answer did not have the documented shape: ${problems}`,
          });
        }
        return output;
      } catch (error) {
        if (authenticator && !reauthenticated && authenticator.expired(error, sent)) {
          reauthenticated = true;
          attempt--;
          continue;
        }
        if (attempt + 1 >= maxAttempts || !shouldRetry(op.access, error)) throw error;
        await this.config.runtime.sleep(backoffMs(attempt, this.config.runtime.random()));
      }
    }
  }

  private build<K extends VendorName>(name: K, op: AnyOperation, input: Record<string, unknown>): HttpRequest {
    const config: VendorSettings[K] = this.config[name];
    if (!config) {
      const what = VENDORS[name].credentialsName;
      throw new CallbridgeError({ kind: 'config', code: 'MissingCredentials', setting: `${name}Credentials`, message: `The ${what} is not configured.` });
    }
    return VENDORS[name].build(op, input, config);
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
    const ids = checkWith(op, input);
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
