// Every operation that makes a vendor dial or message someone declares it (effects), and every declared
// path names a field of its input. Which endpoints dial is decided here, apart from the declarations:
// from the vendor docs (seeds and the public pages in each definition's docUrl) and from field names.
import { describe, expect, it } from 'vitest';
import type { AnyOperation, PbxApiVersion, Product } from '../../core/operation.js';
import { PBX_API_VERSIONS } from '../../core/operation.js';
import { effectsFor } from '../../core/policy/plan.js';
import type { Effects } from '../../core/policy/types.js';
import { catalog } from '../../core/registry.js';
import { pbxPath } from '../../core/vendors/pbx/index.js';
import { schemaHasPath } from './schema-paths.js';

/** Vendor actions (PBX: API paths) that place calls, start dialling, or send messages, per the vendor docs. */
const DIALLING: Record<Product, string[]> = {
  // seed 002: the single calls, task starts, SMS (§12.8); callee uploads and task callee lists are dialled by the task
  dyvms: ['SingleCallByTts', 'SingleCallByVoice', 'IvrCall', 'SmartCall', 'StartRobotTask', 'ExecuteCallTask', 'SendVerification', 'UploadRobotTaskCalledFile', 'CreateCallTask'],
  // seed 003: jobs assigned, started, submitted, resumed
  outboundbot: ['StartJob', 'AssignJobs', 'CreateBatchJobs', 'ModifyBatchJobs', 'SubmitBatchJobs', 'ResumeJobs'],
  // seed 004 and the Volcengine Voice pages
  volcengine: ['SingleBatchAppend', 'CreateTask', 'BatchAppend', 'ResumeTask'],
  // seed 000 and the Yeastar pages: the 1.x dial and prompt calls, and API 2.0's call/dial and call/playprompt (any number)
  pbx: ['extension/dial_outbound', 'outbound/playprompt', 'call/dial', 'call/playprompt'],
};

/** Endpoints that dial only people already in a task: they feed the task, which dials when it runs. */
const FEEDS_TASK = new Set(['dyvms.UploadRobotTaskCalledFile', 'dyvms.CreateCallTask']);

/** Input field names that hold a number to call or message, or a roster of them. */
const CALLEE_NAME = /^(called(number|num)?|callee|phone(number)?|outto|target|mobile)$/i;
const ROSTER_NAME = /file(path|url)?$/i;

/** Writes with such fields that make no vendor dial anyone, and why. */
const NOT_DIALLING: Record<string, string> = {
  'dyvms.AddVirtualNumberRelation': 'binds real numbers to a virtual number; nobody is called',
  'dyvms.SetTransferCalleePoolConfig': 'sets where inbound 400 calls are forwarded; the caller starts those calls',
  'dyvms.SubmitHotlineTransferRegister': 'files forwarding numbers with the regulator',
  'outboundbot.Dialogue': 'reports a turn of a call your own telephony placed',
  'outboundbot.RecordFailure': 'reports a call your own telephony failed to place',
};

const operations = [...catalog.values()];
const versions = (op: AnyOperation): Array<PbxApiVersion | undefined> => (op.product === 'pbx' ? [...PBX_API_VERSIONS] : [undefined]);
const endpoint = (op: AnyOperation, version: PbxApiVersion | undefined) => (version ? pbxPath(op, version) : op.action);

/** Whether the effects name whom the vendor dials or messages, or say that it starts dialling. */
function namesAnEffect(effects: Effects): boolean {
  return Boolean(effects.callees?.length || effects.messages?.length || effects.rosters?.length || effects.dials || effects.allTasks);
}

/** Field names anywhere in the input that look like a callee or a roster. */
function calleeLikeFields(op: AnyOperation): string[] {
  const names = new Set<string>();
  const collect = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'properties' && child !== null && typeof child === 'object') {
        for (const name of Object.keys(child)) if (CALLEE_NAME.test(name) || ROSTER_NAME.test(name)) names.add(name);
      }
      collect(child);
    }
  };
  collect(op.input.toJSONSchema({ io: 'input', unrepresentable: 'any' }));
  return [...names];
}

function declaredPaths(effects: Effects): string[] {
  const own = [
    ...(effects.callees ?? []),
    ...(effects.messages ?? []),
    ...(effects.rosters ?? []),
    ...(effects.task ?? []),
    ...(effects.attempts ?? []).map((a) => a.path),
    ...(effects.window ?? []).map((w) => w.path),
  ];
  return [...own, ...Object.values(effects.byVersion ?? {}).flatMap(declaredPaths)];
}

describe('declared effects', () => {
  it('every write or call operation that reaches a dialling or messaging endpoint declares whom it reaches, on every API version', () => {
    const missing: string[] = [];
    for (const op of operations.filter((o) => o.access !== 'read')) {
      for (const version of versions(op)) {
        if (DIALLING[op.product].includes(endpoint(op, version)) && !namesAnEffect(effectsFor(op, version))) missing.push(`${op.id}${version ? ` (${version})` : ''}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('an operation that can dial an outside number or send a message is `call`, unless it only feeds a task', () => {
    const dialling = operations.filter((op) => versions(op).some((v) => DIALLING[op.product].includes(endpoint(op, v))));
    expect(dialling.length).toBeGreaterThanOrEqual(23);
    expect(dialling.filter((op) => op.access !== 'call' && !FEEDS_TASK.has(op.id)).map((op) => op.id)).toEqual([]);
  });

  it('every write or call operation with a callee or roster field declares effects, or is known not to dial', () => {
    const undeclared = operations
      .filter((op) => op.access !== 'read' && calleeLikeFields(op).length > 0 && !op.effects)
      .map((op) => op.id)
      .filter((id) => !(id in NOT_DIALLING));
    expect(undeclared).toEqual([]);
    for (const id of Object.keys(NOT_DIALLING)) expect(catalog.get(id)?.effects, id).toBeUndefined();
  });

  it('every `call` operation declares effects', () => {
    expect(operations.filter((op) => op.access === 'call' && !op.effects).map((op) => op.id)).toEqual([]);
  });

  it('every declared path names a field of the input schema', () => {
    const wrong = operations.flatMap((op) => declaredPaths(op.effects ?? {}).filter((path) => !schemaHasPath(op.input, path)).map((path) => `${op.id}: ${path}`));
    expect(wrong).toEqual([]);
    expect(schemaHasPath(catalog.get('outboundbot.AssignJobs')!.input, 'JobsJson[].contacts[].phonenumber')).toBe(true);
    expect(schemaHasPath(catalog.get('outboundbot.AssignJobs')!.input, 'JobsJson[].contacts[].phoneNumber')).toBe(false);
  });

  it('reads no effects on a read', () => {
    expect(operations.filter((op) => op.access === 'read' && op.effects).map((op) => op.id)).toEqual([]);
  });
});
