// The same rule through the CLI (a sample: each attempt is a separate `callbridge invoke` process):
// under resets and 5xx before and after processing and throttling, no intended call is placed twice,
// a success placed its call, a plain failure placed nothing, and an unknown outcome says so (exit 1,
// "outcome=unknown") and names the identifier to check. Read timeouts are not exercised here: the
// CLI's per-request timeout (15 s) is not configurable, so the core test covers them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import type { CallbridgeClient } from '../../core/client.js';
import { UndiciTransport } from '../../mcp/undici-transport.js';
import { pool, sandboxClient } from './support/clients.js';
import { recordFigures } from './support/figures.js';
import { startObservedSandbox, type ObservedSandbox } from './support/observed-sandbox.js';

const PER_OP = 6;
const FAULTS = { '5xx': 0.2, throttle: 0.15, 'reset-before-processing': 0.1, 'reset-after-processing': 0.15, '5xx-after-processing': 0.15 };

interface CliIntent {
  opId: string;
  number: string;
  /** The identifier an unknown outcome must name. */
  check: string;
  input: Record<string, unknown>;
}

const INSTANCE = 'c3a1e0f2-5b7d-4e39-9a61-0d2f4b8e7c15';
const SCRIPT = '7e1b2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e';

/** Intended call i of each operation (fault-free preparation goes through the core client: it is not under test). */
const OPS: Array<{ opId: string; make(i: number, number: string, setup: CallbridgeClient): Promise<CliIntent> }> = [
  {
    opId: 'dyvms.SingleCallByTts',
    make: async (i, number) => ({ opId: 'dyvms.SingleCallByTts', number, check: `OutId=cli${i}`, input: { CalledNumber: number, TtsCode: 'TTS_100001', OutId: `cli${i}` } }),
  },
  {
    opId: 'dyvms.SmartCall',
    make: async (i, number) => ({
      opId: 'dyvms.SmartCall',
      number,
      check: `OutId=clis${i}`,
      input: { CalledShowNumber: '057100005678', CalledNumber: number, VoiceCode: ['2d4c-4e78-8d2a-afbb06cf0000.wav'], OutId: `clis${i}` },
    }),
  },
  {
    opId: 'outboundbot.AssignJobs',
    make: async (i, number, setup) => {
      const created = (await setup.invoke('outboundbot.CreateJobGroup', { InstanceId: INSTANCE, JobGroupName: `cli-${i}`, ScriptId: SCRIPT })) as { JobGroup: { JobGroupId: string } };
      const groupId = created.JobGroup.JobGroupId;
      return {
        opId: 'outboundbot.AssignJobs',
        number,
        check: `JobGroupId=${groupId}`,
        input: { InstanceId: INSTANCE, JobGroupId: groupId, JobsJson: [{ contacts: [{ phonenumber: number, referenceId: `cli-${i}` }] }] },
      };
    },
  },
];

let sandbox: ObservedSandbox;
const results: Array<{ intent: CliIntent; result: CliResult }> = [];

beforeAll(async () => {
  sandbox = await startObservedSandbox({ speed: 600, seed: 'cli-no-duplicates' });
  const env = { ...sandbox.env };
  const transport = new UndiciTransport();
  const setup = sandboxClient(sandbox, { transport, maxAttempts: 1 });
  const intents: CliIntent[] = [];
  for (const [n, op] of OPS.entries()) {
    for (let i = 0; i < PER_OP; i++) intents.push(await op.make(i, `15${n}${String(i).padStart(8, '0')}`, setup));
  }
  await transport.close();
  const spec = OPS.map((o) => `${o.opId}:${Object.entries(FAULTS).map(([k, v]) => `${k}=${v}`).join(',')}`).join(';');
  await sandbox.setFaults(spec);
  await pool(intents.length, 6, async (k) => {
    const intent = intents[k];
    results[k] = { intent, result: await runCli(['invoke', intent.opId, '--input', JSON.stringify(intent.input)], env) };
  });
  await sandbox.setFaults('');
  // Task-driven calls (job groups) are placed after the CLI returned: wait until every success has its call.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const numbers = new Set((await sandbox.calls()).map((c) => c.number));
    const missing = results.filter(({ intent, result }) => result.code === 0 && !numbers.has(intent.number));
    if (!missing.length) break;
    if (Date.now() > deadline) throw new Error(`no call placed for ${missing.length} successful CLI attempts after 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 180_000);

afterAll(async () => {
  await sandbox?.close();
});

describe('no duplicate billed calls under faults (CLI sample)', () => {
  it('each CLI attempt: placed at most once; success placed; failure placed nothing; unknown says so and names the identifier', async () => {
    const calls = await sandbox.calls();
    const outcomes = { ok: 0, unknown: 0, failed: 0 };
    let placedTotal = 0;
    let placedTwice = 0;
    for (const { intent, result } of results) {
      const placed = calls.filter((c) => c.number === intent.number);
      placedTotal += placed.length;
      if (placed.length > 1) placedTwice++;
      const where = `${intent.opId} ${intent.number}: exit ${result.code}\n${result.stdout}\n${result.stderr}`;
      expect(placed.length, where).toBeLessThanOrEqual(1);
      if (result.code === 0) {
        outcomes.ok++;
        expect(placed.length, where).toBe(1);
      } else if (/outcome=unknown/.test(result.stderr)) {
        outcomes.unknown++;
        expect(result.code, where).toBe(5);
        expect(result.stderr, where).toMatch(/Outcome unknown/);
        expect(result.stderr, where).toContain(intent.check);
      } else {
        outcomes.failed++;
        expect(placed.length, where).toBe(0);
      }
    }
    expect(placedTotal).toBeLessThanOrEqual(outcomes.ok + outcomes.unknown);
    // The sample did meet the faults.
    expect(outcomes.unknown).toBeGreaterThan(0);
    recordFigures('no-duplicate-calls', 'cli', {
      attempts: results.length,
      operations: OPS.map((o) => o.opId),
      faultProbabilities: FAULTS,
      ...outcomes,
      callsPlaced: placedTotal,
      intentsPlacedTwice: placedTwice,
    });
  });
});
