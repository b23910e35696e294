// planOf on real catalog operations: each class of indirect dialling (issue 11) yields the plan the vendor
// will carry out: whom, how often, when, and whether it dials people the request does not name.
import { describe, expect, it } from 'vitest';
import type { PbxApiVersion } from '../../core/operation.js';
import { entriesAt, valuesAt } from '../../core/policy/paths.js';
import { planOf } from '../../core/policy/plan.js';
import { catalog } from '../../core/registry.js';
import { validateInput } from '../../core/validate.js';

/** 2026-05-01 08:00 in Beijing. */
const NOW = Date.UTC(2026, 4, 1, 0, 0, 0);
const beijing = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);

function plan(id: string, input: Record<string, unknown>, pbxApiVersion?: PbxApiVersion) {
  const op = catalog.get(id);
  if (!op) throw new Error(`no operation ${id}`);
  return planOf(op, validateInput(op, input), { now: NOW, pbxApiVersion });
}

const numbers = (p: ReturnType<typeof plan>) => p.contacts.map((c) => [c.raw, c.attempts]);

describe('planOf: direct calls and messages', () => {
  it('a single call dials its callee once, now', () => {
    const p = plan('dyvms.SingleCallByTts', { CalledNumber: '13800000000', TtsCode: 'TTS_1' });
    expect(p).toMatchObject({ operation: 'dyvms.SingleCallByTts', product: 'dyvms', billed: true, dials: 'now' });
    expect(p.contacts).toEqual([{ raw: '13800000000', field: 'CalledNumber', kind: 'call', attempts: 1 }]);
    expect(p.windows).toEqual([{ field: '(now)', from: NOW, to: NOW }]);
    expect(p.unknownCallees).toBeUndefined();
  });

  it('dyvms.SendVerification messages its Target: billed, dials nobody', () => {
    const p = plan('dyvms.SendVerification', { Target: '13900000000' });
    expect(p).toMatchObject({ billed: true, dials: 'none' });
    expect(p.contacts).toEqual([{ raw: '13900000000', field: 'Target', kind: 'message', attempts: 1 }]);
  });

  it('volcengine.SingleBatchAppend: each item its own callee, redials and trigger time; an item without one is dialled now', () => {
    const item = { Type: 1, Resource: 'r1', NumberPoolNo: 'NP1' };
    const p = plan('volcengine.SingleBatchAppend', {
      List: [
        { ...item, SingleOpenId: 'a', Phone: '13800000001', RingAgainTimes: 2, TriggerTime: '2026-05-18 21:30:00' },
        { ...item, SingleOpenId: 'b', Phone: '13800000002' },
      ],
    });
    expect(p.contacts).toEqual([
      { raw: '13800000001', field: 'List[0].Phone', kind: 'call', attempts: 3 },
      { raw: '13800000002', field: 'List[1].Phone', kind: 'call', attempts: 1 },
    ]);
    expect(p.windows).toEqual([
      { field: 'List[0].TriggerTime', from: beijing(2026, 5, 18, 21, 30) },
      { field: '(now)', from: NOW, to: NOW },
    ]);
  });
});

describe('planOf: callees in nested lists', () => {
  it('outboundbot.AssignJobs: every contact of every job, with the strategy\'s attempts and windows', () => {
    const p = plan('outboundbot.AssignJobs', {
      InstanceId: 'i-1',
      JobGroupId: 'g-1',
      JobsJson: [{ contacts: [{ phonenumber: '13800000001' }] }, { contacts: [{ phonenumber: '13800000002' }, { phonenumber: '13800000003' }] }],
      StrategyJson: {
        maxAttemptsPerDay: 3,
        startTime: beijing(2026, 5, 2, 9),
        endTime: beijing(2026, 5, 9, 18),
        workingTime: [{ beginTime: '20:00:00', endTime: '23:30:30' }],
      },
    });
    expect(p).toMatchObject({ billed: true, dials: 'start', taskKey: 'outboundbot:g-1', taskAttempts: 3 });
    expect(p.contacts.map((c) => [c.field, c.attempts])).toEqual([
      ['JobsJson[0].contacts[0].phonenumber', 3],
      ['JobsJson[1].contacts[0].phonenumber', 3],
      ['JobsJson[1].contacts[1].phonenumber', 3],
    ]);
    expect(p.windows).toEqual([
      { field: 'StrategyJson.startTime', from: beijing(2026, 5, 2, 9), to: beijing(2026, 5, 9, 18) },
      { field: 'StrategyJson.workingTime[0]', daily: { start: 20 * 60, end: 23 * 60 + 31, zone: 'Asia/Shanghai' } },
    ]);
  });

  it('dyvms.CreateCallTask: a plain list or the JSON callee list', () => {
    const base = { BizType: 'VMS_VOICE_TTS', TemplateCode: 'TTS_1' };
    expect(numbers(plan('dyvms.CreateCallTask', { ...base, DataType: 'LIST', Data: ['13800000001', '13800000002'] }))).toEqual([
      ['13800000001', 1],
      ['13800000002', 1],
    ]);
    const json = plan('dyvms.CreateCallTask', { ...base, DataType: 'JSON', Data: { paramNames: ['n'], calleeList: [{ callee: '13800000003', params: ['Li'] }] } });
    expect(json.contacts.map((c) => c.field)).toEqual(['Data.calleeList[0].callee']);
    expect(json.dials).toBe('task');
  });

  it('paths go through JSON text and split comma lists', () => {
    const input = { JobsJson: ['{"contacts":[{"phonenumber":"13800000001"}]}'], CalledNumber: '13800000002, 13800000003' };
    expect(valuesAt(input, 'JobsJson[].contacts[].phonenumber')).toEqual([{ field: 'JobsJson[0].contacts[0].phonenumber', value: '13800000001' }]);
    expect(entriesAt(input, 'CalledNumber')).toEqual([
      { field: 'CalledNumber[0]', text: '13800000002' },
      { field: 'CalledNumber[1]', text: '13800000003' },
    ]);
  });
});

describe('planOf: rosters and whole accounts', () => {
  const batch = { InstanceId: 'i-1', JobGroupId: 'g-1', BatchJobName: 'n', ScriptId: 's-1', JobFilePath: 'i-1/roster.xlsx' };

  it('outboundbot.ModifyBatchJobs submitting a roster file dials people it does not name', () => {
    const p = plan('outboundbot.ModifyBatchJobs', { ...batch, Submitted: 'submit' });
    expect(p).toMatchObject({ billed: true, dials: 'start', taskKey: 'outboundbot:g-1', unknownCallees: { field: 'JobFilePath' } });
    expect(p.contacts).toEqual([]);
  });

  it('a draft dials nobody yet, and still says the roster is unknown', () => {
    const p = plan('outboundbot.ModifyBatchJobs', { ...batch, Submitted: 'draft' });
    expect(p).toMatchObject({ billed: false, dials: 'none', unknownCallees: { field: 'JobFilePath' } });
  });

  it('outboundbot.ResumeJobs with All=true acts on every job of the instance', () => {
    expect(plan('outboundbot.ResumeJobs', { InstanceId: 'i-1', All: true })).toMatchObject({ billed: true, dials: 'start', unknownCallees: { field: 'All' } });
    const one = plan('outboundbot.ResumeJobs', { InstanceId: 'i-1', All: false, JobGroupId: 'g-2' });
    expect(one).toMatchObject({ taskKey: 'outboundbot:g-2' });
    expect(one.unknownCallees).toBeUndefined();
  });
});

describe('planOf: attempts and windows set for later dialling', () => {
  it('dyvms.CreateRobotTask RecallTimes multiplies every callee of the task', () => {
    const p = plan('dyvms.CreateRobotTask', { TaskName: 't', DialogId: '1', Caller: ['057100000000'], RetryType: 1, RecallTimes: 4, RecallStateCodes: ['200002'] });
    expect(p).toMatchObject({ billed: false, dials: 'none', taskAttempts: 5, contacts: [] });
  });

  it('volcengine.CreateTask: callees with redials in the task\'s Beijing-time window; billed only with Start', () => {
    const input = {
      Name: 't',
      Type: 1,
      Resource: 'r1',
      NumberPoolNo: 'NP1',
      PhoneList: [{ Phone: '13800000001' }],
      Start: true,
      StartTime: '2026-05-18 09:00:00',
      EndTime: '2026-05-18 23:00:00',
      Concurrency: 1,
      RingAgainTimes: 2,
    };
    const p = plan('volcengine.CreateTask', input);
    expect(p).toMatchObject({ billed: true, dials: 'start', taskAttempts: 3 });
    expect(numbers(p)).toEqual([['13800000001', 3]]);
    expect(p.windows).toEqual([{ field: 'StartTime', from: beijing(2026, 5, 18, 9), to: beijing(2026, 5, 18, 23) }]);
    expect(plan('volcengine.CreateTask', { ...input, Start: false })).toMatchObject({ billed: false, dials: 'none' });
  });

  it('volcengine.UpdateTask moves a task\'s window: judged as a window, on the named task', () => {
    const p = plan('volcengine.UpdateTask', { TaskOpenId: 'T1', StartTime: '2026-05-18 20:00:00', EndTime: '2026-05-19 02:00:00', Concurrency: 1, RingAgainTimes: 1 });
    expect(p).toMatchObject({ billed: false, taskKey: 'volcengine:T1', taskAttempts: 2 });
    expect(p.windows).toEqual([{ field: 'StartTime', from: beijing(2026, 5, 18, 20), to: beijing(2026, 5, 19, 2) }]);
  });

  it('outboundbot.ModifyJobGroup workingTime sets the daily window of a running campaign', () => {
    const p = plan('outboundbot.ModifyJobGroup', { InstanceId: 'i-1', JobGroupId: 'g-1', Name: 'n', ScriptId: 's-1', StrategyJson: { workingTime: [{ beginTime: '06:00:00', endTime: '23:00:00' }] } });
    expect(p.windows).toEqual([{ field: 'StrategyJson.workingTime[0]', daily: { start: 360, end: 1380, zone: 'Asia/Shanghai' } }]);
    expect(p.taskKey).toBe('outboundbot:g-1');
  });

  it('a task started without a start time dials from now; a scheduled one from its (never past) start', () => {
    expect(plan('dyvms.StartRobotTask', { TaskId: '7' }).windows).toEqual([{ field: '(now)', from: NOW }]);
    expect(plan('dyvms.StartRobotTask', { TaskId: '7', ScheduleTime: '2026-05-18 22:00:00' }).windows).toEqual([{ field: 'ScheduleTime', from: beijing(2026, 5, 18, 22) }]);
    expect(plan('dyvms.StartRobotTask', { TaskId: '7', ScheduleTime: '2020-01-01 22:00:00' }).windows).toEqual([{ field: 'ScheduleTime', from: NOW }]);
  });

  it('dyvms.ExecuteCallTask dials only when it runs or schedules the task', () => {
    const timing = plan('dyvms.ExecuteCallTask', { TaskId: '9', Status: 'TIMING', FireTime: '2026.05.18 07:30:00' });
    expect(timing).toMatchObject({ billed: true, dials: 'start', taskKey: 'dyvms:9', windows: [{ field: 'FireTime', from: beijing(2026, 5, 18, 7, 30) }] });
    expect(plan('dyvms.ExecuteCallTask', { TaskId: '9', Status: 'STOP' })).toMatchObject({ billed: false, dials: 'none', windows: [] });
  });
});

describe('planOf: PBX effects per API version', () => {
  it('pbx.extension.playprompt rings an outside number on v2.0.0 only', () => {
    expect(plan('pbx.extension.playprompt', { extid: '013800000000', prompt: 'hi' }, 'v2.0.0')).toMatchObject({
      billed: true,
      dials: 'now',
      contacts: [{ raw: '013800000000', field: 'extid', kind: 'call', attempts: 1 }],
    });
    expect(plan('pbx.extension.playprompt', { extid: '1000', prompt: 'hi' }, 'v1.1.0')).toMatchObject({ billed: false, dials: 'none', contacts: [] });
  });

  it('pbx.extension.dial_extension on v2.0.0 dials caller and callee; an unknown version is judged as the worst', () => {
    const input = { caller: '1000', callee: '013800000000' };
    expect(numbers(plan('pbx.extension.dial_extension', input, 'v2.0.0'))).toEqual([
      ['1000', 1],
      ['013800000000', 1],
    ]);
    expect(plan('pbx.extension.dial_extension', input, 'v1.0.0')).toMatchObject({ billed: false, contacts: [] });
    expect(plan('pbx.extension.dial_extension', input)).toMatchObject({ billed: true, dials: 'now', contacts: [{ field: 'caller' }, { field: 'callee' }] });
  });

  it('pbx.extension.dial_outbound dials outto on 1.x, and the caller leg too on v2.0.0', () => {
    const input = { extid: '1000', outto: '013800000000' };
    expect(plan('pbx.extension.dial_outbound', input, 'v1.1.0').contacts.map((c) => c.field)).toEqual(['outto']);
    expect(plan('pbx.extension.dial_outbound', input, 'v2.0.0').contacts.map((c) => c.field)).toEqual(['extid', 'outto']);
  });
});
