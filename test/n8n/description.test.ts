// The node descriptions generated from the catalog: every operation present once, fields from the zod
// schemas (required at the top, optional under Additional Fields, enums as options, object lists as
// fixed collections), pagination and wait options where they belong, and n8n's structural rules.
import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { AlibabaCloudOutboundBot } from '../../nodes/AlibabaCloudOutboundBot/AlibabaCloudOutboundBot.node.js';
import { AlibabaCloudVoice } from '../../nodes/AlibabaCloudVoice/AlibabaCloudVoice.node.js';
import { CallReceiptTrigger } from '../../nodes/CallReceiptTrigger/CallReceiptTrigger.node.js';
import { Pbx } from '../../nodes/Pbx/Pbx.node.js';
import { VolcengineVoice } from '../../nodes/VolcengineVoice/VolcengineVoice.node.js';
import { listOperations } from '../../core/registry.js';
import type { Product } from '../../core/operation.js';
import { nodeOperations, operationEntries, operationValue } from '../../nodes/shared/description.js';
import { fieldValue } from '../../nodes/shared/field-values.js';
import { analyze, operationFields, RESERVED_NAMES } from '../../nodes/shared/fields.js';
import { OTHER_RESOURCE } from '../../nodes/shared/resources.js';
import { CAMPAIGN_PRODUCTS, CAMPAIGN_RESOURCE } from '../../nodes/shared/campaign.js';
import { CALL_TRACKERS as TRACKERS } from '../../core/providers/index.js';

const NODES: Array<[Product, { description: { properties: INodeProperties[]; usableAsTool?: unknown; credentials?: Array<{ name: string }> } }]> = [
  ['dyvms', new AlibabaCloudVoice()],
  ['outboundbot', new AlibabaCloudOutboundBot()],
  ['volcengine', new VolcengineVoice()],
  ['pbx', new Pbx()],
];

const shows = (p: INodeProperties, key: string) => (p.displayOptions?.show?.[key] ?? []) as unknown[];

describe.each(NODES)('%s node', (product, node) => {
  const props = node.description.properties;
  // The catalog's operations; the Campaign resource's own operations are tested in campaign.test.ts.
  const opProps = props.filter((p) => p.name === 'operation' && !shows(p, 'resource').includes(CAMPAIGN_RESOURCE.value));

  it('is usable as an AI tool and names its credential', () => {
    expect(node.description.usableAsTool).toBe(true);
    expect(node.description.credentials?.[0].name).toMatch(/^callbridge[A-Za-z]+Api$/);
  });

  it('offers every catalog operation of the product exactly once (except what the credential does itself)', () => {
    const offered = opProps.flatMap((p) => (p.options ?? []).map((o) => (o as { value: string }).value));
    const expected = listOperations(product)
      .filter((op) => !op.sessionManaged)
      .map(operationValue);
    expect([...offered].sort()).toEqual([...expected].sort());
    expect(new Set(offered).size).toBe(offered.length);
  });

  it('groups operations into named resources (none left under "Other")', () => {
    const resource = props.find((p) => p.name === 'resource');
    const values = (resource?.options ?? []).map((o) => (o as { value: string }).value);
    expect(values).not.toContain(OTHER_RESOURCE.value);
    const campaign = CAMPAIGN_PRODUCTS.includes(product) ? [CAMPAIGN_RESOURCE.value] : [];
    expect([...values].sort()).toEqual([...opProps.map((p) => shows(p, 'resource')[0] as string), ...campaign].sort());
    // Options sorted by name, as n8n's lint wants.
    const names = (resource?.options ?? []).map((o) => (o as { name: string }).name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('puts required fields at the top and optional ones under Additional Fields, never the page parameters', () => {
    for (const { op, resource } of operationEntries(product)) {
      const value = operationValue(op);
      const mine = props.filter((p) => shows(p, 'operation').includes(value) && shows(p, 'resource').includes(resource.value));
      const fields = operationFields(op);
      for (const field of fields.filter((f) => f.required)) {
        const prop = mine.find((p) => p.name === field.name);
        expect(prop, `${op.id} ${field.key}`).toBeDefined();
        expect(prop?.required).toBe(true);
      }
      const optional = fields.filter((f) => !f.required);
      const additional = mine.find((p) => p.name === 'additionalFields');
      if (optional.length) {
        const names = (additional?.options as INodeProperties[]).map((o) => o.name);
        expect(names.sort(), op.id).toEqual(optional.map((f) => f.name).sort());
      } else expect(additional, op.id).toBeUndefined();
      if (op.pagination) {
        expect(mine.map((p) => p.name)).toEqual(expect.arrayContaining(['returnAll', 'limit']));
        const all = [...mine.map((p) => p.name), ...((additional?.options as INodeProperties[] | undefined) ?? []).map((o) => o.name)];
        expect(all).not.toContain(op.pagination.pageParam);
        expect(all).not.toContain(op.pagination.sizeParam);
        expect(shows(mine.find((p) => p.name === 'limit') as INodeProperties, 'returnAll')).toEqual([false]);
      } else expect(mine.map((p) => p.name)).not.toContain('returnAll');
      expect(mine.some((p) => p.name === 'waitForResult')).toBe(op.id in TRACKERS);
    }
  });

  it('every property has a name, display name and default; no field collides with the node\'s own parameters', () => {
    const walk = (list: INodeProperties[]) => {
      for (const p of list) {
        expect(p.name).toBeTruthy();
        expect(p.displayName).toBeTruthy();
        expect(p.default).not.toBeUndefined();
        if ((p.type === 'options' || p.type === 'multiOptions') && !p.typeOptions?.loadOptionsMethod) expect(p.options?.length).toBeGreaterThan(0);
        if (p.type === 'collection') walk(p.options as INodeProperties[]);
        if (p.type === 'fixedCollection') for (const c of p.options as INodePropertyCollection[]) walk(c.values);
      }
    };
    walk(props);
    for (const { fields } of operationEntries(product)) for (const f of fields) expect(RESERVED_NAMES.has(f.name)).toBe(false);
  });
});

describe('fields from zod schemas', () => {
  const entry = (id: string) => operationEntries(id.split('.')[0] as Product).find((e) => e.op.id === id);
  const field = (id: string, key: string) => entry(id)?.fields.find((f) => f.key === key);

  it('enums become options, object lists fixed collections, template variables name/value pairs', () => {
    expect(field('dyvms.ExecuteCallTask', 'Status')).toMatchObject({ kind: 'options', required: true });
    expect(field('dyvms.IvrCall', 'MenuKeyMap')).toMatchObject({ kind: 'objectList', required: false });
    expect(field('dyvms.SingleCallByTts', 'TtsParam')).toMatchObject({ kind: 'keyValue' });
    expect(field('volcengine.SingleBatchAppend', 'List')).toMatchObject({ kind: 'objectList', required: true });
    expect(field('outboundbot.StartJob', 'JobJson')?.kind).toBe('groups');
    expect(field('dyvms.CreateRobotTask', 'Caller')).toMatchObject({ kind: 'list' });
    expect(field('dyvms.CreateCallTask', 'Data')?.kind).toBe('json');
  });

  it('values come back in the shape the schema takes', () => {
    const tts = field('dyvms.SingleCallByTts', 'TtsParam');
    expect(fieldValue(tts!, { values: [{ name: 'code', value: '1234' }, { name: '', value: 'x' }] })).toEqual({ code: '1234' });
    expect(fieldValue(tts!, '{"code":"1"}')).toEqual({ code: '1' });
    const list = field('dyvms.CreateRobotTask', 'Caller');
    expect(fieldValue(list!, '0571001, 0571002')).toEqual(['0571001', '0571002']);
    expect(fieldValue(list!, '["0571001"]')).toEqual(['0571001']);
    const menu = field('dyvms.IvrCall', 'MenuKeyMap');
    expect(fieldValue(menu!, { values: [{ Key: '1', Code: 'TTS_1', TtsParams: '' }] })).toEqual([{ Key: '1', Code: 'TTS_1' }]);
    const job = field('outboundbot.StartJob', 'JobJson');
    expect(fieldValue(job!, { contacts: [{ phonenumber: '138', name: '', referenceId: 'r' }], extras: [] })).toEqual({ contacts: [{ phonenumber: '138', referenceId: 'r' }] });
    const single = field('volcengine.SingleBatchAppend', 'List');
    // Optional numbers inside a fixed collection are left out while empty.
    expect(fieldValue(single!, { values: [{ SingleOpenId: 'a', Phone: '139', Type: 1, NumberType: '', RingAgainTimes: '2' }] })).toEqual([
      { SingleOpenId: 'a', Phone: '139', Type: 1, RingAgainTimes: 2 },
    ]);
    expect(() => fieldValue(field('dyvms.CreateCallTask', 'Data')!, '{oops')).toThrow('Data: not valid JSON');
  });

  it('arrays of enums become multi-options; unions and deep objects stay JSON', () => {
    expect(analyze('x', { type: 'array', items: { type: 'string', enum: ['a', 'b'] } }, false).kind).toBe('multiOptions');
    expect(analyze('x', { anyOf: [{ type: 'string' }, { type: 'number' }] }, false).kind).toBe('json');
    expect(analyze('x', { anyOf: [{ type: 'string' }, { type: 'null' }] }, false).kind).toBe('string');
    expect(analyze('x', { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } } } } }, false).kind).toBe('json');
  });

  it('adding an operation to the catalog adds it to the node (generated from listOperations)', () => {
    expect(nodeOperations('dyvms').length).toBe(listOperations('dyvms').length);
    expect(nodeOperations('pbx').length).toBe(listOperations('pbx').filter((op) => !op.sessionManaged).length);
  });
});

describe('Call Receipt Trigger description', () => {
  const trigger = new CallReceiptTrigger();
  it('is a webhook trigger with one POST webhook and the three back ends', () => {
    expect(trigger.description.inputs).toEqual([]);
    expect(trigger.description.webhooks).toHaveLength(1);
    expect(trigger.description.webhooks?.[0]).toMatchObject({ httpMethod: 'POST', responseMode: 'onReceived' });
    const vendor = trigger.description.properties.find((p) => p.name === 'vendor');
    expect((vendor?.options ?? []).map((o) => (o as { value: string }).value).sort()).toEqual(['alibaba', 'pbx', 'volcengine']);
  });
});

describe('what a new node shows first', () => {
  it('Alibaba Cloud Voice opens on Call / Place a TTS call; Outbound Bot on its Campaign', () => {
    const voice = new AlibabaCloudVoice().description.properties;
    expect(voice.find((p) => p.name === 'resource')?.default).toBe('call');
    expect(voice.find((p) => p.name === 'operation' && shows(p, 'resource').includes('call'))?.default).toBe('SingleCallByTts');
    const bot = new AlibabaCloudOutboundBot().description.properties;
    expect(bot.find((p) => p.name === 'resource')?.default).toBe('campaign');
    expect(bot.find((p) => p.name === 'operation' && shows(p, 'resource').includes('campaign'))?.default).toBe('addCallees');
  });

  it('every node has a codex file naming it, in Communication, found by its vendor and by "phone call"', async () => {
    const { readFileSync } = await import('node:fs');
    for (const [dir, node] of [
      ['AlibabaCloudVoice', new AlibabaCloudVoice()],
      ['AlibabaCloudOutboundBot', new AlibabaCloudOutboundBot()],
      ['VolcengineVoice', new VolcengineVoice()],
      ['Pbx', new Pbx()],
      ['CallReceiptTrigger', new CallReceiptTrigger()],
    ] as const) {
      const codex = JSON.parse(readFileSync(new URL(`../../nodes/${dir}/${dir}.node.json`, import.meta.url), 'utf8')) as { node: string; categories: string[]; alias: string[] };
      expect(codex.node).toBe(`n8n-nodes-callbridge.${node.description.name}`);
      expect(codex.categories).toContain('Communication');
      expect(codex.alias).toContain('phone call');
    }
    const pbx = JSON.parse(readFileSync(new URL('../../nodes/Pbx/Pbx.node.json', import.meta.url), 'utf8')) as { alias: string[] };
    expect(pbx.alias).toEqual(expect.arrayContaining(['Yeastar', 'OpenVox', 'callbridge']));
  });
});
