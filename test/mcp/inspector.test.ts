// The official MCP Inspector CLI against `callbridge mcp`: tools/list (--strict schema portability
// check), tools/call placing a sandbox call, exit code 5 on a refusal, and the HTTP transport.
// The Inspector is installed (cached) by scripts/n8n-tools.sh, which exports MCP_INSPECTOR_BIN:
//   eval "$(bash scripts/n8n-tools.sh)"
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientFromEnv } from '../../mcp/client-factory.js';
import { resolveConfig } from '../../mcp/guardrails/config.js';
import { createServerDeps } from '../../mcp/server/command.js';
import { startHttpServer, type RunningHttpServer } from '../../mcp/server/http.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { packedCallbridgeBin } from '../helpers/packed-callbridge.js';
import { SECRETS } from './helpers/harness.js';
import { freshStateHome } from '../helpers/state-home.js';

const INSPECTOR = process.env.MCP_INSPECTOR_BIN;
const SERVER = [packedCallbridgeBin(), 'mcp'];

function requireInspector(): string {
  if (!INSPECTOR) {
    throw new Error('MCP_INSPECTOR_BIN is not set. Install the MCP Inspector (cached) and export its path with: eval "$(bash scripts/n8n-tools.sh)"');
  }
  if (!existsSync(INSPECTOR)) throw new Error(`MCP_INSPECTOR_BIN points at ${INSPECTOR}, which does not exist; rerun: eval "$(bash scripts/n8n-tools.sh)"`);
  return INSPECTOR;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const catalogDir = mkdtempSync(join(tmpdir(), 'cb-inspector-'));

function inspector(args: string[]): Promise<Run> {
  const bin = requireInspector();
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['--cli', ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XDG_STATE_HOME: freshStateHome(), MCP_CATALOG_PATH: join(catalogDir, 'catalog.json'), MCP_INSPECTOR_SECRET_STORE: 'memory' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The Inspector gives the server only the -e variables: its policy store goes to this run's directory,
// not the user's (counts from earlier runs would trip the caps).
const envArgs = (env: Record<string, string>) => Object.entries({ XDG_STATE_HOME: catalogDir, ...env }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);

let sandbox: RunningSandbox;
let http: RunningHttpServer;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 51, speed: 600 });
  const config = resolveConfig({ http: true, port: '0', token: 'inspector-token-123' }, {});
  http = await startHttpServer(createServerDeps(config, createClientFromEnv({ env: sandbox.env })), config);
});
afterAll(async () => {
  await http.close();
  await sandbox.close();
});

describe('MCP Inspector CLI', () => {
  it('is installed (MCP_INSPECTOR_BIN)', () => {
    expect(requireInspector()).toBeTruthy();
  });

  it('tools/list --strict: 14 tools, no schema portability problem', async () => {
    const r = await inspector(['--method', 'tools/list', '--strict', ...envArgs(sandbox.env), ...SERVER]);
    expect(r.code, r.stderr).toBe(0);
    const tools = (JSON.parse(r.stdout) as { tools: Array<{ name: string; outputSchema?: unknown }> }).tools;
    expect(tools).toHaveLength(14);
    expect(tools.every((t) => t.outputSchema)).toBe(true);
    expect(r.stderr).not.toMatch(/Warning: tool|Error: tool/);
  });

  it('tools/call places a sandbox call (allowed through environment settings)', async () => {
    const r = await inspector([
      '--method',
      'tools/call',
      '--tool-name',
      'place_call',
      '--tool-arg',
      'provider=dyvms',
      '--tool-arg',
      'to="13800004001"',
      '--tool-arg',
      'tts_template=TTS_100001',
      ...envArgs({ ...sandbox.env, CALLBRIDGE_MCP_ALLOW_CALLS: 'true', CALLBRIDGE_MCP_CONFIRM: 'false', CALLBRIDGE_MCP_CALLING_HOURS: 'off' }),
      ...SERVER,
    ]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { structuredContent: { call_id: string } };
    const calls = (await (await fetch(`${sandbox.url}/_sandbox/calls?number=13800004001`)).json()) as Array<{ id: string }>;
    expect(calls.map((c) => c.id)).toEqual([out.structuredContent.call_id]);
    for (const secret of SECRETS) expect(r.stdout).not.toContain(secret);
  });

  it('a refused call is an isError result: exit code 5, nothing placed', async () => {
    const r = await inspector(['--method', 'tools/call', '--tool-name', 'place_call', '--tool-arg', 'provider=dyvms', '--tool-arg', 'to="13800004002"', '--tool-arg', 'tts_template=TTS_1', ...envArgs(sandbox.env), ...SERVER]);
    expect(r.code).toBe(5);
    expect(r.stdout).toContain('Refused by the allow-calls guardrail');
    const calls = (await (await fetch(`${sandbox.url}/_sandbox/calls?number=13800004002`)).json()) as unknown[];
    expect(calls).toHaveLength(0);
  });

  it('over Streamable HTTP with a bearer token', async () => {
    const target = ['--transport', 'http', '--server-url', http.url];
    const r = await inspector(['--method', 'tools/call', '--tool-name', 'search_operations', '--tool-arg', 'query=recording', '--header', 'Authorization: Bearer inspector-token-123', ...target]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('outboundbot.DownloadRecording');
    const denied = await inspector(['--method', 'tools/list', '--connect-timeout', '5000', ...target]);
    expect(denied.code).not.toBe(0);
  });
});
