// Lists split into items everywhere: every read operation whose answer is a list declares where the list
// is (pagination or listItems), and the node's execute path outputs one item per entry (sandbox).
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../core/catalog/index.js';
import { executeProduct } from '../../nodes/shared/execute.js';
import { DEFAULT_INSTANCE_ID, DEFAULT_SCRIPT_ID } from '../../sandbox/outboundbot/state.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import type { JsonSchema } from '../helpers/json-schema.js';
import { manualClock } from '../sandbox/helpers.js';
import { fakeExecute, sandboxCredentials } from './helpers.js';

/** Where an answer holds a list: a top-level field, or a field of the vendor's result envelope (Result, Data). */
function listPaths(schema: JsonSchema, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [key, field] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (field.type === 'array' || field.anyOf?.some((branch) => branch.type === 'array')) paths.push(path);
    else if (!prefix && (key === 'Result' || key === 'Data')) paths.push(...listPaths(field, path));
  }
  return paths;
}

describe('list operations declare their list', () => {
  it('every read operation whose answer holds a top-level list walks pages or names the list (listItems)', () => {
    const undeclared = operations
      .filter((op) => op.access === 'read' && !op.pagination && !op.listItems)
      .map((op) => ({ id: op.id, lists: listPaths(z.toJSONSchema(op.output, { io: 'output', unrepresentable: 'any' }) as JsonSchema) }))
      .filter((found) => found.lists.length > 0);
    expect(undeclared).toEqual([]);
  });

  it('every declared list path is a list in the answer schema', () => {
    for (const op of operations.filter((o) => o.listItems !== undefined)) {
      const lists = listPaths(z.toJSONSchema(op.output, { io: 'output', unrepresentable: 'any' }) as JsonSchema);
      const declared = typeof op.listItems === 'string' ? [op.listItems] : [...(op.listItems ?? [])];
      for (const path of declared) expect(lists, `${op.id}: ${path}`).toContain(path);
    }
  });
});

describe('lists returned whole are one item per entry (node execute path, sandbox)', () => {
  let sandbox: RunningSandbox;
  const clock = manualClock();
  beforeAll(async () => {
    // Time stands still: the PBX calls placed below stay in progress while they are listed.
    sandbox = await startSandbox({ clock, seed: 'list-items' });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  async function run(product: 'outboundbot' | 'pbx', parameters: Record<string, unknown>, apiVersion = 'v1.1.0') {
    const credentials = sandboxCredentials(sandbox);
    credentials.callbridgePbxApi.apiVersion = apiVersion;
    const { ctx } = fakeExecute({ credentials, parameters: [parameters] });
    const [items] = await executeProduct.call(ctx, product);
    return items.map((item) => item.json);
  }

  it('Outbound Bot: the tags of a script, one item per tag with its group', async () => {
    const tags = await run('outboundbot', { resource: 'tag', operation: 'ListTags', InstanceId: DEFAULT_INSTANCE_ID, ScriptId: DEFAULT_SCRIPT_ID });
    expect(tags.length).toBeGreaterThan(1);
    for (const tag of tags) expect(tag).toMatchObject({ TagId: expect.any(String), TagName: expect.any(String), TagGroup: expect.any(String) });
  });

  it('PBX: trunks, extension settings and the outbound calls in progress, one item each, on API 1.x and v2.0.0', async () => {
    for (const version of ['v1.1.0', 'v2.0.0']) {
      const trunks = await run('pbx', { resource: 'trunk', operation: 'trunklist.query' }, version);
      expect(trunks, version).toEqual([{ trunkname: 'sandbox-trunk', type: 'SIP', status: 'Registered' }]);
    }
    const extensions = await run('pbx', { resource: 'extension', operation: 'extension.query', extid: 'all' });
    expect(extensions.length).toBeGreaterThan(1);
    // The sandbox answers as the PBX does: each extension's settings, its number as extid on 1.x.
    expect(extensions.every((e) => typeof e.extid === 'string' && typeof e.username === 'string')).toBe(true);

    const placed: string[] = [];
    for (const [extid, outto] of [['1000', '013800000011'], ['1001', '013800000012']]) {
      const [dialled] = await run('pbx', { resource: 'extension', operation: 'extension.dial_outbound', extid, outto, additionalFields: {} });
      placed.push(String(dialled.callid));
    }
    const outbound = await run('pbx', { resource: 'outboundCall', operation: 'outbound.query' });
    expect(outbound.map((c) => c.to).sort()).toEqual(['013800000011', '013800000012']);
    expect(outbound.every((c) => typeof c.outboundid === 'string')).toBe(true);

    const calls = await run('pbx', { resource: 'outboundCall', operation: 'outbound.query' }, 'v2.0.0');
    expect(calls.map((c) => c.callid).sort()).toEqual([...placed].sort());
    for (const call of calls) expect((call as IDataObject & { members: unknown[] }).members.length).toBeGreaterThan(0);

    const inbound = await run('pbx', { resource: 'inboundCall', operation: 'inbound.query' });
    expect(inbound).toEqual([]);
  });
});
