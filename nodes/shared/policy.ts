// The call policy in the n8n nodes: core's pipeline with the rules set on the node's credential and a
// policy store in this n8n process's memory, one per credential. Counts are per process: n8n's queue-mode
// workers each count alone.
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import type { CallbridgeClient } from '../../core/client.js';
import type { PbxApiVersion, Product } from '../../core/operation.js';
import { Pipeline, type RunResult } from '../../core/pipeline.js';
import type { Invoke } from '../../core/providers/index.js';
import { MemoryStore } from '../../core/policy/memory-store.js';
import { DEFAULT_LIMITS, DEFAULT_REGIONS, type PolicySettings } from '../../core/policy/settings.js';
import { checkDialPrefix, checkPattern, checkRegion, checkTimezone, parseCallingHours } from '../../core/policy/setting-text.js';
import type { Limits } from '../../core/policy/types.js';
import { callPolicyProperties, POLICY_FIELD } from './policy-properties.js';
import { n8nRuntime } from './runtime.js';

type Creds = ICredentialDataDecryptedObject;

/** The display name of a policy field, as errors name it ("Calling Hours (credential)"). */
function label(field: string): string {
  const property = callPolicyProperties('pbx').find((p) => p.name === field);
  return `${property?.displayName ?? field} (credential)`;
}

function textOf(credentials: Creds, field: string, fallback = ''): string {
  const value = credentials[field];
  return typeof value === 'string' ? value.trim() : fallback;
}

function flagOf(credentials: Creds, field: string, fallback: boolean): boolean {
  const value = credentials[field];
  return typeof value === 'boolean' ? value : fallback;
}

/** A cap field: 0 means no limit; a credential saved before the field existed gets its default. */
function capOf(credentials: Creds, field: string, fallback: number): number {
  const value = credentials[field];
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : fallback;
  return n === 0 ? Number.POSITIVE_INFINITY : n;
}

function patternsOf(credentials: Creds, field: string): string[] {
  return textOf(credentials, field)
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((p) => checkPattern(p, label(field)));
}

/** The credential's call policy; a field that cannot be read is a configuration error naming it. */
export function credentialPolicy(credentials: Creds, product: Product): PolicySettings {
  const allowed = patternsOf(credentials, POLICY_FIELD.allowNumbers);
  const hoursText = textOf(credentials, POLICY_FIELD.callingHours);
  const limits: Limits = {
    perNumberPerHour: capOf(credentials, POLICY_FIELD.perNumberPerHour, 2),
    perNumberPerDay: capOf(credentials, POLICY_FIELD.perNumberPerDay, 5),
    perHour: capOf(credentials, POLICY_FIELD.perHour, 0),
    perDay: capOf(credentials, POLICY_FIELD.perDay, 0),
    maxConcurrentCalls: capOf(credentials, POLICY_FIELD.maxConcurrentCalls, 0),
    callMaxMs: DEFAULT_LIMITS.callMaxMs,
  };
  const pbx = product === 'pbx';
  const region = pbx ? checkRegion(textOf(credentials, POLICY_FIELD.pbxRegion, 'CN').toUpperCase() || 'CN', label(POLICY_FIELD.pbxRegion)) : undefined;
  return {
    readOnly: false,
    allowCalls: flagOf(credentials, POLICY_FIELD.allowCalls, true),
    // n8n has no one to ask mid-execution: the workflow builder configured the node explicitly.
    confirm: false,
    // An empty field is "not set" (any number not denied); there is no way to write an empty list apart from it.
    allowNumbers: allowed.length ? allowed : undefined,
    denyNumbers: patternsOf(credentials, POLICY_FIELD.denyNumbers),
    callingHours: hoursText ? parseCallingHours(hoursText, label(POLICY_FIELD.callingHours)) : null,
    timezone: checkTimezone(textOf(credentials, POLICY_FIELD.timezone, 'Asia/Shanghai') || 'Asia/Shanghai', label(POLICY_FIELD.timezone)),
    numberTimezones: [],
    limits,
    allowUnknownCallees: flagOf(credentials, POLICY_FIELD.allowUnknownCallees, true),
    regions: region ? { ...DEFAULT_REGIONS, pbx: region } : DEFAULT_REGIONS,
    pbxDialPrefixes: pbx
      ? textOf(credentials, POLICY_FIELD.pbxDialPrefixes)
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map((p) => checkDialPrefix(p, label(POLICY_FIELD.pbxDialPrefixes)))
      : [],
  };
}

/** One policy store per credential, for the life of this n8n process. */
const stores = new Map<string, MemoryStore>();

function storeFor(key: string): MemoryStore {
  let store = stores.get(key);
  if (!store) {
    store = new MemoryStore({ now: n8nRuntime.now, nonce: n8nRuntime.nonce });
    stores.set(key, store);
  }
  return store;
}

/** Which credential the node uses: its n8n ID (stable across renames), else its name. */
export function credentialKey(ctx: { getNode(): INode }, credentialType: string): string {
  const ref = ctx.getNode().credentials?.[credentialType];
  return `${credentialType}:${ref?.id ?? ref?.name ?? 'default'}`;
}

export function nodePipeline(
  ctx: { getNode(): INode },
  credentialType: string,
  credentials: Creds,
  product: Product,
  client: CallbridgeClient,
  pbxApiVersion?: PbxApiVersion,
): Pipeline {
  return new Pipeline({
    client,
    settings: credentialPolicy(credentials, product),
    store: storeFor(credentialKey(ctx, credentialType)),
    runtime: n8nRuntime,
    pbxApiVersion,
    accountOf: (p) => client.accountOf(p),
  });
}

/** The answer of a run that sent (the nodes never ask for a dry run). */
export async function runSent(pipeline: Pipeline, operationId: string, input: Record<string, unknown>): Promise<unknown> {
  const result: RunResult = await pipeline.run(operationId, input);
  return result.sent ? result.output : result.preview;
}

/** core/providers' Invoke over the pipeline: provider actions (add callees, start a task) under the credential's policy. */
export function policyInvoke(pipeline: Pipeline): Invoke {
  return async (operationId, input) => ({ sent: true, output: await runSent(pipeline, operationId, input) });
}
