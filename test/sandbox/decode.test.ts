import { describe, expect, it } from 'vitest';
import { listOperations } from '../../core/registry.js';
import { validateInput } from '../../core/validate.js';
import { encodeAlibabaParams } from '../../core/vendors/alibaba/index.js';
import { decodeRpcInput, wireName } from '../../sandbox/alibaba-decode.js';

const alibaba = [...listOperations('dyvms'), ...listOperations('outboundbot')];
const withExamples = alibaba.filter((op) => op.examples?.length);

describe('sandbox decoding of Alibaba RPC wire parameters', () => {
  it('covers the catalog', () => {
    expect(withExamples.length).toBeGreaterThan(20);
  });

  it.each(withExamples.map((op) => [op.id, op] as const))('%s: every example survives encode -> decode -> validate -> encode', (_, op) => {
    for (const example of op.examples ?? []) {
      const input = validateInput(op, example.input);
      const wire = encodeAlibabaParams(op, input);
      const decoded = op.input.safeParse(decodeRpcInput(op, wire));
      expect(decoded.success, JSON.stringify(decoded.error?.issues ?? [])).toBe(true);
      expect(encodeAlibabaParams(op, decoded.data as Record<string, unknown>)).toEqual(wire);
    }
  });

  it('ignores parameters the operation does not have, and names nested wire parameters', () => {
    const ivr = alibaba.find((op) => op.id === 'dyvms.IvrCall');
    expect(ivr).toBeDefined();
    if (!ivr) return;
    const decoded = decodeRpcInput(ivr, { CalledNumber: '1', Unknown: 'x', 'MenuKeyMap.2.Key': '2', 'MenuKeyMap.1.Key': '1', 'MenuKeyMap.1.Code': 'TTS_1' });
    expect(decoded).toEqual({ CalledNumber: '1', MenuKeyMap: [{ Key: '1', Code: 'TTS_1' }, { Key: '2' }] });
    expect(wireName(ivr, ['MenuKeyMap', 1, 'Code'])).toBe('MenuKeyMap.2.Code');
    expect(wireName(ivr, ['CalledNumber'])).toBe('CalledNumber');
  });
});
