// A misspelled argument is an error naming the closest declared argument; nothing is sent.
import { describe, expect, it } from 'vitest';
import { closestName } from '../../mcp/tools/unknown-arguments.js';
import { DAYTIME, startHarness, textOf } from './helpers/harness.js';

describe('unknown tool arguments', () => {
  it('place_call with tts_param (for tts_params) is refused, names tts_params, dials nobody', async () => {
    const h = await startHarness({ flags: { 'allow-calls': true, 'no-confirm': true }, now: () => DAYTIME });
    try {
      const r = await h.call('place_call', { provider: 'dyvms', to: '13800008001', tts_template: 'TTS_1', tts_param: { code: '1234' } });
      expect(r.isError).toBe(true);
      expect(textOf(r)).toContain('"tts_param" (did you mean "tts_params"?)');
      expect((await h.placedCalls()).filter((c) => c.number === '13800008001')).toHaveLength(0);
      // Spelled right, the same call goes through.
      const ok = await h.call('place_call', { provider: 'dyvms', to: '13800008001', tts_template: 'TTS_1', tts_params: { code: '1234' } });
      expect(ok.isError, textOf(ok)).toBeFalsy();
      expect((await h.placedCalls()).filter((c) => c.number === '13800008001')).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it('every tool declares its arguments strictly in tools/list', async () => {
    const h = await startHarness();
    try {
      for (const tool of (await h.mcp.listTools()).tools) expect(tool.inputSchema.additionalProperties, tool.name).toBe(false);
    } finally {
      await h.close();
    }
  });

  it('suggests only a close name', () => {
    expect(closestName('tts_param', ['tts_template', 'tts_params', 'to'])).toBe('tts_params');
    expect(closestName('callee', ['to', 'provider'])).toBeUndefined();
    expect(closestName('Provider', ['to', 'provider'])).toBe('provider');
  });
});
