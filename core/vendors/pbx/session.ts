import { CallbridgeError } from '../../errors.js';
import type { HttpRequest, Runtime, Transport } from '../../transport.js';
import { isTokenError, PBX_HEARTBEAT_MS, PBX_MAX_FAILED_LOGINS, pbxLoginRequest, pbxResponse, pbxUrl, withPbxToken, type PbxConfig } from './request.js';

/**
 * Holds the PBX login token: logs in on first use, reuses the token, logs in again once
 * when the PBX says the token is invalid, and refuses to try a 4th login after 3 failures
 * in a row (the PBX locks the IP after 5).
 */
export class PbxSession {
  private token?: string;
  private lastUsed = 0;
  private failedLogins = 0;
  private loggingIn?: Promise<string>;

  constructor(
    private readonly config: PbxConfig,
    private readonly transport: Transport,
    private readonly runtime: Runtime,
  ) {}

  /** The current token, if any (for redaction). */
  get currentToken(): string | undefined {
    return this.token;
  }

  async getToken(): Promise<string> {
    if (this.token && this.runtime.now() - this.lastUsed < PBX_HEARTBEAT_MS) return this.token;
    // Without an event host the documented heartbeat cannot be sent (ipaddr is required): log in again instead.
    if (this.token && this.config.eventHost) {
      if (await this.heartbeat()) return this.token;
    }
    return this.login();
  }

  /** Forgets `token` after the PBX refused it; a newer token (another caller already logged in again) is kept. */
  invalidate(token: string | undefined): void {
    if (token === this.token) this.token = undefined;
  }

  private login(): Promise<string> {
    this.loggingIn ??= this.doLogin().finally(() => {
      this.loggingIn = undefined;
    });
    return this.loggingIn;
  }

  private async doLogin(): Promise<string> {
    if (this.failedLogins >= PBX_MAX_FAILED_LOGINS) {
      throw new CallbridgeError({
        kind: 'config',
        vendor: 'pbx',
        code: 'LoginAttemptsExhausted',
        setting: 'pbxCredentials',
        message: `PBX login failed ${this.failedLogins} times in a row; not trying again so the PBX does not lock this IP (it locks after 5 for 10 minutes). Check the PBX API username and password.`,
      });
    }
    let body;
    try {
      body = pbxResponse('pbx.login', await this.transport.send(pbxLoginRequest(this.config)));
    } catch (error) {
      if (error instanceof CallbridgeError && error.kind === 'vendor') this.failedLogins += 1;
      throw error;
    }
    if (typeof body.token !== 'string' || !body.token) {
      this.failedLogins += 1;
      throw new CallbridgeError({ kind: 'vendor', vendor: 'pbx', code: 'NoToken', message: 'PBX login answered Success without a token' });
    }
    this.failedLogins = 0;
    this.token = body.token;
    this.lastUsed = this.runtime.now();
    return body.token;
  }

  /** Keeps the token alive; returns false when the PBX no longer accepts it. */
  async heartbeat(): Promise<boolean> {
    const ipaddr = this.config.eventHost;
    if (!this.token || !ipaddr) return false;
    try {
      const body = JSON.stringify({ ipaddr, port: this.config.eventPort ?? '8260' });
      const heartbeat: HttpRequest = { method: 'POST', url: pbxUrl(this.config, 'heartbeat'), headers: { 'Content-Type': 'application/json; charset=utf-8' }, body };
      pbxResponse('pbx.heartbeat', await this.transport.send(withPbxToken(heartbeat, this.token)));
      this.lastUsed = this.runtime.now();
      return true;
    } catch (error) {
      if (isTokenError(error)) {
        this.token = undefined;
        return false;
      }
      throw error;
    }
  }

  touch(): void {
    this.lastUsed = this.runtime.now();
  }
}
