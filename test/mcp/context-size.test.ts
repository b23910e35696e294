// Small context: the default toolset's tools/list must stay under 8,000 tokens.
// Method: the JSON text of the tools/list result as a client receives it, counted with a real BPE
// tokenizer (gpt-tokenizer, o200k_base, the GPT-4o family encoding; cl100k_base shown too) and,
// for comparison, as UTF-8 bytes / 4. Every catalog operation must stay reachable anyway.
import type { CallToolResult } from '@modelcontextprotocol/client';
import { encode as encodeCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { encode as encodeO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../core/catalog/index.js';
import { startHarness, type Harness } from './helpers/harness.js';

const LIMIT = 8000;

function measure(value: unknown) {
  const json = JSON.stringify(value);
  return { bytes: new TextEncoder().encode(json).length, bytesOver4: Math.ceil(new TextEncoder().encode(json).length / 4), o200k: encodeO200k(json).length, cl100k: encodeCl100k(json).length };
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('context size', () => {
  it(`default tools/list is under ${LIMIT} tokens`, async () => {
    const list = await h.mcp.listTools();
    const total = measure(list);
    const rows = list.tools.map((t) => ({ tool: t.name, ...measure(t) }));
    console.log(
      [
        `tools/list, default toolsets (${list.tools.length} tools): ${total.o200k} tokens o200k_base, ${total.cl100k} cl100k_base, ${total.bytes} bytes (bytes/4 = ${total.bytesOver4})`,
        ...rows.map((r) => `  ${r.tool.padEnd(22)} ${String(r.o200k).padStart(5)} tokens  ${String(r.bytes).padStart(6)} bytes`),
      ].join('\n'),
    );
    expect(list.tools).toHaveLength(14);
    expect(total.o200k).toBeLessThan(LIMIT);
    expect(total.cl100k).toBeLessThan(LIMIT);
    expect(total.bytesOver4).toBeLessThan(LIMIT);
  });

  it(`every one of the ${operations.length} catalog operations is reachable through the catalog tools`, async () => {
    const found = new Set<string>();
    for (const product of ['dyvms', 'outboundbot', 'volcengine', 'pbx']) {
      const r = (await h.call('search_operations', { query: '', product, limit: 50 })) as CallToolResult;
      const out = r.structuredContent as { total: number; operations: Array<{ id: string }> };
      for (const o of out.operations) found.add(o.id);
      // pages beyond 50: search by each operation's own id
      if (out.total > 50) for (const op of operations.filter((o) => o.product === product)) found.add(((await h.call('search_operations', { query: op.id, limit: 1 })).structuredContent as { operations: Array<{ id: string }> }).operations[0]?.id ?? '');
    }
    expect([...found].filter(Boolean).sort()).toEqual(operations.map((o) => o.id).sort());
    for (const op of operations) {
      const d = (await h.call('describe_operation', { id: op.id })) as CallToolResult;
      expect(d.isError, op.id).toBeFalsy();
      expect(d.structuredContent).toMatchObject({ id: op.id, access: op.access });
    }
  });
});
