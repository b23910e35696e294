/**
 * A real, pinned n8n (scripts/n8n-tools.sh: Node 24 + n8n 2.41.1, cached) driven from vitest:
 * a scratch user folder per instance, the packed community package installed into it, the n8n
 * CLI (import, publish, execute) and `n8n start` with an owner login, all on 127.0.0.1.
 * Every child process is bounded in time and killed with its process group. See
 * docs/dev/n8n-tools.md for the facts this relies on.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../helpers/free-port.js';
import { killGroup, run, tail, type RunResult } from './processes.js';
import type { ExecutionJson, Workflow } from './workflow-json.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'artifacts');
/** The npm name of the community package (node types are `<this>.<nodeName>`). */
export const PACKAGE_NAME = 'n8n-nodes-callbridge';

export interface N8nTools {
  N8N_NODE24_BIN: string;
  N8N_BIN: string;
  N8N_NODE_CLI_BIN: string;
  N8N_SCAN_DIR: string;
  N8N_SCAN_MODULE: string;
}
const TOOL_KEYS = ['N8N_NODE24_BIN', 'N8N_BIN', 'N8N_NODE_CLI_BIN', 'N8N_SCAN_DIR', 'N8N_SCAN_MODULE'] as const;

let tools: N8nTools | undefined;

/** The tools' paths: from the environment (scripts/test.sh exports them) or by running the installer. */
export function n8nTools(): N8nTools {
  if (tools) return tools;
  if (TOOL_KEYS.every((k) => process.env[k] && existsSync(process.env[k]))) {
    tools = Object.fromEntries(TOOL_KEYS.map((k) => [k, process.env[k]])) as unknown as N8nTools;
    return tools;
  }
  // Cached after the first run (0.02 s); a cold install takes several minutes (progress on stderr).
  const out = execFileSync('bash', [join(ROOT, 'scripts', 'n8n-tools.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 15 * 60_000 });
  const found: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^export (\w+)=(.*)$/.exec(line.trim());
    if (m) found[m[1]] = m[2].replace(/^'(.*)'$/, '$1').replace(/\\(.)/g, '$1');
  }
  for (const k of TOOL_KEYS) if (!found[k]) throw new Error(`scripts/n8n-tools.sh did not export ${k}:\n${out}`);
  tools = found as unknown as N8nTools;
  return tools;
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function findTarball(): string | undefined {
  if (!existsSync(ARTIFACTS)) return undefined;
  const found = readdirSync(ARTIFACTS)
    .filter((f) => f.startsWith(`${PACKAGE_NAME}-`) && f.endsWith('.tgz'))
    .map((f) => join(ARTIFACTS, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return found[0];
}

/**
 * The packed n8n package (artifacts/n8n-nodes-callbridge-<v>.tgz). CALLBRIDGE_N8N_TGZ wins;
 * otherwise the newest tarball in artifacts/, packed again (`npm run pack`, one test file at a
 * time) when it is missing or older than the sources, so running this suite alone tests the
 * current tree. `npm test` packs before vitest, so there it is always fresh.
 */
export function packedTarball(): string {
  const given = process.env.CALLBRIDGE_N8N_TGZ;
  if (given) {
    if (!existsSync(given)) throw new Error(`CALLBRIDGE_N8N_TGZ=${given} does not exist`);
    return given;
  }
  const sourcesAt = () =>
    Math.max(...['core', 'credentials', 'nodes', 'packaging', 'scripts'].map((d) => newestMtime(join(ROOT, d))), statSync(join(ROOT, 'tsup.config.ts')).mtimeMs);
  const fresh = () => {
    const tgz = findTarball();
    return tgz && statSync(tgz).mtimeMs >= sourcesAt() ? tgz : undefined;
  };
  let tgz = fresh();
  if (tgz) return tgz;
  if (!existsSync(join(ROOT, 'scripts', 'pack.sh'))) {
    throw new Error(`No ${PACKAGE_NAME} tarball in artifacts/ and no scripts/pack.sh to make one (the n8n package is not built yet).`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const lock = join(ARTIFACTS, '.e2e-n8n-pack.lock');
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} held for 5 minutes; remove it if no pack is running`);
      execFileSync('sleep', ['1']);
    }
  }
  try {
    tgz = fresh();
    if (tgz) return tgz;
    try {
      execFileSync('npm', ['run', '--silent', 'pack'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe', timeout: 5 * 60_000 });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`npm run pack failed: ${e.message}\n${tail(`${e.stdout ?? ''}\n${e.stderr ?? ''}`)}`);
    }
    tgz = findTarball();
    if (!tgz) throw new Error(`npm run pack wrote no artifacts/${PACKAGE_NAME}-<version>.tgz`);
    return tgz;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export { freePort };
export { run, tail, type RunResult } from './processes.js';
export { nodeItems, workflow, type ExecutionJson, type Workflow, type WorkflowNode } from './workflow-json.js';

export class N8nError extends Error {}

/** One n8n installation (user folder + database), used through its CLI and `n8n start`. */
export class N8n {
  readonly userFolder: string;
  readonly env: NodeJS.ProcessEnv;
  port = 0;
  brokerPort = 0;
  private server?: ChildProcess;
  private serverExit?: Promise<number | null>;
  private cookie = '';
  private apiKey = '';
  /** Everything the CLI and server printed, newest last (for failure reports). */
  log = '';

  constructor(readonly label: string) {
    this.userFolder = mkdtempSync(join(tmpdir(), `callbridge-e2e-n8n-${label}-`));
    const t = n8nTools();
    this.env = {
      PATH: `${t.N8N_NODE24_BIN}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      HOME: process.env.HOME,
      TMPDIR: this.userFolder,
      N8N_USER_FOLDER: this.userFolder,
      N8N_ENCRYPTION_KEY: 'callbridge-e2e-key-0123456789abcdef',
      N8N_DIAGNOSTICS_ENABLED: 'false',
      N8N_DISABLED_MODULES: 'mcp-registry',
      N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
      N8N_TEMPLATES_ENABLED: 'false',
      N8N_PERSONALIZATION_ENABLED: 'false',
      N8N_LISTEN_ADDRESS: '127.0.0.1',
      N8N_HOST: '127.0.0.1',
      N8N_SECURE_COOKIE: 'false',
      N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
      N8N_LOG_LEVEL: 'info',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
  }

  private note(title: string, text: string) {
    this.log += `\n----- ${title}\n${text}`;
    if (this.log.length > 400_000) this.log = this.log.slice(-300_000);
  }

  /** The end of everything n8n printed (for failure messages). */
  tail(lines = 80): string {
    return tail(this.log, lines);
  }

  /** `npm i --legacy-peer-deps <tgz>` into <user folder>/.n8n/nodes, under Node 24, preferring the npm cache. */
  async installPackage(tgz: string): Promise<void> {
    const dir = join(this.userFolder, '.n8n', 'nodes');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
    const r = await run('npm', ['i', '--legacy-peer-deps', '--prefer-offline', '--no-audit', '--no-fund', tgz], { env: this.env, cwd: dir, timeoutMs: 180_000 });
    this.note(`npm i ${tgz}`, r.output);
    if (r.code !== 0) throw new N8nError(`installing ${tgz} failed (exit ${r.code}${r.timedOut ? ', timed out' : ''}):\n${tail(r.output)}`);
    const installed = join(dir, 'node_modules', PACKAGE_NAME, 'package.json');
    if (!existsSync(installed)) throw new N8nError(`npm i did not install ${PACKAGE_NAME} into ${dir}:\n${tail(r.output)}`);
  }

  /** The installed package's package.json (its `n8n.nodes` / `n8n.credentials` lists). */
  installedPackageJson(): { version: string; n8n?: { nodes?: string[]; credentials?: string[] } } {
    return JSON.parse(readFileSync(join(this.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8')) as never;
  }

  /** Runs an n8n CLI command; throws with the output tail when it exits non-zero (unless allowFailure). */
  async cli(args: string[], options: { timeoutMs?: number; allowFailure?: boolean } = {}): Promise<RunResult> {
    // Its own task-broker port: the default (5679) would collide with any other n8n on the machine.
    const env = { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
    const r = await run(n8nTools().N8N_BIN, args, { env, cwd: this.userFolder, timeoutMs: options.timeoutMs ?? 120_000 });
    this.note(`n8n ${args.join(' ')} -> exit ${r.code}${r.timedOut ? ' (timed out)' : ''} in ${r.ms} ms`, r.output);
    if ((r.code !== 0 || r.timedOut) && !options.allowFailure) {
      throw new N8nError(`n8n ${args.join(' ')} failed (exit ${r.code}${r.timedOut ? ', timed out' : ''}):\n${tail(r.output)}`);
    }
    return r;
  }

  private writeJson(name: string, value: unknown): string {
    const file = join(this.userFolder, name);
    writeFileSync(file, JSON.stringify(value, null, 2));
    return file;
  }

  /** `n8n import:credentials` of credentials with plaintext data (n8n encrypts them). */
  async importCredentials(credentials: { id: string; name: string; type: string; data: Record<string, unknown> }[]): Promise<void> {
    await this.cli(['import:credentials', `--input=${this.writeJson(`credentials-${Date.now()}.json`, credentials)}`]);
  }

  /** `n8n import:workflow` of one workflow (object or file). */
  async importWorkflow(wf: Workflow | string): Promise<RunResult> {
    const file = typeof wf === 'string' ? wf : this.writeJson(`workflow-${wf.id}.json`, wf);
    return this.cli(['import:workflow', `--input=${file}`]);
  }

  async publishWorkflow(id: string): Promise<void> {
    await this.cli(['publish:workflow', `--id=${id}`]);
  }

  /**
   * `n8n execute --id`; returns the run's JSON. Exit code 1 (a node failed) is returned as a
   * result with status "error" when allowFailure is set; otherwise it throws with the output tail.
   */
  async execute(id: string, options: { timeoutMs?: number; allowFailure?: boolean } = {}): Promise<{ result: RunResult; execution?: ExecutionJson }> {
    const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], { timeoutMs: options.timeoutMs ?? 120_000, allowFailure: true });
    const start = result.stdout.search(/^\{/m);
    let execution: ExecutionJson | undefined;
    if (start >= 0) {
      try {
        execution = JSON.parse(result.stdout.slice(start)) as ExecutionJson;
      } catch {
        execution = undefined;
      }
    }
    if ((result.code !== 0 || !execution) && !options.allowFailure) {
      const error = execution?.data.resultData.error;
      throw new N8nError(
        `n8n execute --id=${id} failed (exit ${result.code}${result.timedOut ? ', timed out' : ''})` +
          (error ? `: ${error.message ?? ''} ${error.description ?? ''}` : '') +
          `\n${tail(result.output)}`,
      );
    }
    return { result, execution };
  }

  /** `n8n start` on free ports; resolves when /healthz/readiness answers 200. */
  async start(timeoutMs = 120_000): Promise<void> {
    this.port = await freePort();
    this.brokerPort = await freePort();
    const env = { ...this.env, N8N_PORT: String(this.port), N8N_RUNNERS_BROKER_PORT: String(this.brokerPort) };
    const logFile = join(this.userFolder, 'n8n-start.log');
    const out = createWriteStream(logFile);
    const child = spawn(n8nTools().N8N_BIN, ['start'], { env, cwd: this.userFolder, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.server = child;
    this.note('n8n start', '');
    const onData = (d: Buffer) => {
      out.write(d);
      this.log += d.toString();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    this.serverExit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.serverExit.then(() => (exited = true));
    while (Date.now() < deadline) {
      if (exited) throw new N8nError(`n8n start exited before it was ready:\n${this.tail()}`);
      try {
        const res = await fetch(`${this.url}/healthz/readiness`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new N8nError(`n8n start was not ready within ${timeoutMs} ms:\n${this.tail()}`);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** SIGTERM to n8n's process group, SIGKILL after 15 s. */
  async stop(): Promise<void> {
    const child = this.server;
    if (!child || child.exitCode !== null) return;
    killGroup(child, 'SIGTERM');
    const killed = await Promise.race([this.serverExit, new Promise((r) => setTimeout(() => r('timeout'), 15_000))]);
    if (killed === 'timeout') {
      killGroup(child, 'SIGKILL');
      await this.serverExit;
    }
    this.server = undefined;
  }

  /** Stops the server and removes the user folder. */
  async dispose(): Promise<void> {
    await this.stop();
    if (!process.env.CALLBRIDGE_KEEP_N8N) rmSync(this.userFolder, { recursive: true, force: true });
  }

  /** Creates the owner account (its response sets the n8n-auth cookie used by /rest/*). */
  async setupOwner(): Promise<void> {
    const res = await fetch(`${this.url}/rest/owner/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@example.com', firstName: 'Test', lastName: 'Owner', password: 'Passw0rd-callbridge' }),
    });
    const text = await res.text();
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
    if (res.status !== 200 || !cookie) throw new N8nError(`POST /rest/owner/setup -> ${res.status} ${text}\n${this.tail()}`);
    this.cookie = cookie.split(';')[0];
  }

  /** The owner's login cookie (`n8n-auth=...`), set by setupOwner(); a browser context takes it to open the editor logged in. */
  get authCookie(): { name: string; value: string } {
    const at = this.cookie.indexOf('=');
    if (at < 0) throw new N8nError('no owner login yet: call setupOwner() first');
    return { name: this.cookie.slice(0, at), value: this.cookie.slice(at + 1) };
  }

  /** A call to n8n's internal REST API (/rest/*) as the owner. */
  async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed as T };
  }

  /** A call to the public API (/api/v1/*) with an API key made for the owner on first use. */
  async api<T = unknown>(method: string, path: string): Promise<{ status: number; body: T }> {
    if (!this.apiKey) {
      const made = await this.rest<{ data?: { rawApiKey?: string } }>('POST', '/rest/api-keys', {
        label: 'e2e',
        scopes: ['workflow:list', 'workflow:read', 'execution:list', 'execution:read'],
        expiresAt: null,
      });
      const key = made.body.data?.rawApiKey;
      if (!key) throw new N8nError(`POST /rest/api-keys -> ${made.status} ${JSON.stringify(made.body)}`);
      this.apiKey = key;
    }
    const res = await fetch(`${this.url}${path}`, { method, headers: { 'x-n8n-api-key': this.apiKey, accept: 'application/json' } });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed as T };
  }
}

/** Polls `probe` until it returns a value (not undefined) or the time is up. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
