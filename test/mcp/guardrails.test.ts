import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfigFile } from '../../mcp/guardrails/config.js';
import { DEFAULTS, resolveConfig } from '../../mcp/guardrails/config.js';

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

  it('a config file that is not JSON is named by line and column, never echoed (it may hold a token)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-mcp-'));
    const secret = 'tok-9f8e7d6c5b4a';
    writeFileSync(join(dir, 'broken.json'), `{\n  "token": "${secret}",\n  "allowCalls": yes\n}\n`);
    let message = '';
    try {
      readConfigFile(join(dir, 'broken.json'));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('is not valid JSON (line 3, column 17)');
    expect(message).not.toContain(secret);
    expect(message).not.toContain('yes');
  });

  it('an empty allow list allows nobody; an absent one allows anyone', () => {
    expect(resolveConfig({ 'allow-numbers': '' }, {}).allowNumbers).toEqual([]);
    expect(resolveConfig({}, { CALLBRIDGE_MCP_ALLOW_NUMBERS: '' }).allowNumbers).toEqual([]);
    expect(resolveConfig({}, {}).allowNumbers).toBeUndefined();
  });

  it('read-only switches billed calls off', () => {
    expect(resolveConfig({ 'read-only': true, 'allow-calls': true }, {}).allowCalls).toBe(false);
  });
});
