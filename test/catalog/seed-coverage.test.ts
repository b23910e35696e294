import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../core/registry.js';
import { ROOT } from '../helpers/cli.js';

interface SeedOperation {
  seed: string;
  action: string;
  places_real_calls: boolean;
  duplicate_of: string | null;
}

const seedCatalog = JSON.parse(readFileSync(join(ROOT, '..', 'shared', 'reference', 'seed-catalog.json'), 'utf8')) as {
  operations: SeedOperation[];
};

const PRODUCT_BY_SEED: Record<string, string> = { '000': 'pbx', '001': 'dyvms', '002': 'dyvms', '003': 'outboundbot', '004': 'volcengine' };

function catalogId(op: SeedOperation): string {
  const product = PRODUCT_BY_SEED[op.seed.slice(0, 3)];
  return `${product}.${product === 'pbx' ? op.action.replace(/\//g, '.') : op.action}`;
}

const seedIds = [...new Set(seedCatalog.operations.map(catalogId))];

describe('coverage of the vendor docs', () => {
  it('defines all 114 operations of the seeds under their vendor action names', () => {
    expect(seedIds).toHaveLength(114);
    expect(seedIds.filter((id) => !catalog.has(id))).toEqual([]);
  });

  it('marks exactly the 14 seed operations that place billed calls, and the one that sends SMS, as `call`', () => {
    const billed = new Set(seedCatalog.operations.filter((op) => op.places_real_calls).map(catalogId));
    expect(billed.size).toBe(14);
    // Not a call, but a billed contact of a person all the same (seed 002 §12.8).
    billed.add('dyvms.SendVerification');
    for (const id of seedIds) expect([id, catalog.get(id)?.access === 'call']).toEqual([id, billed.has(id)]);
  });

  it('records a public doc URL on every operation beyond the seeds', () => {
    const seeds = new Set(seedIds);
    const beyond = [...catalog.values()].filter((op) => !seeds.has(op.id));
    expect(beyond.length).toBeGreaterThan(0);
    expect(beyond.filter((op) => !op.docUrl?.startsWith('https://')).map((op) => op.id)).toEqual([]);
  });
});
