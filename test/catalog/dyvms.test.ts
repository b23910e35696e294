// Behaviour of the Alibaba Cloud Voice (dyvms) operations around the doc's traps (seed-catalog §3, §5):
// requests go through the real client and undici to a loopback server that records what arrives and
// answers with vendor-shaped bodies taken from the seed's examples.
import { beforeEach, describe, expect, it } from 'vitest';
import { operations } from '../../core/catalog/index.js';
import { CallbridgeError } from '../../core/errors.js';
import type { AnyOperation } from '../../core/operation.js';
import { validateInput } from '../../core/validate.js';
import { readAlibaba, encodeAlibabaParams } from '../../core/vendors/alibaba/index.js';
import IvrCall from '../../core/catalog/dyvms/IvrCall.js';
import QueryRobotTaskCallList from '../../core/catalog/dyvms/QueryRobotTaskCallList.js';
import { jsonResponse } from '../helpers/fakes.js';
import { alibabaLoopback, type Reply } from './helpers.js';

const dyvms = operations.filter((op) => op.product === 'dyvms');
const catalog = new Map<string, AnyOperation>(dyvms.map((op) => [op.id, op]));

let reply: Reply = { status: 200, body: { RequestId: 'r-1', Code: 'OK', Message: 'OK' } };
const vendor = alibabaLoopback('dyvms', catalog, () => reply, { maxAttempts: 1 });

beforeEach(() => {
  reply = { status: 200, body: { RequestId: 'r-1', Code: 'OK', Message: 'OK' } };
});

/** The form parameters of the last request the server received. */
function sent(): Record<string, string> {
  const last = vendor.requests.at(-1);
  if (!last) throw new Error('nothing was sent');
  return Object.fromEntries(new URLSearchParams(last.body));
}

async function refusal(id: string, input: unknown): Promise<CallbridgeError> {
  const error = await vendor.client.invoke(id, input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CallbridgeError);
  return error as CallbridgeError;
}

// A QueryRobotTaskCallList answer as the seed shows it: Data is JSON text of an array (here valid JSON).
const callListAnswer = (records: object[]) => ({ RequestId: 'r-2', Code: 'OK', Message: 'OK', Data: JSON.stringify(records) });

describe('all 39 dyvms operations of seed 002 are defined', () => {
  it('has one operation per documented action, IvrCall once', () => {
    const actions = dyvms.map((op) => op.action).sort();
    expect(actions).toHaveLength(39);
    expect(new Set(actions).size).toBe(39);
    expect(actions).toContain('IvrCall');
  });

  it('marks exactly the six operations that place billed calls, and SendVerification (SMS), as call, all destructive', () => {
    const calls = dyvms.filter((op) => op.access === 'call').map((op) => op.action).sort();
    expect(calls).toEqual(['ExecuteCallTask', 'IvrCall', 'SendVerification', 'SingleCallByTts', 'SingleCallByVoice', 'SmartCall', 'StartRobotTask']);
    for (const op of dyvms.filter((o) => o.access === 'call')) expect(op.destructive).toBe(true);
    for (const id of ['dyvms.CancelRobotTask', 'dyvms.DeleteRobotTask']) expect(catalog.get(id)?.destructive).toBe(true);
  });

  it('treats credential fetches as non-idempotent reads', () => {
    for (const id of ['dyvms.GetToken', 'dyvms.GetMqttToken']) {
      expect(catalog.get(id)?.access).toBe('read');
      expect(catalog.get(id)?.idempotent).toBe(false);
    }
  });
});

describe('HangupDirection (defect 7: request 0 = user / 1 = robot, response 1 = user / 0 = robot)', () => {
  it('sends 0 when filtering for calls the user hung up, and 1 for the robot', async () => {
    reply = { status: 200, body: callListAnswer([]) };
    await vendor.client.invoke('dyvms.QueryRobotTaskCallList', { TaskId: 1045001, HangupDirection: 'user' });
    expect(sent()).toMatchObject({ Action: 'QueryRobotTaskCallList', TaskId: '1045001', HangupDirection: '0' });
    await vendor.client.invoke('dyvms.QueryRobotTaskCallList', { TaskId: 1045001, HangupDirection: 'robot' });
    expect(sent().HangupDirection).toBe('1');
  });

  it('reads a response 1 as the user and 0 as the robot, keeping the raw value', async () => {
    reply = {
      status: 200,
      body: callListAnswer([
        { taskId: 1045001, called: '13000000000', hangupDirection: '1', duration: '60' },
        { taskId: 1045001, called: '13000000001', hangupDirection: 0 },
        { taskId: 1045001, called: '13000000002' },
      ]),
    };
    const out = (await vendor.client.invoke('dyvms.QueryRobotTaskCallList', { TaskId: '1045001', HangupDirection: 'user' })) as {
      Data: Array<Record<string, unknown>>;
    };
    expect(out.Data[0]).toMatchObject({ hangupDirection: '1', hangupSide: 'user', duration: 60, taskId: '1045001' });
    expect(out.Data[1]).toMatchObject({ hangupDirection: '0', hangupSide: 'robot' });
    expect(out.Data[2].hangupSide).toBeUndefined();
  });

  it('decodes the call detail with the response meaning too', async () => {
    reply = { status: 200, body: { Code: 'OK', Data: { taskId: 1045001, hangupDirection: '1', recordStatus: '1', dialogDetail: [{ role: 'robot', content: 'hi' }] } } };
    const out = (await vendor.client.invoke('dyvms.QueryRobotTaskCallDetail', { TaskId: 1045001, Callee: '13000000000', QueryDate: 1562297550000 })) as {
      Data: Record<string, unknown>;
    };
    expect(out.Data).toMatchObject({ hangupSide: 'user', recordStatus: 1, dialogDetail: [{ role: 'robot', content: 'hi' }] });
  });

  it('accepts only user/robot as the filter, so the vendor codes cannot be passed with the wrong meaning', async () => {
    for (const raw of ['0', '1', 0]) {
      const error = await refusal('dyvms.QueryRobotTaskCallList', { TaskId: 1045001, HangupDirection: raw });
      expect(error.kind).toBe('validation');
      expect(error.message).toContain('HangupDirection');
    }
    expect(vendor.requests).toHaveLength(0);
  });

  it('gives the same answer when the parsed output is parsed again (front ends may validate twice)', () => {
    const raw = { Code: 'OK', Data: JSON.stringify([{ hangupDirection: '0', konwledgeCount: 2 }]) };
    const once = QueryRobotTaskCallList.output.parse(raw);
    expect(QueryRobotTaskCallList.output.parse(once)).toEqual(once);
    expect(validateInput(QueryRobotTaskCallList, validateInput(QueryRobotTaskCallList, { TaskId: 1, HangupDirection: 'user' }))).toEqual({
      TaskId: '1',
      HangupDirection: 'user',
    });
  });
});

describe('konwledgeCount (defect 5)', () => {
  it('exposes knowledgeCount from the misspelled key and keeps the misspelled key', () => {
    const out = QueryRobotTaskCallList.output.parse(callListAnswer([{ konwledgeCount: '3', transferFailReson: 'user hung up' }])) as {
      Data: Array<Record<string, unknown>>;
    };
    expect(out.Data[0]).toMatchObject({ knowledgeCount: 3, konwledgeCount: 3, transferFailReason: 'user hung up' });
  });

  it('prefers the correctly spelled key when both arrive', () => {
    const out = QueryRobotTaskCallList.output.parse(callListAnswer([{ konwledgeCount: 1, knowledgeCount: 4 }])) as {
      Data: Array<Record<string, unknown>>;
    };
    expect(out.Data[0]).toMatchObject({ knowledgeCount: 4, konwledgeCount: 1 });
  });
});

describe('IvrCall: ByeCode must be the same kind as StartCode', () => {
  const base = { CalledShowNumber: '057100005678', CalledNumber: '15900000000' };

  it('refuses a voice-file ByeCode after a TTS StartCode, on the ByeCode field, before sending', async () => {
    const error = await refusal('dyvms.IvrCall', { ...base, StartCode: 'TTS_12340000', ByeCode: 'bye.wav' });
    expect(error.kind).toBe('validation');
    expect(error.field).toBe('ByeCode');
    expect(error.message).toMatch(/ByeCode: must be the same kind as StartCode/);
    expect(vendor.requests).toHaveLength(0);
  });

  it('refuses a TTS ByeCode after a voice-file StartCode', async () => {
    const error = await refusal('dyvms.IvrCall', { ...base, StartCode: 'start.wav', ByeCode: 'TTS_12340001' });
    expect(error.field).toBe('ByeCode');
  });

  it('refuses TTS params for a voice file and a key mapped twice, naming each field', async () => {
    const error = await refusal('dyvms.IvrCall', {
      ...base,
      StartCode: 'start.wav',
      StartTtsParams: { name: 'Li' },
      MenuKeyMap: [
        { Key: '1', Code: 'one.wav' },
        { Key: '1', Code: 'TTS_1' },
      ],
    });
    expect(error.message).toContain('StartTtsParams: only applies when StartCode is a TTS template');
    expect(error.message).toContain('MenuKeyMap.1.Key: key "1" is mapped twice');
  });

  it('sends matching kinds, with MenuKeyMap as a RepeatList and TTS params as JSON text', async () => {
    reply = { status: 200, body: { Code: 'OK', Message: 'OK', RequestId: 'r', CallId: '116012354148^102813780000' } };
    const out = await vendor.client.invoke('dyvms.IvrCall', {
      ...base,
      StartCode: 'TTS_12340000',
      StartTtsParams: '{"name":"Li"}',
      ByeCode: 'TTS_12340001',
      MenuKeyMap: [{ Key: '1', Code: 'TTS_12350000', TtsParams: { order: 8812 } }],
    });
    expect(out).toMatchObject({ CallId: '116012354148^102813780000' });
    expect(sent()).toMatchObject({
      Action: 'IvrCall',
      Version: '2017-05-25',
      StartTtsParams: '{"name":"Li"}',
      'MenuKeyMap.1.Key': '1',
      'MenuKeyMap.1.Code': 'TTS_12350000',
      'MenuKeyMap.1.TtsParams': '{"order":8812}',
    });
    expect(sent()).not.toHaveProperty('MenuKeyMap');
  });

  it('refuses an OutId over 15 bytes (the doc\'s own example has 23 characters)', async () => {
    const error = await refusal('dyvms.IvrCall', { ...base, StartCode: 'TTS_1', OutId: 'PROD#20210428102712****' });
    expect(error.field).toBe('OutId');
    // 8 characters but 20 bytes in UTF-8: the limit is in bytes.
    expect(() => validateInput(IvrCall, { ...base, StartCode: 'TTS_1', OutId: '订单号订单号12' })).toThrow(/OutId: must be 1-15 bytes long/);
    expect(validateInput(IvrCall, { ...base, StartCode: 'TTS_1', OutId: '订单号12345' })).toMatchObject({ OutId: '订单号12345' }); // 14 bytes
  });
});

describe('success codes: "OK" and "200" (defect 25)', () => {
  const op = catalog.get('dyvms.ListCallTask') as AnyOperation;

  it('core/vendors/alibaba accepts OK, "200" and 200 and refuses anything else', () => {
    for (const Code of ['OK', '200', 200]) {
      expect(readAlibaba(op, jsonResponse(200, { Code, RequestId: 'r' }))).toMatchObject({ Code });
    }
    expect(() => readAlibaba(op, jsonResponse(400, { Code: 'UnauthorizedOperation', Message: 'You have not been authorized.' }))).toThrow(
      /UnauthorizedOperation/,
    );
    expect(() => readAlibaba(op, jsonResponse(200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: 'limit' }))).toThrow(CallbridgeError);
  });

  it('Task Center answers with "200" and typed values from the example (FireTime numbers, Ids)', async () => {
    reply = {
      status: 200,
      body: {
        RequestId: '5B0F',
        PageSize: 2,
        PageNumber: 1,
        Total: '20',
        Code: '200',
        Data: [{ Status: 'DONE', FireTime: 1614330978000, Id: 1951001, CompletedRate: 10000, DataType: 'LIST', CompleteTime: '1614330986000' }],
      },
    };
    const out = (await vendor.client.invoke('dyvms.ListCallTask', { Status: 'DONE' })) as Record<string, unknown> & { Data: Array<Record<string, unknown>> };
    expect(out).toMatchObject({ Code: '200', Total: 20 });
    expect(out.Data[0]).toMatchObject({ Id: '1951001', FireTime: 1614330978000, CompleteTime: 1614330986000 });
    expect(sent()).toMatchObject({ PageNumber: '1', Status: 'DONE' });
  });

  it('ListCallTaskDetail answers with "OK" although it belongs to the same family', async () => {
    reply = { status: 200, body: { Code: 'OK', Total: 1000, TotalPage: 500, Data: [{ Status: 'FAIL', Duration: 0, CalledNum: '13000010000' }] } };
    await expect(vendor.client.invoke('dyvms.ListCallTaskDetail', { TaskId: 150001 })).resolves.toMatchObject({ Code: 'OK', TotalPage: 500 });
  });

  it('CreateCallTask returns the numeric task ID as text, ready for ExecuteCallTask', async () => {
    reply = { status: 200, body: { Code: '200', Data: 123456, RequestId: 'ED81' } };
    const out = (await vendor.client.invoke('dyvms.CreateCallTask', { BizType: 'VMS_TTS', TemplateCode: 'TTS_1', DataType: 'LIST', Data: ['13100000000'] })) as {
      Data: string;
    };
    expect(out.Data).toBe('123456');
    expect(sent()).toMatchObject({ DataType: 'LIST', Data: '13100000000' });
  });

  it('the MQTT token API answers "200"; its expiry arrives as text and is returned as a number', async () => {
    reply = { status: 200, body: { Code: '200', Message: 'OK', Data: { Host: 'mqtt-x.mqtt.aliyuncs.com', Token: 'tok', ExpireTime: '1636950919305', ClientId: 'GID_VOIP_RC@@@1' } } };
    await expect(vendor.client.invoke('dyvms.GetMqttToken', {})).resolves.toMatchObject({ Code: '200', Data: { ExpireTime: 1636950919305, ClientId: 'GID_VOIP_RC@@@1' } });
  });

  it('a failed business code becomes a vendor error with the code and request ID', async () => {
    reply = { status: 400, body: { RequestId: 'r-9', Code: 'UnauthorizedOperation', Message: 'You have not been authorized.' } };
    const error = await refusal('dyvms.QueryVirtualNumber', {});
    expect(error).toMatchObject({ kind: 'vendor', code: 'UnauthorizedOperation', requestId: 'r-9' });
  });
});

describe('Data as JSON text or as an object (defects 17, 19)', () => {
  const record = { caller: '18767000000', duration: 0, state: '502', callee: '13735460000', bRingTime: '2022-01-01 12:02:00' };

  it('parses QueryCallDetailByCallId Data the same whether it is text or an object', async () => {
    const input = { CallId: '116014888060^102816310000', ProdId: '11000000300006', QueryDate: '1553774465000' };
    reply = { status: 200, body: { Code: 'OK', Data: JSON.stringify(record) } };
    const fromText = await vendor.client.invoke('dyvms.QueryCallDetailByCallId', input);
    reply = { status: 200, body: { Code: 'OK', Data: record } };
    const fromObject = await vendor.client.invoke('dyvms.QueryCallDetailByCallId', input);
    expect(fromText).toEqual(fromObject);
    expect(fromText).toMatchObject({ Data: { state: '502', duration: 0, callee: '13735460000' } });
    expect(sent()).toMatchObject({ ProdId: '11000000300006', QueryDate: '1553774465000' });
  });

  it('repairs the full-width separators of the doc example, and keeps text that is not JSON', () => {
    const op = catalog.get('dyvms.QueryCallDetailByCallId') as AnyOperation;
    const docExample = '{"caller":"18767****","duration":0,"bRingTime":"2022-01-01 12:02:00"，"bEndTime":"2022-01-01 12:02:28"，"callee":"1373546****"}';
    expect(op.output.parse({ Code: 'OK', Data: docExample })).toMatchObject({ Data: { bEndTime: '2022-01-01 12:02:28', callee: '1373546****' } });
    expect(op.output.parse({ Code: 'OK', Data: 'not json' })).toMatchObject({ Data: 'not json' });
  });

  it('returns robot task lists sent as JSON text as arrays, accepting the EXCUTING spelling', async () => {
    reply = {
      status: 200,
      body: {
        Code: 'OK',
        PageNo: '1',
        PageSize: '1',
        TotalCount: '1',
        Data: '[ {"id": 1045001, "taskName": "t", "robotId": 1000000075003, "status": "EXCUTING", "totalCount": 1000, "finishCount": "998"} ]',
      },
    };
    const out = (await vendor.client.invoke('dyvms.QueryRobotTaskList', { Status: 'EXECUTING' })) as Record<string, unknown>;
    expect(sent().Status).toBe('EXCUTING');
    expect(out).toMatchObject({ TotalCount: 1, PageNo: 1, Data: [{ id: '1045001', robotId: '1000000075003', status: 'EXCUTING', finishCount: 998 }] });
  });

  it('returns the script list as a list even when the vendor sends one object', async () => {
    reply = { status: 200, body: { Code: 'OK', Data: { id: '1000000070000', robotName: 'bot', robotType: 'CUSTOM' } } };
    await expect(vendor.client.invoke('dyvms.QueryRobotv2AllList', {})).resolves.toMatchObject({ Data: [{ id: '1000000070000', robotType: 'CUSTOM' }] });
  });

  it('reads booleans sent as text', async () => {
    reply = { status: 200, body: { Code: 'OK', Status: 'true' } };
    await expect(vendor.client.invoke('dyvms.SmartCallOperate', { CallId: '116012854210^102814200000', Command: 'parallelBridge' })).resolves.toMatchObject({
      Status: true,
    });
    reply = { status: 200, body: { Code: 'OK', Data: 'true' } };
    await expect(vendor.client.invoke('dyvms.SetTransferCalleePoolConfig', { PhoneNumber: '4000000000', QualificationId: '1', CalledRouteMode: 'random', Details: [{ Called: '15100000000' }] })).resolves.toMatchObject({ Data: true });
    expect(sent()).toMatchObject({ 'Details.1.Called': '15100000000' });
  });

  it('keeps unknown response fields', async () => {
    reply = { status: 200, body: { Code: 'OK', Data: true, HostId: 'dyvmsapi.aliyuncs.com', Extra: { a: 1 } } };
    await expect(vendor.client.invoke('dyvms.StopRobotTask', { TaskId: 1 })).resolves.toMatchObject({ HostId: 'dyvmsapi.aliyuncs.com', Extra: { a: 1 } });
  });
});

describe('other traps', () => {
  it('refuses a QueryDate in seconds instead of milliseconds', async () => {
    const error = await refusal('dyvms.QueryRobotTaskCallDetail', { TaskId: 1, Callee: '13000000000', QueryDate: 1562297550 });
    expect(error.field).toBe('QueryDate');
  });

  it('uses the vendor name Id (not TaskId) where the vendor does', () => {
    for (const id of ['dyvms.UploadRobotTaskCalledFile', 'dyvms.QueryRobotTaskDetail']) {
      const op = catalog.get(id) as AnyOperation;
      const rest = id.endsWith('File') ? { CalledNumber: ['13700000000'] } : {};
      expect(() => validateInput(op, { TaskId: 1, ...rest })).toThrow(/Id: is required.*TaskId: unknown parameter/);
      expect(() => validateInput(op, { Id: 1, ...rest })).not.toThrow();
    }
  });

  it('checks UploadRobotTaskCalledFile variable rows against TtsParamHead and CalledNumber', () => {
    const op = catalog.get('dyvms.UploadRobotTaskCalledFile') as AnyOperation;
    expect(() =>
      validateInput(op, { Id: 1, CalledNumber: ['13700000000'], TtsParamHead: ['a', 'b'], TtsParam: [{ number: '13800000000', params: ['x'] }] }),
    ).toThrow(/TtsParam\.0\.params: must have 2 value\(s\).*TtsParam\.0\.number: "13800000000" is not in CalledNumber/);
  });

  it('requires FireTime exactly when ExecuteCallTask schedules (TIMING)', () => {
    const op = catalog.get('dyvms.ExecuteCallTask') as AnyOperation;
    expect(() => validateInput(op, { TaskId: 1, Status: 'TIMING' })).toThrow(/FireTime: is required when Status is TIMING/);
    expect(() => validateInput(op, { TaskId: 1, Status: 'STOP', FireTime: '2021-03-09 00:00:00' })).toThrow(/FireTime: only applies/);
    expect(encodeAlibabaParams(op, validateInput(op, { TaskId: 1, Status: 'TIMING', FireTime: '2021.03.09 00:00:00' }))).toEqual({
      TaskId: '1',
      Status: 'TIMING',
      FireTime: '2021.03.09 00:00:00',
    });
  });

  it('refuses hotline page sizes over 10 and sends the vendor-required page fields', async () => {
    const error = await refusal('dyvms.QueryCallInTransferRecord', { PhoneNumber: '4000000000', QueryDate: '2021-06-28 00:00:00', PageSize: 20 });
    expect(error.field).toBe('PageSize');
    reply = { status: 200, body: { Code: 'OK', Data: { PageSize: '10', Total: '50', PageNo: '1', Values: [{ GmtCreate: '1624865503000' }] } } };
    const out = await vendor.client.invoke('dyvms.QueryCallInTransferRecord', { PhoneNumber: '4000000000', QueryDate: '2021-06-28 00:00:00' });
    expect(sent()).toMatchObject({ PageNo: '1', PageSize: '10' });
    expect(out).toMatchObject({ Data: { Total: 50, Values: [{ GmtCreate: 1624865503000 }] } });
  });
});
