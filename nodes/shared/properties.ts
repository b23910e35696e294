// FieldSpecs as n8n node properties: names, help in n8n's words, bounds, labelled codes, defaults
// from the operation's examples, list pickers for IDs a list operation fills.
import type { INodeProperties, INodePropertyOptions, NodeParameterValueType } from 'n8n-workflow';
import { MAX_SAFE, types, unwrap, type FieldSpec, type JsonSchema } from './fields.js';
import { lookupProperty } from './lookup-fields.js';
import { inN8nWords } from './wording.js';

const ACRONYMS: Record<string, string> = { Id: 'ID', Ids: 'IDs', Tts: 'TTS', Url: 'URL', Asr: 'ASR', Ivr: 'IVR', Json: 'JSON', Qps: 'QPS', Rtc: 'RTC', Mqtt: 'MQTT', Itn: 'ITN', Sms: 'SMS', Ip: 'IP' };

/** The PBX API's lower-case names, spelled out. */
const LOWERCASE_NAMES: Record<string, string> = {
  extid: 'Extension',
  outto: 'Number to Call',
  fromext: 'From Extension',
  autoanswer: 'Auto Answer',
  channelid: 'Channel ID',
  outboundid: 'Outbound Call ID',
  inboundid: 'Inbound Call ID',
  callid: 'Call ID',
  ipaddr: 'IP Address',
  urltag: 'URL Tag',
  phonenumber: 'Phone Number',
  referenceId: 'Reference ID',
};

export function displayName(key: string): string {
  if (LOWERCASE_NAMES[key]) return LOWERCASE_NAMES[key];
  const words = key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ')
    .filter(Boolean)
    .map((w) => ACRONYMS[w] ?? w.charAt(0).toUpperCase() + w.slice(1));
  return words.join(' ');
}

function sentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = inN8nWords(text);
  return /[.!?)]$/.test(t) ? t : `${t}.`;
}

function numberBounds(schema: JsonSchema): { minValue?: number; maxValue?: number } {
  const out: { minValue?: number; maxValue?: number } = {};
  if (typeof schema.minimum === 'number' && Math.abs(schema.minimum) < MAX_SAFE) out.minValue = schema.minimum;
  if (typeof schema.maximum === 'number' && Math.abs(schema.maximum) < MAX_SAFE) out.maxValue = schema.maximum;
  return out;
}

function enumValues(schema: JsonSchema): Array<string | number> {
  if (schema.enum) return schema.enum as Array<string | number>;
  if (schema.codes && schema.const === undefined) {
    const numeric = types(schema).every((t) => t === 'integer' || t === 'number');
    return Object.keys(schema.codes).map((code) => (numeric ? Number(code) : code));
  }
  return schema.const !== undefined ? [schema.const as string | number] : [];
}

/** The choices of a coded field, named by what each code means where the definition says it. */
function codeOptions(values: JsonSchema, field: JsonSchema): INodePropertyOptions[] {
  const codes = field.codes ?? values.codes;
  return enumValues(values).map((v) => {
    const meaning = codes?.[String(v)];
    return meaning ? { name: meaning, value: v, description: `Code ${v}` } : { name: String(v), value: v };
  });
}

function defaultFor(spec: FieldSpec, example: unknown): NodeParameterValueType {
  switch (spec.kind) {
    case 'number': {
      if (typeof example === 'number') return example;
      if (typeof example === 'string' && /^-?\d+(\.\d+)?$/.test(example)) return Number(example);
      const { minValue } = numberBounds(spec.schema);
      return minValue !== undefined && minValue > 0 ? minValue : 0;
    }
    case 'boolean':
      return typeof example === 'boolean' ? example : false;
    case 'options': {
      const values = enumValues(spec.schema);
      return values.includes(example as string | number) ? (example as string | number) : (values[0] ?? '');
    }
    case 'multiOptions':
      return [];
    case 'keyValue':
    case 'objectList':
    case 'collection':
    case 'groups':
      return {};
    case 'json':
      return '';
    default:
      return '';
  }
}

function placeholderFor(spec: FieldSpec, example: unknown): string | undefined {
  if (example === undefined || example === null) return undefined;
  if (spec.kind === 'string' && (typeof example === 'string' || typeof example === 'number')) return `e.g. ${example}`;
  if (spec.kind === 'list' && Array.isArray(example)) return `e.g. ${example.map(String).join(', ')}`;
  if (spec.kind === 'json') return `e.g. ${typeof example === 'string' ? example : JSON.stringify(example)}`;
  return undefined;
}

const SECRET_KEY = /password|secret/i;

/**
 * An optional field inside a fixed collection: n8n stores every value of a fixed-collection entry with its
 * default, so numbers, booleans and choices get an empty "not set" default there (left out of the input).
 */
function optionalChildProperty(spec: FieldSpec, example: unknown): INodeProperties | undefined {
  const common = { displayName: displayName(spec.key), name: spec.name, ...(spec.schema.description ? { description: sentence(spec.schema.description) } : {}) };
  if (spec.kind === 'number') {
    const placeholder = typeof example === 'number' || typeof example === 'string' ? `e.g. ${example}` : undefined;
    return { ...common, type: 'string', default: '', ...(placeholder ? { placeholder } : {}) };
  }
  if (spec.kind === 'boolean') {
    return { ...common, type: 'options', default: '', options: [{ name: 'Not Set', value: '' }, { name: 'True', value: true }, { name: 'False', value: false }] };
  }
  if (spec.kind === 'options') {
    return { ...common, type: 'options', default: '', options: [{ name: 'Not Set', value: '' }, ...codeOptions(spec.schema, spec.schema)] };
  }
  return undefined;
}

/** One field as an n8n property (no displayOptions). */
export function toProperty(spec: FieldSpec, example?: unknown): INodeProperties {
  const description = sentence(spec.schema.description);
  const common = {
    displayName: displayName(spec.key),
    name: spec.name,
    ...(description ? { description } : {}),
    ...(spec.required ? { required: true } : {}),
  };
  const placeholder = placeholderFor(spec, example);
  if (spec.lookup) return lookupProperty(spec, common, placeholder);
  switch (spec.kind) {
    case 'string':
      return {
        ...common,
        type: 'string',
        default: '',
        ...(placeholder ? { placeholder } : {}),
        ...(SECRET_KEY.test(spec.key) ? { typeOptions: { password: true } } : {}),
      };
    case 'dateTime':
      return { ...common, ...(description ? { description: dateTimeWords(description) } : {}), type: 'dateTime', default: '' };
    case 'number': {
      const bounds = numberBounds(spec.schema);
      return { ...common, type: 'number', default: defaultFor(spec, example), ...(Object.keys(bounds).length ? { typeOptions: bounds } : {}) };
    }
    case 'boolean':
      return { ...common, type: 'boolean', default: defaultFor(spec, example) };
    case 'options':
    case 'multiOptions': {
      const options = codeOptions(spec.kind === 'options' ? spec.schema : unwrap(spec.schema.items), spec.schema);
      return { ...common, type: spec.kind, options, default: defaultFor(spec, example) };
    }
    case 'list':
      return {
        ...common,
        description: `${description ?? ''} Several values: separate them with commas, or give a JSON array.`.trim(),
        type: 'string',
        default: '',
        ...(placeholder ? { placeholder } : {}),
      };
    case 'keyValue':
      return {
        ...common,
        type: 'fixedCollection',
        placeholder: 'Add Variable',
        typeOptions: { multipleValues: true },
        default: {},
        options: [
          {
            name: 'values',
            displayName: 'Variable',
            values: [
              { displayName: 'Name', name: 'name', type: 'string', default: '' },
              { displayName: 'Value', name: 'value', type: 'string', default: '' },
            ],
          },
        ],
      };
    case 'objectList':
      return {
        ...common,
        type: 'fixedCollection',
        placeholder: 'Add Item',
        typeOptions: { multipleValues: true },
        default: {},
        options: [{ name: 'values', displayName: 'Item', values: childProperties(spec, example, true) }],
      };
    case 'groups':
      return {
        ...common,
        type: 'fixedCollection',
        placeholder: 'Add Entry',
        typeOptions: { multipleValues: true },
        default: {},
        options: (spec.children ?? []).map((group) => ({
          name: group.key,
          displayName: displayName(group.key),
          values: childProperties(group, exampleAt(example, group.key), true),
        })),
      };
    case 'collection':
      return { ...common, type: 'collection', placeholder: 'Add Field', default: {}, options: childProperties(spec, example, false) };
    case 'json':
      return { ...common, type: 'json', default: '', ...(placeholder ? { placeholder } : {}) };
  }
}

function exampleAt(example: unknown, key: string): unknown {
  if (Array.isArray(example)) example = example[0];
  return example && typeof example === 'object' ? (example as Record<string, unknown>)[key] : undefined;
}

function childProperties(spec: FieldSpec, example: unknown, fixed: boolean): INodeProperties[] {
  return (spec.children ?? [])
    .map((child) => {
      const childExample = exampleAt(example, child.key);
      const optional = fixed && !child.required ? optionalChildProperty(child, childExample) : undefined;
      return optional ?? toProperty({ ...child, required: false }, childExample);
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** A date-time field's help without the Unix-ms wording (the editor shows a date picker). */
function dateTimeWords(text: string): string {
  return text
    .replace(/,? Unix ms\./g, '.')
    .replace(/\bA Unix time in milliseconds\b/g, 'A time')
    .replace(/ \(e\.g\. \d{13}\)|, e\.g\. \d{13}/g, '')
    .replace(/ Seconds are refused\./g, '');
}
