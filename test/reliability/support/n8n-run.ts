// A real n8n for the secrets scan: n8n 2.41.1 with the packed package under `n8n start`, debug logs on its
// console and in a log file. Credentials and workflows are made through n8n's REST API as the editor makes
// them; each scenario is one published workflow (Webhook -> one callbridge node) started by a POST. What n8n
// kept is read back afterwards: every execution through the public API and as stored in its SQLite
// database, its console output and its log file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { randomUUID } from 'node:crypto';
import { N8n, packedTarball, workflow, type ExecutionJson, type WorkflowNode } from '../../e2e-n8n/harness.js';
import { waitFor } from '../../helpers/wait-for.js';

export interface ApiExecution {
  id: string;
  workflowId: string;
  status: string;
  finished: boolean;
  data?: ExecutionJson['data'];
  /** The workflow as it was when it ran (its nodes' parameters as configured). */
  workflowData?: unknown;
}

/** One execution as n8n stored it: its execution_entity row and the run data of its execution_data row. */
export interface StoredExecution {
  id: string;
  workflowId: string;
  status: string;
  /** execution_data.data: the run data (node outputs, errors) in n8n's own serialisation. */
  data: string;
  /** execution_data.workflowData: the workflow as it was when it ran. */
  workflowData: string;
}

export interface SavedCredential {
  id: string;
  name: string;
  type: string;
  /** Every field, as saved. */
  data: Record<string, unknown>;
}

export interface Published {
  id: string;
  /** The production webhook URL that starts it. */
  url: string;
}

export class SecretsN8n {
  readonly logFile: string;

  private constructor(readonly n8n: N8n) {
    this.logFile = join(n8n.userFolder, 'n8n-debug.log');
  }

  /** Installs the packed package and starts n8n with debug logs to its console and to a file. */
  static async start(): Promise<SecretsN8n> {
    const n8n = new N8n('secrets');
    const run = new SecretsN8n(n8n);
    Object.assign(n8n.env, { N8N_LOG_LEVEL: 'debug', N8N_LOG_OUTPUT: 'console,file', N8N_LOG_FILE_LOCATION: run.logFile });
    await n8n.installPackage(packedTarball());
    await n8n.start();
    await n8n.setupOwner();
    return run;
  }

  /** Saves a credential as the editor does: every field of its type at the default, then the given data. */
  async saveCredential(name: string, type: string, data: Record<string, unknown>): Promise<SavedCredential> {
    const types = await this.n8n.rest<{ name: string; properties: { name: string; default: unknown }[] }[]>('GET', '/types/credentials.json');
    const found = Array.isArray(types.body) ? types.body.find((t) => t.name === type) : undefined;
    if (!found) throw new Error(`n8n does not know the credential type ${type} (GET /types/credentials.json -> ${types.status})`);
    const full = { ...Object.fromEntries(found.properties.map((p) => [p.name, p.default])), ...data };
    const created = await this.n8n.rest<{ data?: { id?: string } }>('POST', '/rest/credentials', { name, type, data: full });
    const id = created.body.data?.id;
    if (!id) throw new Error(`POST /rest/credentials -> ${created.status} ${JSON.stringify(created.body)}`);
    return { id, name, type, data: full };
  }

  /** n8n's credential test (/rest/credentials/test) of a saved credential; its answer as n8n gives it. */
  async testCredential(credential: SavedCredential): Promise<{ status: number; body: { data?: { status?: string; message?: string } } }> {
    return this.n8n.rest('POST', '/rest/credentials/test', { credentials: credential });
  }

  /** Creates and publishes a workflow whose first node is its trigger. */
  async publish(name: string, nodes: WorkflowNode[]): Promise<string> {
    // Node IDs only need to be unique within the workflow; n8n gives the workflow its own ID.
    const wf = workflow(randomUUID(), name, nodes);
    const created = await this.n8n.rest<{ data?: { id?: string; versionId?: string } }>('POST', '/rest/workflows', {
      name,
      nodes: wf.nodes,
      connections: wf.connections,
      settings: wf.settings,
    });
    const { id, versionId } = created.body.data ?? {};
    if (!id || !versionId) throw new Error(`POST /rest/workflows -> ${created.status} ${JSON.stringify(created.body).slice(0, 2000)}`);
    const activated = await this.n8n.rest('POST', `/rest/workflows/${id}/activate`, { versionId });
    if (activated.status !== 200) throw new Error(`POST /rest/workflows/${id}/activate -> ${activated.status} ${JSON.stringify(activated.body).slice(0, 2000)}`);
    return id;
  }

  /** A published workflow: Webhook (answers with the last node's output) -> `node`. */
  async publishWebhook(name: string, node: WorkflowNode): Promise<Published> {
    const path = `secrets-${randomUUID()}`;
    const hook: WorkflowNode = {
      name: 'Webhook',
      type: 'n8n-nodes-base.webhook',
      typeVersion: 2,
      webhookId: randomUUID(),
      parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
    };
    const id = await this.publish(name, [hook, node]);
    return { id, url: `${this.n8n.url}/webhook/${path}` };
  }

  /**
   * POSTs to a production webhook once n8n has registered it (publishing returns before it has): a 404
   * starts nothing, so the first other answer is the one run.
   */
  async post(url: string, body: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    return waitFor(`n8n to register the webhook ${url}`, async () => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const answer = { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
      return res.status === 404 && /is not registered/.test(answer.body) ? undefined : answer;
    });
  }

  /** Every execution with its data, through the public API. */
  async executions(): Promise<ApiExecution[]> {
    const res = await this.n8n.api<{ data?: ApiExecution[] }>('GET', '/api/v1/executions?includeData=true&limit=250');
    if (res.status !== 200 || !Array.isArray(res.body.data)) throw new Error(`GET /api/v1/executions -> ${res.status} ${JSON.stringify(res.body).slice(0, 2000)}`);
    return res.body.data;
  }

  /** Waits until n8n has finished `count` executions (none still running). */
  async settled(count: number): Promise<ApiExecution[]> {
    return waitFor(
      `${count} finished n8n executions`,
      async () => {
        const all = await this.executions();
        return all.length >= count && all.every((e) => e.status !== 'running' && e.status !== 'new') ? all : undefined;
      },
      120_000,
    );
  }

  /** Stops n8n, so its database and log file are complete. */
  async stop(): Promise<void> {
    await this.n8n.stop();
  }

  /** Every execution as stored in n8n's database (read after stop()). */
  storedExecutions(): StoredExecution[] {
    const file = join(this.n8n.userFolder, '.n8n', 'database.sqlite');
    if (!existsSync(file)) throw new Error(`n8n wrote no database at ${file}`);
    const db = new DatabaseSync(file, { readOnly: true });
    try {
      const rows = db
        .prepare('SELECT e.id AS id, e.workflowId AS workflowId, e.status AS status, d.data AS data, d.workflowData AS workflowData FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id ORDER BY e.id')
        .all();
      return rows.map((r) => ({ id: String(r.id), workflowId: String(r.workflowId), status: String(r.status), data: String(r.data ?? ''), workflowData: String(r.workflowData ?? '') }));
    } finally {
      db.close();
    }
  }

  /** The credentials as n8n stored them (the data column should be ciphertext). */
  storedCredentials(): { name: string; data: string }[] {
    const db = new DatabaseSync(join(this.n8n.userFolder, '.n8n', 'database.sqlite'), { readOnly: true });
    try {
      return db
        .prepare('SELECT name, data FROM credentials_entity')
        .all()
        .map((r) => ({ name: String(r.name), data: String(r.data) }));
    } finally {
      db.close();
    }
  }

  /** What `n8n start` printed (stdout and stderr, as written to the harness's n8n-start.log). */
  consoleOutput(): string {
    return readFileSync(join(this.n8n.userFolder, 'n8n-start.log'), 'utf8');
  }

  /** n8n's own log file (N8N_LOG_OUTPUT=file). */
  logFileText(): string {
    if (!existsSync(this.logFile)) throw new Error(`n8n wrote no log file at ${this.logFile}`);
    return readFileSync(this.logFile, 'utf8');
  }

  async dispose(): Promise<void> {
    await this.n8n.dispose();
  }
}
