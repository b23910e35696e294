// The node descriptions speak the editor's language: operations by their action names, no wire forms.
import type { INodeProperties } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { AlibabaCloudOutboundBot } from '../../nodes/AlibabaCloudOutboundBot/AlibabaCloudOutboundBot.node.js';
import { AlibabaCloudVoice } from '../../nodes/AlibabaCloudVoice/AlibabaCloudVoice.node.js';
import { Pbx } from '../../nodes/Pbx/Pbx.node.js';
import { VolcengineVoice } from '../../nodes/VolcengineVoice/VolcengineVoice.node.js';
import { errorInN8nWords, inN8nWords } from '../../nodes/shared/wording.js';

/** Every description and display text of a node, options and collection entries included. */
function texts(props: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const p of props as Array<Partial<INodeProperties> & { values?: unknown[] }>) {
    for (const text of [p.description, p.displayName, p.hint]) if (typeof text === 'string') out.push(text);
    if (Array.isArray(p.options)) out.push(...texts(p.options));
    if (Array.isArray(p.values)) out.push(...texts(p.values));
  }
  return out;
}

describe('descriptions in n8n words', () => {
  it('names operations by their action and drops how a value goes on the wire', () => {
    expect(inN8nWords('Outbound-bot instance ID (a UUID); get it from outboundbot.ListInstances.')).toBe('Outbound-bot instance ID (a UUID); get it from "List outbound-bot instances".');
    expect(inN8nWords('Caller numbers, as a list; sent as CallingNumber.1, CallingNumber.2, ... Use numbers registered in this instance.')).toBe(
      'Caller numbers, as a list. Use numbers registered in this instance.',
    );
    expect(inN8nWords('ID of the robot task (sent as text; this API types it String, the others Long).')).toBe('ID of the robot task.');
    expect(inN8nWords('At most 2048 characters as JSON. Sent as an object.')).toBe('At most 2048 characters as JSON.');
    expect(inN8nWords('Caller numbers. The vendor example\'s CallingNumbers=["95187"] (plural, JSON) is not the documented form. Pick one.')).toBe('Caller numbers. Pick one.');
  });

  it('error messages lead with what happened, name no operation id and have no doubled full stop', () => {
    expect(errorInN8nWords('dyvms.SingleCallByTts failed: isv.TTS_TEMPLATE_ILLEGAL: The template is illegal.', 'dyvms.SingleCallByTts')).toBe(
      'The service refused the request: isv.TTS_TEMPLATE_ILLEGAL: The template is illegal.',
    );
    expect(errorInN8nWords('Invalid input for dyvms.SingleCallByTts; nothing was sent. CalledNumber: not a phone number', 'dyvms.SingleCallByTts')).toBe(
      'Invalid input; nothing was sent. CalledNumber: not a phone number',
    );
    expect(errorInN8nWords('outboundbot.StartJob: no answer from outboundbot: socket hang up. Check with outboundbot.QueryJobs..', 'outboundbot.StartJob')).toBe(
      'No answer from outboundbot: socket hang up. Check with "Search jobs".',
    );
  });

  it.each([
    ['Alibaba Cloud Voice', new AlibabaCloudVoice()],
    ['Alibaba Cloud Outbound Bot', new AlibabaCloudOutboundBot()],
    ['Volcengine Voice', new VolcengineVoice()],
    ['PBX', new Pbx()],
  ])('%s: no operation id, no "sent as Name.1" form, no double full stop', (_name, node) => {
    const all = texts(node.description.properties);
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((t) => /\b(?:outboundbot|dyvms|volcengine|pbx)\.[A-Za-z]/.test(t))).toEqual([]);
    expect(all.filter((t) => /sent as \w+\.(?:1|N)\b/i.test(t))).toEqual([]);
    expect(all.filter((t) => /[^.]\.\.(?!\.)/.test(t))).toEqual([]);
  });
});
