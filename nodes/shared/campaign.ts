// The "Campaign" resource of the Outbound Bot node: a job group run from n8n items. Adding callees takes
// one callee per input item (or a list typed in the node) and sends them in as few requests as the
// vendor allows (core/actions/add-callees.ts); starting, pausing and resuming are operations of their
// own; "Get results" returns each callee's call as one item. Built on core's vendor-neutral provider.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { LOOKUPS } from '../../core/catalog/shared/lookups.js';
import { addCallees, screenCallees } from '../../core/actions/add-callees.js';
import { allTaskCalls } from '../../core/actions/task-calls.js';
import type { Product } from '../../core/operation.js';
import { PROVIDERS, type Callee, type TaskAction } from '../../core/providers/index.js';
import { billedNotice, CAMPAIGN_BILLED_NOTICE_TEXT } from './billed-notice.js';
import { AttemptLedger, attemptKey, derivedReference, type SentWhat } from './idempotency.js';
import { lookupProperty } from './lookup-fields.js';
import type { FieldSpec } from './fields.js';
import type { ProductClient } from './execute.js';
import { policyInvoke } from './policy.js';

/** The product nodes with a Campaign resource. */
export const CAMPAIGN_PRODUCTS: readonly Product[] = ['outboundbot'];

export const CAMPAIGN_RESOURCE = { value: 'campaign', name: 'Campaign', description: 'Run a job group from items: add callees, start, pause, resume, get results' };

export const CAMPAIGN_OPERATIONS = {
  addCallees: { name: 'Add Callees and Start Dialling', action: 'Add callees to a campaign and start dialling', description: 'Add callees to a job group; it dials them (billed) within its strategy\'s hours' },
  start: { name: 'Start Dialling', action: 'Start dialling a campaign', description: 'Start (or restart) the calls of a job group' },
  pause: { name: 'Pause', action: 'Pause a campaign', description: 'Stop placing new calls of a job group until it is resumed' },
  resume: { name: 'Resume Dialling', action: 'Resume dialling a campaign', description: 'Place the paused calls of a job group again' },
  results: { name: 'Get Results', action: 'Get the results of a campaign', description: 'One item per callee: status, duration, times' },
} as const;
type CampaignOperation = keyof typeof CAMPAIGN_OPERATIONS;

const show = (operations: CampaignOperation[], extra: Record<string, unknown[]> = {}) => ({
  show: { resource: [CAMPAIGN_RESOURCE.value], operation: operations, ...extra },
});

function locator(key: string, lookup: FieldSpec['lookup'], displayName: string, description: string): INodeProperties {
  const spec: FieldSpec = { key, name: key, kind: 'string', required: true, schema: {}, lookup };
  return lookupProperty(spec, { displayName, name: key, description, required: true }, undefined);
}

const ALL: CampaignOperation[] = ['addCallees', 'start', 'pause', 'resume', 'results'];

export function campaignProperties(): INodeProperties[] {
  const operation: INodeProperties = {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: [CAMPAIGN_RESOURCE.value] } },
    options: Object.entries(CAMPAIGN_OPERATIONS).map(([value, o]) => ({ name: o.name, value, action: o.action, description: o.description })),
    default: 'addCallees',
  };
  const callee = (mode: string): INodeProperties[] => [
    { displayName: 'Phone Number', name: 'phoneNumber', type: 'string', required: true, default: '', placeholder: 'e.g. 13800000000', description: 'Number to call', displayOptions: show(['addCallees'], { calleeSource: [mode] }) },
  ];
  return [
    operation,
    billedNotice(CAMPAIGN_RESOURCE.value, ['addCallees', 'start', 'resume'], CAMPAIGN_BILLED_NOTICE_TEXT),
    { ...locator('InstanceId', LOOKUPS.instance, 'Instance', 'The Outbound Bot instance'), displayOptions: show(ALL) },
    { ...locator('JobGroupId', LOOKUPS.jobGroup, 'Job Group', 'The campaign (job group); create one under Job Group → Create'), displayOptions: show(ALL) },
    {
      displayName: 'Callees',
      name: 'calleeSource',
      type: 'options',
      noDataExpression: true,
      options: [
        { name: 'One Callee per Input Item', value: 'items', description: 'Each input item is one callee; all are sent in as few requests as the vendor allows (99 per request)' },
        { name: 'Listed Here', value: 'list', description: 'Type the callees in this node' },
      ],
      default: 'items',
      displayOptions: show(['addCallees']),
    },
    ...callee('items'),
    { displayName: 'Name', name: 'calleeName', type: 'string', default: '', description: 'Contact name', displayOptions: show(['addCallees'], { calleeSource: ['items'] }) },
    { displayName: 'Reference ID', name: 'referenceId', type: 'string', default: '', description: 'Your own ID of the callee (e.g. a CRM ID); it comes back with the results', displayOptions: show(['addCallees'], { calleeSource: ['items'] }) },
    {
      displayName: 'Variables',
      name: 'variablesMode',
      type: 'options',
      options: [
        { name: 'None', value: 'none' },
        { name: 'Name/Value Pairs', value: 'pairs' },
        { name: 'JSON', value: 'json', description: 'An object, usually an expression naming a field of the input item' },
      ],
      default: 'none',
      description: 'Values the script speaks (its variables), per callee',
      displayOptions: show(['addCallees'], { calleeSource: ['items'] }),
    },
    {
      displayName: 'Variables',
      name: 'variables',
      type: 'fixedCollection',
      placeholder: 'Add Variable',
      typeOptions: { multipleValues: true },
      default: {},
      options: [{ name: 'values', displayName: 'Variable', values: [{ displayName: 'Name', name: 'name', type: 'string', default: '' }, { displayName: 'Value', name: 'value', type: 'string', default: '' }] }],
      displayOptions: show(['addCallees'], { calleeSource: ['items'], variablesMode: ['pairs'] }),
    },
    { displayName: 'Variables (JSON)', name: 'variablesJson', type: 'json', default: '{}', displayOptions: show(['addCallees'], { calleeSource: ['items'], variablesMode: ['json'] }) },
    {
      displayName: 'Callees',
      name: 'callees',
      type: 'fixedCollection',
      placeholder: 'Add Callee',
      typeOptions: { multipleValues: true },
      default: {},
      options: [
        {
          name: 'values',
          displayName: 'Callee',
          values: [
            { displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '', placeholder: 'e.g. 13800000000' },
            { displayName: 'Name', name: 'name', type: 'string', default: '' },
            { displayName: 'Reference ID', name: 'referenceId', type: 'string', default: '' },
          ],
        },
      ],
      displayOptions: show(['addCallees'], { calleeSource: ['list'] }),
    },
    { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: true, description: 'Whether to return all results or only up to a given limit', displayOptions: show(['results']) },
    { displayName: 'Limit', name: 'limit', type: 'number', typeOptions: { minValue: 1 }, default: 50, description: 'Max number of results to return', displayOptions: show(['results'], { returnAll: [false] }) },
  ];
}

function text(ctx: IExecuteFunctions, name: string, itemIndex: number): string | undefined {
  const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
  return typeof value === 'number' ? String(value) : typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function variables(ctx: IExecuteFunctions, itemIndex: number): Record<string, string | number> | undefined {
  const mode = ctx.getNodeParameter('variablesMode', itemIndex, 'none');
  let raw: unknown;
  if (mode === 'pairs') {
    const pairs = (ctx.getNodeParameter('variables.values', itemIndex, []) ?? []) as Array<{ name?: string; value?: unknown }>;
    raw = Object.fromEntries(pairs.filter((p) => p.name).map((p) => [p.name, p.value ?? '']));
  } else if (mode === 'json') {
    raw = ctx.getNodeParameter('variablesJson', itemIndex, {});
    if (typeof raw === 'string') {
      try {
        raw = raw.trim() ? (JSON.parse(raw) as unknown) : {};
      } catch {
        throw new NodeOperationError(ctx.getNode(), 'Variables (JSON) is not valid JSON: give an object such as {"name": "Li"}', { itemIndex });
      }
    }
  } else return undefined;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new NodeOperationError(ctx.getNode(), 'Variables must be an object of names and values', { itemIndex });
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(raw)) out[k] = typeof v === 'number' ? v : typeof v === 'string' ? v : JSON.stringify(v);
  return Object.keys(out).length ? out : undefined;
}

/** The callees of the run: one per item, or the list typed in the node (read from the first item). */
function callees(ctx: IExecuteFunctions, count: number): Callee[] {
  if (ctx.getNodeParameter('calleeSource', 0, 'items') === 'list') {
    const listed = (ctx.getNodeParameter('callees.values', 0, []) ?? []) as Array<{ phoneNumber?: string; name?: string; referenceId?: string }>;
    return listed.filter((c) => c.phoneNumber).map((c) => ({ number: String(c.phoneNumber), ...(c.name ? { name: c.name } : {}), ...(c.referenceId ? { ref: c.referenceId } : {}) }));
  }
  const out: Callee[] = [];
  for (let i = 0; i < count; i++) {
    const number = text(ctx, 'phoneNumber', i);
    if (!number) throw new NodeOperationError(ctx.getNode(), `Phone Number is empty in item ${i + 1}`, { itemIndex: i });
    const name = text(ctx, 'calleeName', i);
    const ref = text(ctx, 'referenceId', i);
    const params = variables(ctx, i);
    out.push({ number, ...(name ? { name } : {}), ...(ref ? { ref } : {}), ...(params ? { params } : {}) });
  }
  return out;
}

const ACTIONS: Record<'start' | 'pause' | 'resume', TaskAction> = { start: 'start', pause: 'pause', resume: 'resume' };

/**
 * The campaign operations that dial run at most once per run of the node, like billed single calls: n8n's
 * Retry On Fail after a lost answer would otherwise add the callees, or restart the calls, a second time.
 */
const dialling = new AttemptLedger<IDataObject>();

/** Callees without a Reference ID get one derived from the run's attempt key, so each call can be traced. */
function referenced(list: Callee[], key: string): Callee[] {
  return list.map((callee, i) => (callee.ref ? callee : { ...callee, ref: derivedReference(`${key}/${i}`) }));
}

function whatWasSent(operation: CampaignOperation, group: string, list: Callee[] = []): SentWhat {
  const refs = list.slice(0, 3).map((c) => c.ref).join(', ') + (list.length > 3 ? ` and ${list.length - 3} more` : '');
  return { operation: `${CAMPAIGN_OPERATIONS[operation].name}, job group ${group}`, check: { 'the job group': group, ...(refs ? { 'the callees with Reference ID': refs } : {}) } };
}

/** Runs a Campaign operation once for all input items. */
export async function runCampaign(ctx: IExecuteFunctions, pc: ProductClient, count: number): Promise<INodeExecutionData[]> {
  const operation = ctx.getNodeParameter('operation', 0) as CampaignOperation;
  const provider = PROVIDERS.outboundbot;
  // Every operation of a campaign runs under the credential's call policy (numbers, caps, hours).
  const invoke = policyInvoke(pc.pipeline);
  const instance = text(ctx, 'InstanceId', 0);
  const group = text(ctx, 'JobGroupId', 0);
  if (!instance || !group) throw new NodeOperationError(ctx.getNode(), 'Choose the Instance and the Job Group');
  const taskId = `${instance}:${group}`;
  const paired = Array.from({ length: count }, (_, item) => ({ item }));
  const key = attemptKey(ctx, 'all');
  if (operation === 'addCallees') {
    const { valid, rejections } = screenCallees(referenced(callees(ctx, count), key), (number) => {
      const refusal = pc.pipeline.numberRefusal('outboundbot', number);
      return refusal && `${refusal.rule}: ${refusal.reason}`;
    });
    const { output: json } = await dialling.sendOnce(key, whatWasSent(operation, group, valid), async () => {
      const outcome = valid.length
        ? await addCallees({ provider, invoke, settings: pc.settings, taskId, callees: valid })
        : { accepted: 0, rejections: [], requests: 0, previewed: false };
      return {
        jobGroupId: group,
        accepted: outcome.accepted,
        requests: outcome.requests,
        rejected: [...rejections, ...outcome.rejections].map((r) => ({ number: r.number, reason: r.reason })),
        ...('incomplete' in outcome && outcome.incomplete ? { incomplete: outcome.incomplete } : {}),
      };
    });
    return [{ json, pairedItem: paired }];
  }
  if (operation === 'results') {
    const returnAll = ctx.getNodeParameter('returnAll', 0, true) === true;
    const limit = returnAll ? Number.POSITIVE_INFINITY : Math.max(1, Number(ctx.getNodeParameter('limit', 0, 50)));
    const out: INodeExecutionData[] = [];
    for await (const call of allTaskCalls(provider, invoke, pc.settings, taskId)) {
      const { raw, ...result } = call;
      out.push({ json: { ...result, jobId: call.callId?.split(':').pop(), raw: raw as IDataObject }, pairedItem: paired });
      if (out.length >= limit) break;
    }
    return out;
  }
  const control = async (): Promise<IDataObject> => {
    const { operation: used } = await provider.controlTask(invoke, pc.settings, taskId, ACTIONS[operation]);
    const status = await provider.taskStatus(invoke, pc.settings, taskId);
    return { jobGroupId: group, done: operation, operation: used.replace('outboundbot.', ''), state: status.state, vendorStatus: status.vendor_status ?? null };
  };
  const { output: json } = operation === 'pause' ? { output: await control() } : await dialling.sendOnce(key, whatWasSent(operation, group), control);
  return [{ json, pairedItem: paired }];
}
