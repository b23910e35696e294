// PBX fidelity: every PBX operation, on each API version with public pages, is compared with a table
// transcribed by hand from those pages (test/fixtures/fidelity/pbx.json: Yeastar S-Series/K2/Cloud PBX 1.x
// v1.1.0, Yeastar S-Series API 2.0 v2.0.0, OpenVox UC v0.0.1 and seed 000): path, method, query, parameter
// names, required flags, value rules and response fields. Every difference is fixed or listed below with the
// reason it is intended. Not compared: v1.0.0 (no page of its own; it shares the 1.x names) and parameter
// types (the pages' own examples send every value as a JSON string, as the catalog does).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operations } from '../../core/catalog/index.js';
import type { PbxApiVersion } from '../../core/operation.js';
import { pbxDifferences, type PbxTable } from './fidelity/pbx-compare.js';

const table = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'fidelity', 'pbx.json'), 'utf8')) as { operations: PbxTable }).operations;
const VERSIONS: PbxApiVersion[] = ['v0.0.1', 'v1.1.0', 'v2.0.0'];

const R = {
  OPENVOX_TYPE: 'the OpenVox pages add type=json|xml to the query; JSON is the default there (seed 000, of the same family, sends no type), and callbridge always sends JSON',
  OTHER_VERSION: 'the output is shared by the API versions (loose objects): a field of another version\'s page is simply absent here',
  NOT_RETURNED: 'documented by the later versions; optional in the output, and its description says the v0.0.1 API does not return it',
  URLTAG: 'the English 1.x heartbeat pages spell it urlflag, the Chinese S1000 page and every login page urltag; callbridge sends urltag (the sandbox accepts both)',
  PORT_65536: 'deliberately stricter: the pages say 0 ~ 65536, but 65536 is not a TCP port',
  CASE: 'deliberately stricter: the page lists "Yes"/"No" but its own examples and every other page send lowercase "no"; callbridge takes yes/no (or true/false) and sends lowercase',
  DIALPERMISSION_EXT: 'not offered: dialpermission is needed only when caller is not an extension; this operation\'s caller is always an extension (extid)',
  DIALPERMISSION_PROMPT: 'not offered here: pbx.extension.playprompt rings an extension; outside numbers with another extension\'s permission are pbx.outbound.playprompt (fromext, sent as dialpermission)',
  DIALPERMISSION_DIAL: 'not offered: pbx.extension.dial_extension dials from an extension (the page needs dialpermission only when caller is not one); a caller that is an IVR, queue or outside number is not supported',
  ID_LIST: 'the page\'s own text contradicts its table: sending no ID queries all calls (its Required flag is a page error); callbridge sends none for all',
  FROMEXT_V001: 'sent only when given: seed 000 documents no fromext for v0.0.1; the field\'s description says it is for v1.0.0 and later',
  REFRESHTOKEN: 'Cloud PBX login only (the S-Series page has no refreshtoken); optional in the output and never returned to callers (a secret)',
  PROMPT_DIGITS: 'deliberately stricter: the page\'s own rule says each file name must contain a letter, which its example "1+queue1+queue2" breaks; callbridge applies the rule',
} as const;

/** `${operation} ${version}` -> difference -> why it is intended. */
const KNOWN: Record<string, Record<string, string>> = {
  'pbx.login v1.1.0': {
    'param port: the docs allow 65536, the catalog refuses it': R.PORT_65536,
    'response transport: in the catalog, not in the docs': R.OTHER_VERSION,
  },
  'pbx.login v2.0.0': {
    'response refreshtoken: in the catalog, not in the docs': R.REFRESHTOKEN,
  },
  'pbx.heartbeat v1.1.0': {
    'param urlflag: in the docs, not in the catalog': R.URLTAG,
    'param urltag: in the catalog, not in the docs': R.URLTAG,
    'param port: the docs allow 65536, the catalog refuses it': R.PORT_65536,
  },
  'pbx.extensionlist.query v1.1.0': {
    'response extlist.number: in the catalog, not in the docs': R.OTHER_VERSION,
    'response extlist.port: in the catalog, not in the docs': R.OTHER_VERSION,
  },
  'pbx.extensionlist.query v2.0.0': {
    'response extlist.extnumber: in the catalog, not in the docs': R.OTHER_VERSION,
  },
  'pbx.extension.query v0.0.1': {
    'query type: in the docs, not in the catalog': R.OPENVOX_TYPE,
  },
  'pbx.extension.dial_outbound v0.0.1': {
    'query type: in the docs, not in the catalog': R.OPENVOX_TYPE,
    'response callid: in the catalog, not in the docs': R.NOT_RETURNED,
  },
  'pbx.extension.dial_outbound v2.0.0': {
    'param dialpermission: in the docs, not in the catalog': R.DIALPERMISSION_EXT,
  },
  'pbx.extension.dial_extension v2.0.0': {
    'param dialpermission: in the docs, not in the catalog': R.DIALPERMISSION_DIAL,
  },
  'pbx.extension.playprompt v0.0.1': {
    'param autoanswer: the docs allow "Yes", the catalog refuses it': R.CASE,
    'param autoanswer: the docs allow "No", the catalog refuses it': R.CASE,
  },
  'pbx.extension.playprompt v1.1.0': {
    'param autoanswer: the docs allow "Yes", the catalog refuses it': R.CASE,
    'param autoanswer: the docs allow "No", the catalog refuses it': R.CASE,
    'param prompt: the docs allow "1+queue1+queue2", the catalog refuses it': R.PROMPT_DIGITS,
  },
  'pbx.extension.playprompt v2.0.0': {
    'param dialpermission: in the docs, not in the catalog': R.DIALPERMISSION_PROMPT,
  },
  'pbx.outbound.playprompt v0.0.1': {
    'param fromext: in the catalog, not in the docs': R.FROMEXT_V001,
    'response callid: in the catalog, not in the docs': R.NOT_RETURNED,
  },
  'pbx.outbound.query v0.0.1': {
    'query type: in the docs, not in the catalog': R.OPENVOX_TYPE,
    'param outboundid: required in the docs, optional in the catalog': R.ID_LIST,
    'response calls: in the catalog, not in the docs': R.OTHER_VERSION,
  },
  'pbx.outbound.query v2.0.0': {
    'response outbound: in the catalog, not in the docs': R.OTHER_VERSION,
  },
  'pbx.inbound.query v1.1.0': {
    'param inboundid: required in the docs, optional in the catalog': R.ID_LIST,
    'response calls: in the catalog, not in the docs': R.OTHER_VERSION,
    'response inbound.callee: in the docs, not in the catalog': R.OTHER_VERSION,
  },
  'pbx.inbound.query v2.0.0': {
    'response inbound: in the catalog, not in the docs': R.OTHER_VERSION,
  },
  'pbx.outbound.hangup v1.1.0': {
    'response callid: in the catalog, not in the docs': R.NOT_RETURNED,
  },
  'pbx.inbound.hangup v0.0.1': {
    'query type: in the docs, not in the catalog': R.OPENVOX_TYPE,
    'response callid: in the catalog, not in the docs': R.NOT_RETURNED,
  },
  'pbx.extension.hangup v0.0.1': {
    'query type: in the docs, not in the catalog': R.OPENVOX_TYPE,
    'response callid: in the catalog, not in the docs': R.NOT_RETURNED,
  },
};

const pbxOps = operations.filter((op) => op.product === 'pbx');

it('has a table entry, or the reason there is none, for every PBX operation on each version', () => {
  for (const op of pbxOps) {
    for (const version of VERSIONS) {
      const entry = table[op.id]?.[version];
      expect(entry, `${op.id} ${version}`).toBeDefined();
      if (entry && 'unverified' in entry) expect(entry.unverified.length).toBeGreaterThan(20);
      else expect(entry?.pages.length, `${op.id} ${version} names its pages`).toBeGreaterThan(0);
    }
  }
  expect(Object.keys(table).filter((id) => !pbxOps.some((op) => op.id === id))).toEqual([]);
});

it('names each source page by URL or seed file', () => {
  for (const entry of Object.values(table).flatMap((byVersion) => Object.values(byVersion))) {
    if ('unverified' in entry) continue;
    for (const page of entry.pages) expect(page).toMatch(/^(https:\/\/help\.(yeastar\.com|openvox\.cn)\/|seed:000_[0-9a-f]+\.txt$)/);
  }
});

describe.each(pbxOps.map((op) => [op.id, op] as const))('%s against the pages', (id, op) => {
  it.each(VERSIONS)('%s matches the pages or lists why not', (version) => {
    const entry = table[id][version];
    if ('unverified' in entry) {
      expect(KNOWN[`${id} ${version}`], 'an unverified version has nothing to list').toBeUndefined();
      return;
    }
    expect(pbxDifferences(op, version, entry)).toEqual(Object.keys(KNOWN[`${id} ${version}`] ?? {}).sort());
  });
});

it('lists known differences only for compared operations and versions', () => {
  const compared = pbxOps.flatMap((op) => VERSIONS.filter((v) => !('unverified' in table[op.id][v])).map((v) => `${op.id} ${v}`));
  expect(Object.keys(KNOWN).filter((key) => !compared.includes(key))).toEqual([]);
});
