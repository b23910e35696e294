// Coded values (0/1 codes, product IDs, call-result codes) are options named by what they mean, as the
// operation definitions say (core/fields.ts coded()), and the chosen code is what the node sends.
import type { INodeProperties } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { AlibabaCloudOutboundBot } from '../../nodes/AlibabaCloudOutboundBot/AlibabaCloudOutboundBot.node.js';
import { AlibabaCloudVoice } from '../../nodes/AlibabaCloudVoice/AlibabaCloudVoice.node.js';
import { VolcengineVoice } from '../../nodes/VolcengineVoice/VolcengineVoice.node.js';
import { catalog } from '../../core/registry.js';
import { fieldValue } from '../../nodes/shared/field-values.js';
import { analyze, inputSchema } from '../../nodes/shared/fields.js';

function find(props: INodeProperties[], operation: string, name: string): INodeProperties {
  for (const p of props) {
    const ops = (p.displayOptions?.show?.operation ?? []) as unknown[];
    if (!ops.includes(operation)) continue;
    if (p.name === name) return p;
    const inner = (p.options ?? []).find((o): o is INodeProperties => 'name' in o && o.name === name && 'type' in o);
    if (inner) return inner;
  }
  throw new Error(`no field ${name} on ${operation}`);
}

const optionsOf = (p: INodeProperties) => (p.options ?? []).map((o) => ('value' in o ? [o.name, o.value] : [o.name]));

describe('coded values are labelled options', () => {
  const voice = new AlibabaCloudVoice().description.properties;
  const volc = new VolcengineVoice().description.properties;

  it('0/1 codes: named choices whose values are the codes', () => {
    const route = find(voice, 'AddVirtualNumberRelation', 'RouteType');
    expect(route.type).toBe('options');
    expect(optionsOf(route)).toEqual([
      ['Home location first', 0],
      ['Random', 1],
    ]);
    const kind = find(volc, 'NumberList', 'NumberTypeCode');
    expect(optionsOf(kind)).toEqual([
      ['Mobile', 0],
      ['Fixed line', 1],
    ]);
  });

  it('product IDs and call-result codes: named choices, several where the field is a list', () => {
    expect(optionsOf(find(voice, 'QueryCallDetailByCallId', 'ProdId'))).toContainEqual(['Voice notification', '11000000300006']);
    const recall = find(voice, 'CreateRobotTask', 'RecallStateCodes');
    expect(recall.type).toBe('multiOptions');
    expect(optionsOf(recall)).toContainEqual(['Powered off', '200010']);
  });

  it('the chosen code is what the operation receives', () => {
    const op = catalog.get('dyvms.AddVirtualNumberRelation');
    if (!op) throw new Error('dyvms.AddVirtualNumberRelation is not in the catalog');
    const schema = inputSchema(op);
    const spec = analyze('RouteType', schema.properties?.RouteType ?? {}, true);
    expect(spec.kind).toBe('options');
    expect(fieldValue(spec, 1)).toBe(1);
    expect(op.input.safeParse({ ...validRelation(), RouteType: fieldValue(spec, 1) }).success).toBe(true);
  });
});

describe('times the vendor takes as Unix milliseconds are date-time fields', () => {
  it('a date picker with no default (no example date), the description without the wire unit', () => {
    const start = find(new AlibabaCloudOutboundBot().description.properties, 'ListJobGroups', 'StartTime');
    expect(start).toMatchObject({ type: 'dateTime', default: '' });
    expect(start.description).toBe('Filter: only groups created at or after this time.');
    const queryDate = find(new AlibabaCloudVoice().description.properties, 'QueryCallDetailByCallId', 'QueryDate');
    expect(queryDate).toMatchObject({ type: 'dateTime', default: '', required: true });
  });

  it('the picked date-time is sent as Unix milliseconds; an expression may give milliseconds; text that is no date is refused naming the field', () => {
    const op = catalog.get('outboundbot.ListJobGroups');
    if (!op) throw new Error('outboundbot.ListJobGroups is not in the catalog');
    const spec = analyze('StartTime', inputSchema(op).properties?.StartTime ?? {}, false);
    expect(spec.kind).toBe('dateTime');
    expect(fieldValue(spec, '2026-01-05T09:30:00.000Z')).toBe(Date.UTC(2026, 0, 5, 9, 30));
    expect(fieldValue(spec, 1767605400000)).toBe(1767605400000);
    expect(() => fieldValue(spec, 'next tuesday')).toThrow('StartTime: not a date and time');
  });
});

function validRelation(): Record<string, unknown> {
  const example = catalog.get('dyvms.AddVirtualNumberRelation')?.examples?.[0]?.input;
  if (!example || typeof example !== 'object') throw new Error('dyvms.AddVirtualNumberRelation has no example');
  return { ...(example as Record<string, unknown>) };
}
