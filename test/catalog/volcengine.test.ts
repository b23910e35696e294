// Volcengine operations over real loopback HTTP: what reaches the server (body types, integers,
// flat lists — catalog defect 16), checked against the official @volcengine/openapi signer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbridgeClient } from '../../core/client.js';
import { CallbridgeError } from '../../core/errors.js';
import { catalog } from '../../core/registry.js';
import { UndiciTransport } from '../../mcp/undici-transport.js';
import { fakeRuntime } from '../helpers/fakes.js';
import { startRecordingServer, type RecordedRequest } from '../helpers/recording-server.js';
import { officialVolcengineAuthorization } from '../helpers/volcengine-official.js';

const auth = { accessKeyId: 'AKLTtest', secretAccessKey: 'volc-secret-for-tests' };

let server: Awaited<ReturnType<typeof startRecordingServer>>;
let transport: UndiciTransport;
/** Answer without a Result member (Pause/Resume/Stop/Update answer only ResponseMetadata). */
const NO_RESULT = Symbol('no Result');
let replyResult: unknown = NO_RESULT;

beforeAll(async () => {
  server = await startRecordingServer((req) => {
    const action = new URL(req.url, 'http://x').searchParams.get('Action') ?? '';
    const metadata = { RequestId: 'req-1', Action: action, Version: '2022-01-01', Service: 'vms', Region: 'cn-north-1' };
    return { status: 200, body: replyResult === NO_RESULT ? { ResponseMetadata: metadata } : { ResponseMetadata: metadata, Result: replyResult } };
  });
  transport = new UndiciTransport();
});

afterAll(async () => {
  await transport.close();
  await server.close();
});

function client() {
  return new CallbridgeClient(
    { validateOutput: true, volcengine: { ...auth, endpoint: `${server.url}/` }, transport, runtime: fakeRuntime(Date.UTC(2026, 4, 18, 9, 30, 0)), pace: false },
    catalog,
  );
}

async function invoke(id: string, input: unknown, result: unknown = { TaskOpenId: '123', FailList: [] }) {
  // result NO_RESULT: the answer has ResponseMetadata only.
  replyResult = result;
  const before = server.requests.length;
  const output = await client().invoke(id, input);
  expect(server.requests.length).toBe(before + 1);
  return { output, request: server.requests[server.requests.length - 1] };
}

/** Recomputes the Authorization header of a received request with the vendor's own signer. */
const officialAuthorization = (req: RecordedRequest) => officialVolcengineAuthorization(req, auth.accessKeyId, auth.secretAccessKey);

const seedExample = {
  Name: '通知任务',
  Type: 0,
  Resource: 'abcdef',
  NumberPoolNo: 'NP123456',
  PhoneList: [{ Phone: '13344445555', PhoneParamJson: '{"key1":"value1","key2":"value2"}\n', SmsParamJson: '{"key1":"value1"}', TtsContent: '4YrHU', Ext: '123456' }],
  SmsConfig: [{ TemplateId: '1234', Sign: '【ABCD】', StatusSet: [0] }],
  ForbidTimeList: [{ Weekdays: [3], Times: ['["09:00-10:00","15:00-16:00"]'] }],
  NumberList: ['["13344445555","13255556666"]'],
  StartTime: '2021-05-18 20:11:42',
  EndTime: '2021-05-19 20:11:42',
  Start: false,
  MaxRingDuration: '20',
  RingAgainTimes: '0',
  RingAgainInterval: 5,
  Concurrency: 100,
  FinishWhenListEnd: true,
  Unique: true,
  SelectNumberType: 0,
  SelectNumberRule: 5,
  CallRecordPostUrl: 'https://abc.com',
  AudioPostUrl: 'https://abc.com',
};

describe('volcengine.CreateTask with the vendor example (catalog defect 16)', () => {
  it('sends real integers and flat string arrays, in a JSON body the official signer agrees with', async () => {
    const { output, request } = await invoke('volcengine.CreateTask', seedExample, { TaskOpenId: 987, FailList: [{ Index: '0', Phone: '13344445555', Type: 'REDUPLICATED_ITEM', Desc: '重复项目' }] });
    expect(request.method).toBe('POST');
    expect(new URL(request.url, 'http://x').search).toBe('?Action=CreateTask&Version=2022-01-01');
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(request.body) as Record<string, unknown>;
    expect(body.MaxRingDuration).toBe(20);
    expect(body.RingAgainTimes).toBe(0);
    expect(body.Concurrency).toBe(100);
    expect(body.NumberList).toEqual(['13344445555', '13255556666']);
    expect(body.ForbidTimeList).toEqual([{ Weekdays: [3], Times: ['09:00-10:00', '15:00-16:00'] }]);
    expect(body.Start).toBe(false);
    // Nothing is double-encoded: no escaped quotes except inside the *Json text fields the vendor defines as text.
    const rest = { ...body, PhoneList: undefined };
    expect(JSON.stringify(rest)).not.toContain('\\"');
    expect(request.body).not.toMatch(/"(MaxRingDuration|RingAgainTimes|Concurrency)":"/);
    expect(request.headers.authorization).toBe(officialAuthorization(request));
    // Output is parsed leniently: numeric IDs become text, numeric strings numbers.
    expect(output).toMatchObject({ Result: { TaskOpenId: '987', FailList: [{ Index: 0, Type: 'REDUPLICATED_ITEM' }] } });
  });

  it('also takes integers as numbers and every list as comma text or a JSON array string', async () => {
    const { request } = await invoke('volcengine.CreateTask', {
      ...seedExample,
      MaxRingDuration: 30,
      RingAgainTimes: ' 2 ',
      Concurrency: '5',
      NumberList: '13344445555, 13255556666',
      SelectNumberType: '1',
      ForbidTimeList: [{ Weekdays: ['1', 7], Times: '12:00-13:30' }],
    });
    const body = JSON.parse(request.body) as Record<string, unknown>;
    expect(body).toMatchObject({ MaxRingDuration: 30, RingAgainTimes: 2, Concurrency: 5, SelectNumberType: 1 });
    expect(body.NumberList).toEqual(['13344445555', '13255556666']);
    expect(body.ForbidTimeList).toEqual([{ Weekdays: [1, 7], Times: ['12:00-13:30'] }]);
  });

  it.each([
    ['MaxRingDuration', '20s'],
    ['MaxRingDuration', '2.5'],
    ['RingAgainTimes', '6'],
    ['RingAgainInterval', 4],
    ['Concurrency', ''],
  ])('refuses %s = %j before sending anything', async (field, value) => {
    const before = server.requests.length;
    const error = await client()
      .invoke('volcengine.CreateTask', { ...seedExample, [field]: value })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(CallbridgeError);
    expect((error as CallbridgeError).kind).toBe('validation');
    expect((error as CallbridgeError).message).toContain(field);
    expect(server.requests.length).toBe(before);
  });

  it('refuses list items that are not numbers or time windows, a zero-length window, and SelectNumberType 1 without numbers', async () => {
    const c = client();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ NumberList: ['["1334444555x"]'] }, 'NumberList.0'],
      [{ ForbidTimeList: [{ Times: ['["9-10"]'] }] }, 'ForbidTimeList.0.Times.0'],
      [{ EndTime: seedExample.StartTime }, 'EndTime'],
      [{ SelectNumberType: 1, NumberList: undefined }, 'NumberList'],
      [{ Start: undefined }, 'Start'],
    ];
    for (const [patch, field] of cases) {
      const error = await c.invoke('volcengine.CreateTask', { ...seedExample, ...patch }).then(() => undefined, (e: unknown) => e);
      expect((error as CallbridgeError).field, JSON.stringify(patch)).toBe(field);
    }
  });
});

describe('other Volcengine body types', () => {
  it('UpdateTask sends numeric strings as integers', async () => {
    const { request } = await invoke(
      'volcengine.UpdateTask',
      { TaskOpenId: 123, StartTime: '2021-05-20 17:35:43', EndTime: '2021-05-21 17:35:44', Concurrency: '3', RingAgainTimes: '1', RingAgainInterval: '10', Recall: 'false' },
      NO_RESULT,
    );
    expect(JSON.parse(request.body)).toEqual({ TaskOpenId: '123', StartTime: '2021-05-20 17:35:43', EndTime: '2021-05-21 17:35:44', Concurrency: 3, RingAgainTimes: 1, RingAgainInterval: 10, Recall: false });
  });

  it('SingleBatchAppend sends NumberType and the redial settings as integers', async () => {
    const { request } = await invoke(
      'volcengine.SingleBatchAppend',
      { List: [{ SingleOpenId: 'a1', Phone: '13344445555', Type: '1', Resource: 'r1', NumberPoolNo: 'NP1', NumberType: '1', NumberList: '["0571123455"]', RingAgainTimes: '1', RingAgainInterval: '5' }] },
      { SuccessList: [{ Phone: '13344445555', SingleOpenId: 'a1' }], FailList: [] },
    );
    expect(JSON.parse(request.body)).toEqual({
      List: [{ SingleOpenId: 'a1', Phone: '13344445555', Type: 1, Resource: 'r1', NumberPoolNo: 'NP1', NumberType: 1, NumberList: ['0571123455'], RingAgainTimes: 1, RingAgainInterval: 5 }],
    });
  });

  it('QueryCallRecordMsg posts a signed form body with the call IDs comma-separated', async () => {
    const { output, request } = await invoke('volcengine.QueryCallRecordMsg', { CallIdList: ['NM1', 'D2'] }, [{ CallId: 'NM1', CallResult: '1', CallDuration: 20, BeginCallTime: '1607588903000' }]);
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request.body).toBe('CallIdList=NM1%2CD2');
    expect(request.headers.authorization).toBe(officialAuthorization(request));
    expect(output).toMatchObject({ Result: [{ CallId: 'NM1', CallResult: 1, CallDuration: 20, BeginCallTime: 1607588903000 }] });
  });

  it('NumberPoolList posts a JSON body with integers as numbers (generated SDK)', async () => {
    const { request } = await invoke('volcengine.NumberPoolList', { ServiceType: '100', SubServiceType: 102, Limit: 20 }, { Records: [], Total: '0' });
    expect(JSON.parse(request.body)).toEqual({ ServiceType: 100, SubServiceType: 102, Limit: 20 });
  });

  it('QueryAudioRecordFileUrl is a GET with CallId in the signed query string (generated SDK)', async () => {
    const { request } = await invoke('volcengine.QueryAudioRecordFileUrl', { CallId: 'NM1' }, { AudioRecordFileUrl: 'https://x/1.wav' });
    expect(request.method).toBe('GET');
    expect(request.body).toBe('');
    expect(Object.fromEntries(new URL(request.url, 'http://x').searchParams)).toEqual({ Action: 'QueryAudioRecordFileUrl', Version: '2022-01-01', CallId: 'NM1' });
  });

  it('QueryUsableResourceV2 is a GET with the parameters in the signed query string and no body', async () => {
    const { output, request } = await invoke('volcengine.QueryUsableResourceV2', { Type: '1' }, { Records: [{ ResourceKey: 'k1', State: '1', Duration: '4' }] });
    expect(request.method).toBe('GET');
    expect(request.body).toBe('');
    expect(Object.fromEntries(new URL(request.url, 'http://x').searchParams)).toEqual({ Action: 'QueryUsableResourceV2', Version: '2022-01-01', Type: '1' });
    expect(request.headers.authorization).toBe(officialAuthorization(request));
    expect(output).toMatchObject({ Result: { Records: [{ ResourceKey: 'k1', State: 1, Duration: 4 }] } });
  });

  it('QueryUsableResource (v1) is a POST with the parameters in the query string and an empty body', async () => {
    const { request } = await invoke('volcengine.QueryUsableResource', { Type: 0 }, []);
    expect(request.method).toBe('POST');
    expect(request.body).toBe('');
    expect(new URL(request.url, 'http://x').searchParams.get('Type')).toBe('0');
    expect(request.headers.authorization).toBe(officialAuthorization(request));
  });

  it('the task lifecycle actions post {"TaskOpenId": ...} and accept an answer without Result', async () => {
    for (const id of ['volcengine.PauseTask', 'volcengine.ResumeTask', 'volcengine.StopTask']) {
      const { output, request } = await invoke(id, { TaskOpenId: 42 }, NO_RESULT);
      expect(JSON.parse(request.body)).toEqual({ TaskOpenId: '42' });
      expect(output).toMatchObject({ ResponseMetadata: { RequestId: 'req-1' } });
    }
  });
});
