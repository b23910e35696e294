// The sandbox's Alibaba RPC gateway decodes the business input by each operation's definition:
// a comma-encoded list is split on commas even when its text starts with "{", and a common
// parameter (RegionId) that an operation declares itself is validated as that operation's input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../core/registry.js';
import { signedRpcQuery } from '../../core/vendors/alibaba/index.js';
import { validateInput } from '../../core/validate.js';
import { ALIBABA_VERSIONS, encodeAlibabaParams } from '../../core/vendors/alibaba/index.js';
import { decodeRpcInput } from '../../sandbox/alibaba-decode.js';
import { isGatewayParam } from '../../sandbox/alibaba-rpc.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { callbridgeClient } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: 'rpc-gateway-input' });
});
afterAll(async () => {
  await sb.close();
});

const op = (id: string) => {
  const found = catalog.get(id);
  if (!found) throw new Error(`${id} is not in the catalog`);
  return found;
};

/** Business parameters signed as the client signs them and POSTed to the sandbox's product prefix. */
async function post(product: 'dyvms' | 'outboundbot', params: Record<string, string>) {
  const a = sb.context.accounts.alibaba;
  const body = signedRpcQuery('POST', { ...params, Version: ALIBABA_VERSIONS[product] }, { accessKeyId: a.accessKeyId, accessKeySecret: a.accessKeySecret }, Date.now(), `${Math.random()}`);
  const res = await fetch(`${sb.url}/${product}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('comma-encoded lists are split, never read as JSON', () => {
  it('decodes CorpNameList ["{x", "y"] (sent as "{x,y") back to the two names', () => {
    const add = op('dyvms.AddVirtualNumberRelation');
    const input = validateInput(add, { ...add.examples?.[0]?.input, CorpNameList: ['{x', 'y'] });
    const wire = encodeAlibabaParams(add, input);
    expect(wire.CorpNameList).toBe('{x,y');
    expect(decodeRpcInput(add, wire)).toMatchObject({ CorpNameList: ['{x', 'y'] });
    // A value that is valid JSON text is still a comma list here.
    expect(decodeRpcInput(add, { ...wire, CorpNameList: '{"a":1}' })).toMatchObject({ CorpNameList: ['{"a":1}'] });
  });

  it('the gateway accepts the correct request the client builds for it', async () => {
    const add = op('dyvms.AddVirtualNumberRelation');
    const input = { ...add.examples?.[0]?.input, CorpNameList: ['{x', 'y'] };
    const { client, close } = callbridgeClient(sb.env, { pace: false });
    try {
      // Resolves only on the vendor's success answer (a gateway refusal throws).
      const out = (await client.invoke(add.id, input)) as { Code?: string };
      expect(out.Code).toBe('200');
    } finally {
      await close();
    }
  });

  it('a list-or-object field (CreateCallTask.Data) still reads a JSON object, and a list of numbers as a list', () => {
    const create = op('dyvms.CreateCallTask');
    const base = { BizType: 'VMS_TTS', TemplateCode: 'TTS_1' };
    const object = { paramNames: ['name'], calleeList: [{ callee: '13800000000', params: ['Li'] }] };
    const asJson = validateInput(create, { ...base, DataType: 'JSON', Data: object });
    const jsonWire = encodeAlibabaParams(create, asJson);
    expect(create.input.parse(decodeRpcInput(create, jsonWire))).toEqual(asJson);
    const asList = validateInput(create, { ...base, DataType: 'LIST', Data: ['13800000000', '13800000001'] });
    const listWire = encodeAlibabaParams(create, asList);
    expect(listWire.Data).toBe('13800000000,13800000001');
    expect(decodeRpcInput(create, listWire)).toMatchObject({ Data: ['13800000000', '13800000001'] });
  });
});

describe('RegionId: a gateway parameter unless the operation declares it', () => {
  it('is taken off for operations that do not declare it, kept for the outboundbot tag operations', () => {
    expect(isGatewayParam('RegionId', op('dyvms.SingleCallByTts'))).toBe(true);
    expect(isGatewayParam('RegionId')).toBe(true);
    for (const id of ['outboundbot.ListTagResources', 'outboundbot.TagResources', 'outboundbot.UntagResources']) {
      expect(isGatewayParam('RegionId', op(id)), id).toBe(false);
      expect(isGatewayParam('Signature', op(id)), id).toBe(true);
    }
    expect(isGatewayParam('CalledNumber', op('dyvms.SingleCallByTts'))).toBe(false);
  });

  it('a dyvms call with RegionId is accepted (RegionId is not an unknown business parameter)', async () => {
    const query = op('dyvms.QueryCallDetailByCallId');
    const params = encodeAlibabaParams(query, validateInput(query, query.examples?.[0]?.input));
    const res = await post('dyvms', { ...params, Action: query.action, RegionId: 'cn-hangzhou' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.Code, JSON.stringify(res.body)).not.toMatch(/InvalidParameter|MissingParameter/);
  });

  it.each(['ListTagResources', 'TagResources', 'UntagResources'])('outboundbot.%s validates its own RegionId', async (action) => {
    const tagOp = op(`outboundbot.${action}`);
    const wire = (tagOp.examples?.[0]?.wire ?? {}) as Record<string, string>;
    expect(wire.RegionId).toBe('cn-shanghai');
    const bad = await post('outboundbot', { ...wire, Action: action, RegionId: '' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ Code: 'InvalidParameter' });
    expect(String(bad.body.Message)).toMatch(/Specified parameter RegionId is not valid/);
    const good = await post('outboundbot', { ...wire, Action: action });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
  });
});
