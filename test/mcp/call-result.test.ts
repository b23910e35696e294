import { describe, expect, it } from 'vitest';
import { callResultSchema, toIsoTime } from '../../core/call-result.js';
import { alibabaStatus, fromAlibabaReceipt, fromDyvmsCallDetail, fromDyvmsRobotCall, fromOutboundbotJob } from '../../core/vendors/alibaba/call-result.js';
import { callResultsFromReceipt } from '../../core/vendors/index.js';
import { fromPbxCall, fromPbxCdr, fromPbxEvent, pbxCallGone } from '../../core/vendors/pbx/call-result.js';
import { fromVolcengineCallRecord, fromVolcengineSingleInfo } from '../../core/vendors/volcengine/call-result.js';

describe('toIsoTime', () => {
  it('reads Beijing wall-clock strings, dotted dates and epoch ms/s', () => {
    expect(toIsoTime('2023-03-13 11:18:24')).toBe('2023-03-13T11:18:24+08:00');
    expect(toIsoTime('2019.06.14 11:04:19')).toBe('2019-06-14T11:04:19+08:00');
    expect(toIsoTime(1607588903000)).toBe('2020-12-10T08:28:23.000Z');
    expect(toIsoTime('1607588903')).toBe('2020-12-10T08:28:23.000Z');
    expect(toIsoTime('2017-05-25 22:17:34', null)).toBe('2017-05-25T22:17:34');
    expect(toIsoTime('')).toBeUndefined();
    expect(toIsoTime(0)).toBeUndefined();
  });
});

describe('Alibaba status codes', () => {
  it('maps the documented final codes', () => {
    expect(alibabaStatus('200000').status).toBe('completed');
    expect(alibabaStatus('200001').status).toBe('completed');
    expect(alibabaStatus('200002').status).toBe('busy');
    expect(alibabaStatus('200003').status).toBe('no_answer');
    expect(alibabaStatus('200010')).toEqual({ status: 'failed', reason: 'powered off' });
    expect(alibabaStatus('200011').reason).toBe('number suspended');
    expect(alibabaStatus('200113').status).toBe('no_answer');
    expect(alibabaStatus('200112').status).toBe('busy');
  });
  it('maps intermediate codes and falls back on talk time for unknown codes', () => {
    expect(alibabaStatus('200201').status).toBe('ringing');
    expect(alibabaStatus('200102').status).toBe('answered');
    expect(alibabaStatus('502', 12).status).toBe('completed');
    expect(alibabaStatus('502', 0)).toEqual({ status: 'failed', reason: 'carrier code 502' });
    expect(alibabaStatus(undefined).status).toBe('unknown');
  });
});

describe('fromDyvmsCallDetail', () => {
  it('maps the documented Data JSON string (state 502, not answered)', () => {
    const data =
      '{"caller":"1390000****","startDate":"","stateDesc":"502","duration":0,"callerShowNumber":"0534475****","gmtCreate":"2017-11-27 20:09:06","state":"502","endDate":"","calleeShowNumber":"0534475****","callee":"1391111****"}';
    const r = fromDyvmsCallDetail(data, '113853585007^100675005007');
    expect(r).toMatchObject({
      provider: 'dyvms',
      callId: '113853585007^100675005007',
      status: 'failed',
      final: true,
      vendorStatus: '502',
      callee: '1391111****',
      caller: '0534475****',
      startTime: '2017-11-27T20:09:06+08:00',
      durationSeconds: 0,
    });
    expect(r.answerTime).toBeUndefined();
    expect(r.raw).toBe(data);
    expect(callResultSchema.safeParse(r).success).toBe(true);
  });
  it('an answered call is completed with its times', () => {
    const r = fromDyvmsCallDetail({ state: '200000', duration: 7, startDate: '2023-03-13 11:18:36', endDate: '2023-03-13 11:18:43', callee: '13800000000' });
    expect(r).toMatchObject({ status: 'completed', final: true, durationSeconds: 7, answerTime: '2023-03-13T11:18:36+08:00', endTime: '2023-03-13T11:18:43+08:00' });
  });
  it('an empty Data means no record yet: unknown and not final', () => {
    for (const data of [undefined, '', {}, 'null']) {
      const r = fromDyvmsCallDetail(data, 'c1');
      expect(r.status).toBe('unknown');
      expect(r.final).toBe(false);
      expect(r.callId).toBe('c1');
    }
  });
});

describe('fromDyvmsRobotCall', () => {
  it('reads a robot call record; hangupDirection 1 is the user (callee)', () => {
    const r = fromDyvmsRobotCall({
      taskId: '1045001',
      caller: '0571****5678',
      called: '13000000000',
      duration: 35,
      callResult: '',
      hangupDirection: 1,
      callId: '1045001^200',
      callStartTime: '2019-06-14 11:04:19',
      callEndTime: '2019-06-14 11:04:54',
      konwledgeCount: 1,
      recordFile: 'https://example.oss/record.wav',
    });
    expect(r).toMatchObject({
      status: 'completed',
      callee: '13000000000',
      hangupSide: 'callee',
      durationSeconds: 35,
      startTime: '2019-06-14T11:04:19+08:00',
      recording: 'https://example.oss/record.wav',
    });
    expect(fromDyvmsRobotCall({ callResult: '200002', duration: 0, hangupDirection: '0' })).toMatchObject({ status: 'busy', hangupSide: 'caller' });
  });
});

describe('fromAlibabaReceipt', () => {
  it('VoiceReport (current style) with smart status and hang-up side', () => {
    const r = fromAlibabaReceipt({
      status_code: '200000',
      smart_status_code: 'ANSWERED',
      hangup_direction: '用户',
      callee: '1390000****',
      ring_time: '2023-03-13 11:18:24',
      duration: '7',
      b_duration: 7,
      originate_time: '2023-03-13 11:18:16',
      b_start_time: '2023-03-13 11:18:36',
      end_time: '2023-03-13 11:18:43',
      call_id: '1^2',
      out_id: 'order-1',
      dtmf: '1',
    });
    expect(r).toMatchObject({
      status: 'completed',
      final: true,
      hangupSide: 'callee',
      durationSeconds: 7,
      startTime: '2023-03-13T11:18:16+08:00',
      answerTime: '2023-03-13T11:18:36+08:00',
      endTime: '2023-03-13T11:18:43+08:00',
      outId: 'order-1',
      dtmf: '1',
      callId: '1^2',
    });
  });
  it('VoiceCallReport progress and DTMF messages are not final; "ended" is', () => {
    expect(fromAlibabaReceipt({ status_code: '200201', status_time: '2021-04-28 09:55:02', call_id: 'a' })).toMatchObject({ status: 'ringing', final: false });
    expect(fromAlibabaReceipt({ status_code: '300000', smart_status_code: 'ANSWERED', dtmf: '1', status_time: '2023-03-06 16:21:12', call_id: 'a' })).toMatchObject({
      status: 'answered',
      dtmf: '1',
      final: false,
    });
    expect(fromAlibabaReceipt({ status_code: '200100', smart_status_code: 'NO_ANSWER', status_time: '2023-03-06 16:21:12', call_id: 'a' })).toMatchObject({
      status: 'no_answer',
      final: true,
    });
  });
  it('VoiceRecordReport carries the recording', () => {
    const r = fromAlibabaReceipt({ call_id: 'x', start_time: '2017-06-01 10:00:00', end_time: '2017-06-01 10:03:00', duration: '10', status_code: '200000', record_file: 'http://rec', out_id: '1' });
    expect(r).toMatchObject({ recording: 'http://rec', durationSeconds: 10, status: 'completed' });
  });
  it('callResultsFromReceipt maps an HTTP batch (JSON array text)', () => {
    const body = JSON.stringify([
      { status_code: '200003', call_id: 'a', duration: '0' },
      { status_code: '200002', call_id: 'b', duration: '0' },
    ]);
    expect(callResultsFromReceipt('alibaba', body).map((r) => [r.callId, r.status])).toEqual([
      ['a', 'no_answer'],
      ['b', 'busy'],
    ]);
  });
});

describe('fromOutboundbotJob', () => {
  it('a succeeded job takes its call facts from the latest task', () => {
    const r = fromOutboundbotJob({
      JobId: 'job-1',
      Status: 'Succeeded',
      ReferenceId: 'ref-1',
      Contacts: [{ PhoneNumber: '13500000000', ReferenceId: 'ref-1' }],
      Tasks: [
        { TaskId: 't1', ActualTime: 1579068424000, EndTime: 1579068430000, CallId: 'call-old', Duration: 0, CalledNumber: '13500000000' },
        { TaskId: 't2', ActualTime: 1579078424000, EndTime: 1579078484000, CallId: 'call-2', Duration: 60, HangUpDirection: 'client', CalledNumber: '13500000000', CallingNumber: '95187' },
      ],
    });
    expect(r).toMatchObject({
      provider: 'outboundbot',
      status: 'completed',
      final: true,
      callId: 'call-2',
      durationSeconds: 60,
      hangupSide: 'callee',
      callee: '13500000000',
      caller: '95187',
      outId: 'ref-1',
      startTime: new Date(1579078424000).toISOString(),
    });
  });
  it('failure reasons and in-flight states', () => {
    expect(fromOutboundbotJob({ Status: 'Failed', FailureReason: 'NoAnswer' })).toMatchObject({ status: 'no_answer', final: true });
    expect(fromOutboundbotJob({ Status: 'Failed', FailureReason: 'PoweredOff' })).toMatchObject({ status: 'failed', reason: 'powered off' });
    expect(fromOutboundbotJob({ Status: 'Scheduling' })).toMatchObject({ status: 'queued', final: false });
    expect(fromOutboundbotJob({ Status: 'Executing' })).toMatchObject({ status: 'ringing', final: false });
    expect(fromOutboundbotJob({ Status: 'Cancelled' })).toMatchObject({ status: 'failed', final: true });
    expect(fromOutboundbotJob({ Status: 'Mystery' })).toMatchObject({ status: 'unknown', final: false });
  });
});

describe('Volcengine', () => {
  it('maps a QueryCallRecordMsg record (PascalCase, ms timestamps)', () => {
    const r = fromVolcengineCallRecord({ CallId: 'V1', Callee: '13100001111', Caller: '01012345678', BeginCallTime: 1607588903000, EndTime: 1607588933000, CallDuration: 20, CallResult: 1 });
    expect(r).toMatchObject({ provider: 'volcengine', callId: 'V1', status: 'completed', durationSeconds: 20, startTime: '2020-12-10T08:28:23.000Z' });
  });
  it('maps the camelCase CDR push with digits', () => {
    const [r] = callResultsFromReceipt('volcengine', { callId: 'V2', callResult: 7, callDuration: 0, digits: ['1', '2'], ext: 'my-ref' });
    expect(r).toMatchObject({ status: 'no_answer', dtmf: '12', outId: 'my-ref' });
    expect(fromVolcengineCallRecord({ callId: 'V3', callResult: 8 }).status).toBe('busy');
    expect(fromVolcengineCallRecord({ callId: 'V4', callResult: 2 })).toMatchObject({ status: 'failed', reason: 'powered off' });
    expect(fromVolcengineCallRecord({ callId: 'V5' })).toMatchObject({ status: 'unknown', final: false });
  });
  it('QuerySingleInfo states', () => {
    expect(fromVolcengineSingleInfo({ SingleOpenId: 's1', State: '1' })).toMatchObject({ status: 'queued', final: false, callId: 's1' });
    expect(fromVolcengineSingleInfo({ SingleOpenId: 's1', State: 2 })).toMatchObject({ status: 'ringing', final: false });
    expect(fromVolcengineSingleInfo({ SingleOpenId: 's1', State: '3', Duration: 12 })).toMatchObject({ status: 'completed', final: true });
    expect(fromVolcengineSingleInfo({ SingleOpenId: 's1', State: '5' })).toMatchObject({ status: 'failed', final: true });
  });
});

describe('PBX', () => {
  it('NewCdr (1.x, misspelled duration fields)', () => {
    const r = fromPbxCdr({
      action: 'NewCdr',
      callid: '1495779454.374',
      timestart: '2017-05-25 22:17:34',
      callfrom: '1002',
      callto: '41004',
      callduraction: '4',
      talkduraction: '4',
      status: 'ANSWERED',
      type: 'Outbound',
      recording: 'x.wav',
    });
    expect(r).toMatchObject({ status: 'completed', final: true, durationSeconds: 4, callee: '41004', caller: '1002', startTime: '2017-05-25T22:17:34', recording: 'x.wav' });
    expect(fromPbxCdr({ callid: '1', status: 'NO ANSWER', callduraction: '30', talkduraction: '0' })).toMatchObject({ status: 'no_answer', durationSeconds: 0 });
    expect(fromPbxCdr({ callid: '1', status: 'BUSY' }).status).toBe('busy');
  });
  it('call queries: 1.x outbound list item and 2.0 members', () => {
    expect(fromPbxCall({ outboundid: '1495705009.316', from: '1002', to: '41000', trunk: 'SIP-142', status: 'Talking' })).toMatchObject({
      status: 'answered',
      callId: '1495705009.316',
      callee: '41000',
    });
    const v2 = {
      callid: '1571897930.5',
      members: [
        { ext: { number: '1023', channelid: 'PJSIP/1023-00000005', memberstatus: 'ANSWERED' } },
        { outbound: { from: '1023', to: '5503301', trunkname: 'siptrunk', memberstatus: 'RING' } },
      ],
    };
    expect(fromPbxCall(v2)).toMatchObject({ status: 'ringing', callee: '5503301', caller: '1023', final: false });
    expect(pbxCallGone('1.2', { errno: '10007' })).toMatchObject({ status: 'unknown', final: true });
  });
  it('events: 1.x actions, CallFailed reasons, DTMF, 2.0 CallStatus and NewCdr', () => {
    expect(fromPbxEvent({ action: 'RING', callid: '1', outbound: { from: '1002', to: '42003' } })).toMatchObject({ status: 'ringing', callee: '42003' });
    expect(fromPbxEvent({ action: 'CallFailed', reason: '486 Busy Here', callid: '1' })).toMatchObject({ status: 'busy', final: true });
    expect(fromPbxEvent({ action: 'CallFailed', reason: '480 Temporarily unavailable', callid: '1' }).status).toBe('no_answer');
    expect(fromPbxEvent({ action: 'CallFailed', reason: 'Line unreachable', callid: '1' }).status).toBe('failed');
    expect(fromPbxEvent({ action: 'DTMF', callid: '1', info: '#' })).toMatchObject({ status: 'answered', dtmf: '#' });
    expect(fromPbxEvent({ event: 'CallStatus', callid: '2', members: [{ outbound: { from: '1', to: '2', memberstatus: 'ANSWER' } }] }).status).toBe('answered');
    expect(fromPbxEvent({ event: 'NewCdr', callid: '3', status: 'ANSWERED', talkduraction: '14' })).toMatchObject({ status: 'completed', durationSeconds: 14 });
    expect(fromPbxEvent({ event: 'Nonsense' })).toMatchObject({ status: 'unknown' });
  });
});

describe('every mapper output fits the schema', () => {
  it('schema-valid on odd input', () => {
    const odd: unknown[] = [null, 42, 'text', [], { weird: true }];
    for (const value of odd) {
      for (const r of [
        fromDyvmsCallDetail(value),
        fromDyvmsRobotCall(value),
        fromAlibabaReceipt(value),
        fromOutboundbotJob(value),
        fromVolcengineCallRecord(value),
        fromVolcengineSingleInfo(value),
        fromPbxCdr(value),
        fromPbxCall(value),
        fromPbxEvent(value),
      ]) {
        expect(callResultSchema.safeParse(r).success).toBe(true);
      }
    }
  });
});
