import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { operations } from '../core/catalog/index.js';
import { PRODUCTS, type AnyOperation } from '../core/operation.js';

const PRODUCT_TITLES: Record<string, string> = {
  dyvms: 'Alibaba Cloud Voice Service (dyvms, 2017-05-25)',
  outboundbot: 'Alibaba Cloud Outbound Bot (outboundbot, 2019-12-26)',
  volcengine: 'Volcengine Voice (vms, 2022-01-01)',
  pbx: 'Yeastar S-Series / OpenVox UC PBX API',
};

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  default?: unknown;
};

/** PBX: the pages of test/fixtures/fidelity/pbx.json per API version, or why a version has none. */
function pbxCheckedAgainst(op: AnyOperation): string {
  const table = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'fidelity', 'pbx.json'), 'utf8')) as {
    operations: Record<string, Record<string, { pages?: string[]; unverified?: string }>>;
  };
  const versions = Object.entries(table.operations[op.id] ?? {});
  if (!versions.length) return 'not in the PBX page table';
  return versions
    .map(([version, entry]) => `${version}: ${entry.pages ? entry.pages.map((p) => (p.startsWith('seed:') ? `seed ${p.slice(5)}` : `<${p}>`)).join(', ') : `not verified (${entry.unverified ?? ''})`}`)
    .join('; ');
}

/** What each operation was checked against: the fidelity fixtures (test/fixtures/fidelity/), the one place that says so. */
function checkedAgainst(op: AnyOperation): string {
  if (op.product === 'pbx') return pbxCheckedAgainst(op);
  const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'fidelity', `${op.product}.json`), 'utf8')) as {
    source: { repository: string; path: string; commit: string };
    operations: Record<string, { absent?: string }>;
  };
  const where = `${fixture.source.repository} \`${fixture.source.path}\` @ ${fixture.source.commit.slice(0, 12)}`;
  return fixture.operations[op.action]?.absent ? `not in ${where}; checked against the seed doc only` : where;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function constraints(s: JsonSchema): string {
  const parts: string[] = [];
  if (s.enum) parts.push(`one of ${s.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  const bound = (n: number | undefined) => (n === undefined || Math.abs(n) >= Number.MAX_SAFE_INTEGER ? '' : String(n));
  if (bound(s.minimum) || bound(s.maximum)) parts.push(`${bound(s.minimum)}..${bound(s.maximum)}`);
  if (s.minLength !== undefined || s.maxLength !== undefined) parts.push(`length ${s.minLength ?? 0}-${s.maxLength ?? ''}`);
  if (s.pattern) parts.push(`pattern \`${s.pattern}\``);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join('; ');
}

function typeOf(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map(typeOf).join(' or ');
  if (s.type === 'array') return `${s.items ? typeOf(s.items) : 'any'}[]`;
  return Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any');
}

function section(op: AnyOperation): string {
  const schema = z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties ?? {}).map(
    ([name, p]) => `| \`${name}\` | ${typeOf(p)} | ${required.has(name) ? 'yes' : 'no'} | ${cell(constraints(p))} | ${cell(p.description ?? '')} |`,
  );
  return [
    `### \`${op.id}\` — ${op.title}`,
    '',
    `Access: **${op.access}**${op.destructive ? ' (destructive)' : ''} · QPS: ${op.qps ?? 'not documented'}${op.pagination ? ` · paginated (${op.pagination.pageParam}/${op.pagination.sizeParam}, max ${op.pagination.maxPageSize})` : ''}${op.docUrl ? ` · [vendor doc](${op.docUrl})` : ''}`,
    '',
    ...(op.legacy ? [`**Legacy:** replaced by \`${op.legacy.replacedBy}\`, which the curated tools use. ${op.legacy.reason}`, ''] : []),
    `Checked against: ${checkedAgainst(op)}`,
    '',
    op.description,
    '',
    ...(rows.length
      ? ['| Parameter | Type | Required | Constraints | Description |', '|---|---|---|---|---|', ...rows]
      : ['No parameters.']),
    '',
  ].join('\n');
}

/** The table of operation counts per product (also shown in the README). */
export function renderCountsTable(): string {
  const count = (p: string, access?: string) => operations.filter((o) => o.product === p && (!access || o.access === access)).length;
  return [
    '| Product | Operations | Billed (`call`) | Read | Write |',
    '|---|---|---|---|---|',
    ...PRODUCTS.map((p) => `| ${PRODUCT_TITLES[p]} | ${count(p)} | ${count(p, 'call')} | ${count(p, 'read')} | ${count(p, 'write')} |`),
    `| **all** | ${operations.length} | ${operations.filter((o) => o.access === 'call').length} | ${operations.filter((o) => o.access === 'read').length} | ${operations.filter((o) => o.access === 'write').length} |`,
  ].join('\n');
}

export async function renderOperationsDoc(): Promise<string> {
  return [
    '# Operations reference',
    '',
    'Generated by `npm run gen` from the operation definitions in `core/catalog/`; do not edit.',
    '',
    renderCountsTable(),
    '',
    ...PRODUCTS.flatMap((p) => [`## ${PRODUCT_TITLES[p]}`, '', ...operations.filter((o) => o.product === p).map(section)]),
  ].join('\n');
}
