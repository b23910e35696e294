import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../core/registry.js';
import { validateInput } from '../../core/validate.js';
import { DEFAULTS, parseCallingHours, readConfigFile, resolveConfig } from '../../mcp/guardrails/config.js';
import { Guard, GuardrailRefusal } from '../../mcp/guardrails/guard.js';
import { localTime, withinHours, zoneOf } from '../../mcp/guardrails/hours.js';
import { HOUR_MS, Ledger } from '../../mcp/guardrails/ledger.js';
import { calleesOf, globMatch, isEmergencyNumber, matchingPattern, numberVariants } from '../../mcp/guardrails/numbers.js';

const op = (id: string) => {
  const found = catalog.get(id);
  if (!found) throw new Error(`missing ${id}`);
  return found;
};

function refusal(fn: () => unknown): GuardrailRefusal {
  try {
    fn();
  } catch (error) {
    if (error instanceof GuardrailRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('configuration', () => {
  it('defaults are conservative', () => {
    const c = resolveConfig({}, {});
    expect(c).toMatchObject({ allowCalls: false, confirm: true, dryRun: false, readOnly: false, host: '127.0.0.1', timezone: 'Asia/Shanghai', maxConcurrentCalls: 5 });
    expect(c.callingHours?.text).toBe('09:00-20:00');
    expect(c.caps).toEqual(DEFAULTS.caps);
    expect(c.toolsets).toEqual(['calls', 'tasks', 'catalog']);
  });

  it('flags beat environment, environment beats the config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-mcp-'));
    const file = join(dir, 'mcp.json');
    writeFileSync(
      file,
      JSON.stringify({ allowCalls: true, denyNumbers: ['170*'], caps: { perDay: 10, perHour: 'unlimited' }, callingHours: '08:00-21:00', numberTimezones: { '+44*': 'Europe/London' } }),
    );
    const fromFile = resolveConfig({ config: file }, {});
    expect(fromFile).toMatchObject({ allowCalls: true, denyNumbers: ['170*'] });
    expect(fromFile.caps.perDay).toBe(10);
    expect(fromFile.caps.perHour).toBe(Number.POSITIVE_INFINITY);
    expect(fromFile.callingHours?.text).toBe('08:00-21:00');
    expect(fromFile.numberTimezones).toEqual([{ pattern: '+44*', timezone: 'Europe/London' }]);

    const env = { CALLBRIDGE_MCP_CONFIG: file, CALLBRIDGE_MCP_DENY_NUMBERS: '171*,172*', CALLBRIDGE_MCP_MAX_CALLS_PER_DAY: '20', CALLBRIDGE_MCP_CONFIRM: 'false' };
    const fromEnv = resolveConfig({}, env);
    expect(fromEnv.denyNumbers).toEqual(['171*', '172*']);
    expect(fromEnv.caps.perDay).toBe(20);
    expect(fromEnv.confirm).toBe(false);

    const fromFlags = resolveConfig({ 'deny-numbers': '9*', 'max-calls-per-day': '3', 'calling-hours': 'off' }, env);
    expect(fromFlags.denyNumbers).toEqual(['9*']);
    expect(fromFlags.caps.perDay).toBe(3);
    expect(fromFlags.callingHours).toBeNull();
  });

  it('rejects bad values with the setting named', () => {
    expect(() => resolveConfig({ 'calling-hours': '9am-5pm' }, {})).toThrow(/--calling-hours must look like 09:00-20:00/);
    expect(() => resolveConfig({ timezone: 'Mars/Olympus' }, {})).toThrow(/unknown time zone "Mars\/Olympus"/);
    expect(() => resolveConfig({ toolsets: 'calls,phones' }, {})).toThrow(/unknown toolset "phones"/);
    expect(() => resolveConfig({ 'allow-numbers': '138*,abc' }, {})).toThrow(/"abc" is not a number pattern/);
    expect(() => resolveConfig({}, { CALLBRIDGE_MCP_ALLOW_CALLS: 'maybe' })).toThrow(/CALLBRIDGE_MCP_ALLOW_CALLS must be true or false/);
    expect(() => resolveConfig({ 'max-calls-per-day': '-1' }, {})).toThrow(/whole number or "unlimited"/);
    const dir = mkdtempSync(join(tmpdir(), 'cb-mcp-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ allowCalls: true, callsAllowed: true }));
    expect(() => readConfigFile(join(dir, 'bad.json'))).toThrow(/callsAllowed/);
  });

  it('read-only switches billed calls off', () => {
    expect(resolveConfig({ 'read-only': true, 'allow-calls': true }, {}).allowCalls).toBe(false);
  });
});

describe('numbers', () => {
  it('glob patterns', () => {
    expect(globMatch('138*', '13800000000')).toBe(true);
    expect(globMatch('138*', '13900000000')).toBe(false);
    expect(globMatch('1380000000?', '13800000001')).toBe(true);
    expect(globMatch('+86*', '+8613800000000')).toBe(true);
  });
  it('matches national and international forms of the same number', () => {
    expect(numberVariants('+86 138-0000-0000')).toEqual(expect.arrayContaining(['+8613800000000', '8613800000000', '13800000000']));
    expect(matchingPattern(['138*'], '+8613800000000')).toBe('138*');
    expect(matchingPattern(['138*'], '008613800000000')).toBe('138*');
    expect(matchingPattern(['+8613*'], '008613800000000')).toBe('+8613*');
    expect(matchingPattern(['138*'], '+4413800000000')).toBeUndefined();
  });
  it('emergency numbers in any form', () => {
    for (const n of ['110', '120', '911', '+112', '999']) expect(isEmergencyNumber(n)).toBe(true);
    expect(isEmergencyNumber('13800000000')).toBe(false);
  });
  it('finds the callees in any operation input, never caller IDs', () => {
    const tts = validateInput(op('dyvms.SingleCallByTts'), { CalledNumber: '13800000000', CalledShowNumber: '057100000000', TtsCode: 'TTS_1' });
    expect(calleesOf(op('dyvms.SingleCallByTts'), tts)).toEqual(['13800000000']);
    const upload = validateInput(op('dyvms.UploadRobotTaskCalledFile'), { Id: '1', CalledNumber: ['13800000001', '13800000002'] });
    expect(calleesOf(op('dyvms.UploadRobotTaskCalledFile'), upload).sort()).toEqual(['13800000001', '13800000002']);
    const jobs = validateInput(op('outboundbot.AssignJobs'), {
      InstanceId: 'i',
      JobGroupId: 'g',
      JobsJson: [{ contacts: [{ phonenumber: '13800000003' }] }],
      CallingNumber: ['95187'],
    });
    expect(calleesOf(op('outboundbot.AssignJobs'), jobs)).toEqual(['13800000003']);
    const volc = validateInput(op('volcengine.BatchAppend'), { TaskOpenId: 't', PhoneList: [{ Phone: '13800000004' }] });
    expect(calleesOf(op('volcengine.BatchAppend'), volc)).toEqual(['13800000004']);
    const pbx = validateInput(op('pbx.outbound.playprompt'), { outto: '13800000005', prompt: 'hello', fromext: '1001' });
    expect(calleesOf(op('pbx.outbound.playprompt'), pbx)).toEqual(['13800000005']);
    const task = validateInput(op('dyvms.CreateCallTask'), {
      TaskName: 't',
      BizType: 'VMS_VOICE_TTS',
      TemplateCode: 'TTS_1',
      Resource: '057100000000',
      DataType: 'LIST',
      Data: ['13800000006', '13800000007'],
    });
    expect(calleesOf(op('dyvms.CreateCallTask'), task).sort()).toEqual(['13800000006', '13800000007']);
  });
});

describe('calling hours', () => {
  it('reads local time in the callee zone with Intl', () => {
    const at = Date.parse('2026-03-03T02:30:00Z');
    expect(localTime(at, 'Asia/Shanghai').text).toBe('10:30');
    expect(localTime(at, 'Europe/London').text).toBe('02:30');
    expect(localTime(at, 'America/New_York').text).toBe('21:30');
  });
  it('windows, including over midnight', () => {
    const day = parseCallingHours('09:00-20:00');
    expect(day && withinHours(day, 9 * 60)).toBe(true);
    expect(day && withinHours(day, 20 * 60)).toBe(false);
    const night = parseCallingHours('22:00-06:00');
    expect(night && withinHours(night, 23 * 60)).toBe(true);
    expect(night && withinHours(night, 5 * 60)).toBe(true);
    expect(night && withinHours(night, 12 * 60)).toBe(false);
    expect(parseCallingHours('off')).toBeNull();
  });
  it('per-number time zones', () => {
    const zones = [{ pattern: '+44*', timezone: 'Europe/London' }];
    expect(zoneOf('+447700900000', 'Asia/Shanghai', zones)).toBe('Europe/London');
    expect(zoneOf('13800000000', 'Asia/Shanghai', zones)).toBe('Asia/Shanghai');
  });
});

describe('Guard', () => {
  const day = Date.parse('2026-03-03T10:00:00+08:00');
  const make = (flags: Parameters<typeof resolveConfig>[0] = {}, at = day) => {
    let now = at;
    const ledger = new Ledger(() => now);
    const guard = new Guard(resolveConfig({ 'allow-calls': true, ...flags }, {}), ledger, () => now);
    return { guard, ledger, advance: (ms: number) => (now += ms) };
  };
  const tts = (number: string) => validateInput(op('dyvms.SingleCallByTts'), { CalledNumber: number, TtsCode: 'TTS_1' });

  it('billed calls are off by default, reads always pass', () => {
    const guard = new Guard(resolveConfig({}, {}), new Ledger(() => day), () => day);
    const r = refusal(() => guard.check(op('dyvms.SingleCallByTts'), tts('13800000000')));
    expect(r.rule).toBe('allow-calls');
    expect(r.message).toMatch(/To change this: restart the server with --allow-calls/);
    expect(guard.check(op('dyvms.QueryRobotv2AllList'), {}).billed).toBe(false);
    // dry-run previews are allowed without --allow-calls
    expect(guard.check(op('dyvms.SingleCallByTts'), tts('13800000000'), { dryRun: true }).billed).toBe(true);
  });

  it('number rules: emergency, deny, allow', () => {
    const { guard } = make({ 'allow-numbers': '138*', 'deny-numbers': '1380000000?' });
    expect(refusal(() => guard.check(op('dyvms.SingleCallByTts'), tts('120'))).rule).toBe('emergency-numbers');
    expect(refusal(() => guard.check(op('dyvms.SingleCallByTts'), tts('13800000001'))).rule).toBe('deny-numbers');
    const allow = refusal(() => guard.check(op('dyvms.SingleCallByTts'), tts('13900000000')));
    expect(allow.rule).toBe('allow-numbers');
    expect(allow.howToChange).toMatch(/--allow-numbers/);
    expect(guard.check(op('dyvms.SingleCallByTts'), tts('13812345678')).dialled).toEqual(['13812345678']);
    // writes that add callees obey the number rules too, though they are not billed
    const upload = validateInput(op('dyvms.UploadRobotTaskCalledFile'), { Id: '1', CalledNumber: ['13812345678', '13900000000'] });
    expect(refusal(() => guard.check(op('dyvms.UploadRobotTaskCalledFile'), upload)).rule).toBe('allow-numbers');
  });

  it('calling hours in the callee zone, also for scheduled starts', () => {
    const night = Date.parse('2026-03-03T23:30:00+08:00');
    const { guard } = make({}, night);
    const r = refusal(() => guard.check(op('dyvms.SingleCallByTts'), tts('13800000000')));
    expect(r.rule).toBe('calling-hours');
    expect(r.reason).toMatch(/it is 23:30 now in Asia\/Shanghai/);
    const { guard: g2, ledger } = make({}, day);
    ledger.addTaskNumbers('dyvms:42', ['13800000000'], false);
    const start = validateInput(op('dyvms.StartRobotTask'), { TaskId: '42', ScheduleTime: '2026-03-04 02:00:00' });
    expect(refusal(() => g2.check(op('dyvms.StartRobotTask'), start)).reason).toMatch(/02:00 at the scheduled start/);
  });

  it('caps per number and in total, over rolling windows', () => {
    const { guard, advance } = make({ 'max-per-number-per-hour': '1', 'max-calls-per-hour': '3', 'max-concurrent-calls': 'unlimited' });
    guard.reserve(guard.check(op('dyvms.SingleCallByTts'), tts('13800000001')));
    expect(refusal(() => guard.check(op('dyvms.SingleCallByTts'), tts('13800000001'))).rule).toBe('max-per-number-per-hour');
    guard.reserve(guard.check(op('dyvms.SingleCallByTts'), tts('13800000002')));
    guard.reserve(guard.check(op('dyvms.SingleCallByTts'), tts('13800000003')));
    expect(refusal(() => guard.check(op('dyvms.SingleCallByTts'), tts('13800000004'))).rule).toBe('max-calls-per-hour');
    advance(HOUR_MS + 1);
    expect(guard.check(op('dyvms.SingleCallByTts'), tts('13800000001')).billed).toBe(true);
  });

  it('concurrent calls until results are seen final', () => {
    const { guard, ledger } = make({ 'max-concurrent-calls': '1' });
    const reservation = guard.reserve(guard.check(op('dyvms.SingleCallByTts'), tts('13800000001')));
    ledger.attachCallIds(reservation.ids, ['call-1']);
    expect(refusal(() => guard.check(op('dyvms.SingleCallByTts'), tts('13800000002'))).rule).toBe('max-concurrent-calls');
    ledger.markEnded('call-1');
    expect(guard.check(op('dyvms.SingleCallByTts'), tts('13800000002')).direct).toBe(true);
  });

  it('a released reservation (vendor refused the request) does not count', () => {
    const { guard } = make({ 'max-calls-per-hour': '1' });
    const reservation = guard.reserve(guard.check(op('dyvms.SingleCallByTts'), tts('13800000001')));
    guard.release(reservation);
    expect(guard.check(op('dyvms.SingleCallByTts'), tts('13800000002')).billed).toBe(true);
  });

  it('task starts count the callees added through the server, once; unknown tasks are refused', () => {
    const { guard, ledger } = make({ 'max-calls-per-hour': '2' });
    const start = validateInput(op('dyvms.StartRobotTask'), { TaskId: '7' });
    expect(refusal(() => guard.check(op('dyvms.StartRobotTask'), start)).rule).toBe('unknown-callees');
    ledger.addTaskNumbers('dyvms:7', ['13800000001', '13800000002', '13800000003'], false);
    expect(refusal(() => guard.check(op('dyvms.StartRobotTask'), start)).rule).toBe('max-calls-per-hour');
    const { guard: g2, ledger: l2 } = make();
    l2.addTaskNumbers('dyvms:7', ['13800000001'], false);
    const plan = g2.check(op('dyvms.StartRobotTask'), start);
    expect(plan.dialled).toEqual(['13800000001']);
    g2.reserve(plan);
    l2.markTaskCounted('dyvms:7', plan.dialled);
    expect(g2.check(op('dyvms.StartRobotTask'), start).dialled).toEqual([]);
  });

  it('stopping a task is not billed; starting one is', () => {
    const off = new Guard(resolveConfig({}, {}), new Ledger(() => day), () => day);
    expect(off.check(op('dyvms.ExecuteCallTask'), validateInput(op('dyvms.ExecuteCallTask'), { TaskId: '1', Status: 'STOP' })).billed).toBe(false);
    expect(refusal(() => off.check(op('dyvms.ExecuteCallTask'), validateInput(op('dyvms.ExecuteCallTask'), { TaskId: '1', Status: 'RUNNING' }))).rule).toBe('allow-calls');
  });

  it('a Concurrency parameter above the limit is refused', () => {
    const { guard } = make({ 'max-concurrent-calls': '5' });
    const input = validateInput(op('volcengine.CreateTask'), {
      Name: 'x',
      Type: 1,
      Resource: 'r',
      NumberPoolNo: 'NP1',
      Start: false,
      StartTime: '2026-03-03 09:00:00',
      EndTime: '2026-03-03 18:00:00',
      Concurrency: 50,
    });
    expect(refusal(() => guard.check(op('volcengine.CreateTask'), input)).rule).toBe('max-concurrent-calls');
  });

  it('read-only refuses every write', () => {
    const guard = new Guard(resolveConfig({ 'read-only': true }, {}), new Ledger(() => day), () => day);
    expect(refusal(() => guard.check(op('dyvms.StopRobotTask'), { TaskId: '1' })).rule).toBe('read-only');
  });
});

describe('Ledger state file', () => {
  it('survives a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-ledger-'));
    const file = join(dir, 'state.json');
    const now = Date.now();
    const a = new Ledger(() => now, file);
    a.add([{ number: '13800000001', operation: 'dyvms.SingleCallByTts', kind: 'call' }]);
    a.addTaskNumbers('dyvms:1', ['13800000002'], false);
    const b = new Ledger(() => now + 1000, file);
    expect(b.count(HOUR_MS, '13800000001')).toBe(1);
    expect(b.taskNumbers('dyvms:1')).toEqual({ all: ['13800000002'], uncounted: ['13800000002'] });
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
  });
});
