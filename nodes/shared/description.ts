// The Resource / Operation selectors and every operation's fields, generated from the catalog.
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { AnyOperation, Product } from '../../core/operation.js';
import { CALL_TRACKERS } from '../../core/providers/index.js';
import { catalog, listOperations } from '../../core/registry.js';
import { billedNotice } from './billed-notice.js';
import { CAMPAIGN_PRODUCTS, CAMPAIGN_RESOURCE, campaignProperties } from './campaign.js';
import { operationFields, type FieldSpec } from './fields.js';
import { toProperty } from './properties.js';
import { inN8nWords } from './wording.js';
import { DEFAULT_OPERATION, OTHER_RESOURCE, RESOURCES, resourceOf, type ResourceGroup } from './resources.js';

/** The operations a product node offers: the catalog minus what the credential does itself (PBX login). */
export function nodeOperations(product: Product): AnyOperation[] {
  return listOperations(product).filter((op) => !op.sessionManaged);
}

export interface OperationEntry {
  op: AnyOperation;
  resource: ResourceGroup;
  fields: FieldSpec[];
}

const cache = new Map<Product, OperationEntry[]>();

export function operationEntries(product: Product): OperationEntry[] {
  let entries = cache.get(product);
  if (!entries) {
    entries = nodeOperations(product).map((op) => ({ op, resource: resourceOf(op), fields: operationFields(op) }));
    cache.set(product, entries);
  }
  return entries;
}

/** The operation parameter's value: the vendor's action (PBX: its path with "/" as "."). */
export function operationValue(op: AnyOperation): string {
  return op.id.slice(op.product.length + 1);
}

export function findOperation(product: Product, value: string): AnyOperation | undefined {
  return operationEntries(product).find((e) => operationValue(e.op) === value)?.op;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text);
  const sentence = (match ? match[1] : text).trim();
  return sentence.length > 200 ? `${sentence.slice(0, 197)}...` : sentence;
}

function show(resource: string, operation: string, extra: Record<string, unknown[]> = {}) {
  return { show: { resource: [resource], operation: [operation], ...extra } };
}

function operationProperties(entry: OperationEntry): INodeProperties[] {
  const { op, resource, fields } = entry;
  const value = operationValue(op);
  const example = op.examples?.[0]?.input ?? {};
  const props: INodeProperties[] = op.access === 'call' ? [billedNotice(resource.value, [value])] : [];
  const required = fields.filter((f) => f.required);
  const optional = fields.filter((f) => !f.required);
  for (const field of required) props.push({ ...toProperty(field, example[field.key]), displayOptions: show(resource.value, value) });
  if (op.pagination) {
    props.push({
      displayName: 'Return All',
      name: 'returnAll',
      type: 'boolean',
      default: false,
      description: 'Whether to return all results or only up to a given limit',
      displayOptions: show(resource.value, value),
    });
    props.push({
      displayName: 'Limit',
      name: 'limit',
      type: 'number',
      typeOptions: { minValue: 1 },
      default: 50,
      description: 'Max number of results to return',
      displayOptions: show(resource.value, value, { returnAll: [false] }),
    });
  }
  const tracker = CALL_TRACKERS[op.id];
  if (tracker) {
    props.push({
      displayName: 'Wait for Result',
      name: 'waitForResult',
      type: 'boolean',
      default: false,
      description: `Whether to wait until the call has ended (asking ${inN8nWords(tracker.queryOperation)} now and then) and return its vendor-neutral result (status, duration, hang-up side, DTMF) next to the raw record`,
      displayOptions: show(resource.value, value),
    });
    props.push({
      displayName: 'Timeout (Seconds)',
      name: 'waitTimeout',
      type: 'number',
      typeOptions: { minValue: 0 },
      default: 300,
      description: 'How long to wait for the call to end; the last known state is returned when it passes',
      displayOptions: show(resource.value, value, { waitForResult: [true] }),
    });
    props.push({
      displayName: 'Poll Interval (Seconds)',
      name: 'pollInterval',
      type: 'number',
      typeOptions: { minValue: 1 },
      default: 5,
      description: 'Seconds between two queries at first (the gap grows by half each time, up to 30 s)',
      displayOptions: show(resource.value, value, { waitForResult: [true] }),
    });
  }
  const download = op.download;
  if (download) {
    const toggle: INodeProperties = {
      displayName: 'Download File',
      name: 'download',
      type: 'boolean',
      default: false,
      description: 'Whether to fetch the file behind the returned link and output it as binary data',
      displayOptions: show(resource.value, value),
    };
    toggle.default = download.defaultOn;
    props.push(toggle);
    props.push({
      displayName: 'Put Output File in Field',
      name: 'binaryPropertyName',
      type: 'string',
      default: 'data',
      hint: 'The name of the output binary field to put the file in',
      displayOptions: show(resource.value, value, { download: [true] }),
    });
  }
  if (optional.length) {
    props.push({
      displayName: 'Additional Fields',
      name: 'additionalFields',
      type: 'collection',
      placeholder: 'Add Field',
      default: {},
      displayOptions: show(resource.value, value),
      options: optional.map((field) => toProperty(field, example[field.key])).sort((a, b) => a.displayName.localeCompare(b.displayName)),
    });
  }
  return props;
}

/** Every property of a product node: resource, operation per resource, then each operation's fields. */
export function productProperties(product: Product): INodeProperties[] {
  const entries = operationEntries(product);
  const rules = [...RESOURCES[product], OTHER_RESOURCE].filter((rule) => entries.some((e) => e.resource.value === rule.value));
  const campaign = CAMPAIGN_PRODUCTS.includes(product);
  const resourceOptions: INodePropertyOptions[] = [...rules, ...(campaign ? [CAMPAIGN_RESOURCE] : [])]
    .map((rule) => ({ name: rule.name, value: rule.value, description: rule.description }))
    .sort(byName);
  const resource: INodeProperties = {
    displayName: 'Resource',
    name: 'resource',
    type: 'options',
    noDataExpression: true,
    options: resourceOptions,
    default: '',
  };
  const preferred = DEFAULT_OPERATION[product];
  resource.default = resourceOptions.some((o) => o.value === preferred.resource) ? preferred.resource : (resourceOptions[0]?.value ?? '');
  const props: INodeProperties[] = [resource];
  for (const rule of rules) {
    const ops = entries.filter((e) => e.resource.value === rule.value);
    const options: INodePropertyOptions[] = ops
      .map(({ op }) => ({ name: op.title, value: operationValue(op), description: firstSentence(inN8nWords(op.description)), action: op.title }))
      .sort(byName);
    const operation: INodeProperties = {
      displayName: 'Operation',
      name: 'operation',
      type: 'options',
      noDataExpression: true,
      displayOptions: { show: { resource: [rule.value] } },
      options,
      default: '',
    };
    const op = rule.value === preferred.resource && preferred.operation ? catalog.get(preferred.operation) : undefined;
    operation.default = op ? operationValue(op) : (options[0]?.value ?? '');
    props.push(operation);
  }
  if (campaign) props.push(...campaignProperties());
  for (const entry of entries) props.push(...operationProperties(entry));
  return props;
}
