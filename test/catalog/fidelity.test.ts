// Vendor fidelity: every Alibaba and Volcengine operation is compared with the metadata of the vendor's own
// SDK (test/fixtures/fidelity/, extracted by scripts/fidelity/extract-*.ts): parameter names, required
// flags, types, string lengths and list caps, HTTP method and body style, response field names.
// Every difference is fixed or listed, with its reason, in fidelity/known-differences.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operations } from '../../core/catalog/index.js';
import type { FidelityFixture } from '../../scripts/fidelity/fixture.js';
import { differences } from './fidelity/compare.js';
import { KNOWN_DIFFERENCES } from './fidelity/known-differences.js';

const fixture = (product: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'fidelity', `${product}.json`), 'utf8')) as FidelityFixture;

/** Operations the current SDK does not have, and why the catalog keeps them. */
const NOT_IN_SDK: Record<string, string> = {
  'dyvms.AddRtcAccount': 'seed doc (RTC voice, retired from the SDK); checked against the seed doc only',
  'dyvms.GetCallInfo': 'seed doc; retired from the SDK; checked against the seed doc only',
  'dyvms.GetMqttToken': 'seed doc; retired from the SDK; checked against the seed doc only',
  'dyvms.GetRtcToken': 'seed doc; retired from the SDK; checked against the seed doc only',
  'dyvms.ListHotlineTransferNumber': 'seed doc; retired from the SDK; checked against the seed doc only',
  'dyvms.QueryVirtualNumber': 'seed doc; retired from the SDK; checked against the seed doc only',
  'dyvms.RefreshMqttToken': 'seed doc; retired from the SDK; checked against the seed doc only',
  'outboundbot.CreateOutboundCallNumber': 'seed doc; retired from the SDK; checked against the seed doc only',
  'volcengine.QueryCallRecordMsg': 'legacy: replaced by QueryCallRecordMsgV2',
  'volcengine.QueryUsableResource': 'legacy: replaced by QueryUsableResourceV2',
  'volcengine.SingleCancel': 'legacy: replaced by SingleCancelV2',
};

describe.each(['dyvms', 'outboundbot', 'volcengine'])('%s against its SDK', (product) => {
  const { source, operations: facts } = fixture(product);

  it('records where its facts come from', () => {
    expect(source.repository).toMatch(/^(aliyun|volcengine)\//);
    expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(source.path).not.toBe('');
  });

  const ops = operations.filter((op) => op.product === product);
  it('has a fixture entry for every catalog operation', () => {
    expect(ops.map((op) => op.action).filter((a) => !(a in facts))).toEqual([]);
  });

  it.each(ops.map((op) => [op.id, op] as const))('%s matches its SDK or lists why not', (id, op) => {
    const fact = facts[op.action];
    if ('absent' in fact) {
      expect(NOT_IN_SDK[id], `${id} is not in the SDK: list it in NOT_IN_SDK with the reason`).toBeDefined();
      if (op.product === 'volcengine') expect(op.legacy?.replacedBy, `${id} should be marked legacy`).toBeDefined();
      return;
    }
    expect(NOT_IN_SDK[id], `${id} is in the SDK now: drop it from NOT_IN_SDK`).toBeUndefined();
    expect(differences(op, fact)).toEqual(Object.keys(KNOWN_DIFFERENCES[id] ?? {}).sort());
  });
});

it('lists known differences only for catalog operations', () => {
  const ids = new Set<string>(operations.map((op) => op.id));
  expect(Object.keys(KNOWN_DIFFERENCES).filter((id) => !ids.has(id))).toEqual([]);
});

it('marks every legacy operation with a replacement that exists', () => {
  const ids = new Set<string>(operations.map((op) => op.id));
  const legacy = operations.filter((op) => op.legacy);
  expect(legacy.map((op) => op.id).sort()).toEqual(['volcengine.QueryCallRecordMsg', 'volcengine.QueryUsableResource', 'volcengine.SingleCancel']);
  for (const op of legacy) expect(ids.has(op.legacy?.replacedBy ?? '')).toBe(true);
});
