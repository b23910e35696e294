// The node descriptions speak the editor's language: operations by their action names, no wire forms.
import type { INodeProperties } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { AlibabaCloudOutboundBot } from '../../nodes/AlibabaCloudOutboundBot/AlibabaCloudOutboundBot.node.js';
import { AlibabaCloudVoice } from '../../nodes/AlibabaCloudVoice/AlibabaCloudVoice.node.js';
import { CallbridgeAlibabaCloudApi } from '../../credentials/CallbridgeAlibabaCloudApi.credentials.js';
import { CallbridgePbxApi } from '../../credentials/CallbridgePbxApi.credentials.js';
import { CallbridgeVolcengineApi } from '../../credentials/CallbridgeVolcengineApi.credentials.js';
import { CallReceiptTrigger } from '../../nodes/CallReceiptTrigger/CallReceiptTrigger.node.js';
import { Pbx } from '../../nodes/Pbx/Pbx.node.js';
import { VolcengineVoice } from '../../nodes/VolcengineVoice/VolcengineVoice.node.js';
import { errorInN8nWords, inN8nWords } from '../../nodes/shared/wording.js';

/** Every description, display text and placeholder of a node, options, collection entries and locator modes included. */
function texts(props: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const p of props as Array<Partial<INodeProperties> & { values?: unknown[] }>) {
    for (const text of [p.description, p.displayName, p.hint, p.placeholder]) if (typeof text === 'string') out.push(text);
    if (Array.isArray(p.options)) out.push(...texts(p.options));
    if (Array.isArray(p.values)) out.push(...texts(p.values));
    if (Array.isArray(p.modes)) out.push(...texts(p.modes));
  }
  return out;
}

/** CLI and wire terms that mean nothing in the editor, each with what it catches. */
const JARGON: Array<[string, RegExp]> = [
  ['an operation id', /\b(?:outboundbot|dyvms|volcengine|pbx)\.[A-Za-z]/],
  ['how a value is sent', /\bsent as\b/i],
  ['a wire encoding', /\bJSON-encoded\b/i],
  ['a numbered wire parameter (Name.1, Name.N)', /\b[A-Za-z]+\.(?:1|N)\b/],
  ['a command-line flag', /(?:^|\s)--[a-z]/],
  ['a callbridge command line', /\bcallbridge [a-z]+ (?:--|[a-z]+ --)/],
  ['a double full stop', /[^.]\.\.(?!\.)/],
  ['"a" before a vowel', /\bSelect a [AEIOU]/],
];

const jargonIn = (all: string[]) => JARGON.flatMap(([what, pattern]) => all.filter((t) => pattern.test(t)).map((t) => `${what}: ${t}`));

describe('descriptions in n8n words', () => {
  it('names operations by their action and drops how a value goes on the wire', () => {
    expect(inN8nWords('Outbound-bot instance ID (a UUID); get it from outboundbot.ListInstances.')).toBe('Outbound-bot instance ID (a UUID); get it from "List outbound-bot instances".');
    expect(inN8nWords('Caller numbers, as a list; sent as CallingNumber.1, CallingNumber.2, ... Use numbers registered in this instance.')).toBe(
      'Caller numbers, as a list. Use numbers registered in this instance.',
    );
    expect(inN8nWords('ID of the robot task (sent as text; this API types it String, the others Long).')).toBe('ID of the robot task.');
    expect(inN8nWords('At most 2048 characters as JSON. Sent as an object.')).toBe('At most 2048 characters as JSON.');
    expect(inN8nWords('Caller numbers. The vendor example\'s CallingNumbers=["95187"] (plural, JSON) is not the documented form. Pick one.')).toBe('Caller numbers. Pick one.');
    expect(inN8nWords('The flow graph, as an object; replaces the stored graph entirely and is sent as one JSON string.')).toBe('The flow graph, as an object; replaces the stored graph entirely.');
    expect(inN8nWords('Required. "draft" keeps it. The boolean is inverted, so words are taken here and sent as the vendor\'s value: draft -> true. A boolean is refused.')).toBe(
      'Required. "draft" keeps it. A boolean is refused.',
    );
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
  ])('%s: no CLI or wire terms in any field text', (_name, node) => {
    const all = [node.description.description, ...texts(node.description.properties)];
    expect(all.length).toBeGreaterThan(50);
    expect(jargonIn(all)).toEqual([]);
  });

  it.each([
    ['Call Receipt Trigger', new CallReceiptTrigger().description],
    ['Alibaba Cloud API', new CallbridgeAlibabaCloudApi()],
    ['Volcengine API', new CallbridgeVolcengineApi()],
    ['PBX API', new CallbridgePbxApi()],
  ])('%s: no CLI or wire terms in any field text', (_name, described) => {
    const all = texts(described.properties);
    expect(all.length).toBeGreaterThan(5);
    expect(jargonIn(all)).toEqual([]);
  });

  it('the jargon rules catch what they are for', () => {
    for (const text of [
      'get it from outboundbot.ListInstances',
      'sent as CallingNumber.1, CallingNumber.2',
      'a JSON-encoded list',
      'callbridge mcp --http --store redis://…',
      'Select a Instance...',
      'Done..',
    ]) expect(jargonIn([text]), text).not.toEqual([]);
    expect(jargonIn(['Select an Instance...', 'Caller numbers, as a list.', 'Emergency numbers (110, 120, … in any written form)', 'e.g. a callbridge sandbox or a proxy'])).toEqual([]);
  });
});
