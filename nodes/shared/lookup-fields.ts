// An ID field whose values come from a list operation (core/lookup.ts), as an n8n field: a resource
// locator ("From List" with search and pages, or "By ID") for one ID, a multi-select filled from the
// list for several. The lists themselves are answered by lookup-methods.ts.
import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import type { Lookup } from '../../core/lookup.js';
import { catalog } from '../../core/registry.js';
import type { FieldSpec } from './fields.js';

/** The inputs a lookup's list operation needs besides paging: read from the fields of the same name. */
export function lookupParents(lookup: Lookup): string[] {
  const op = catalog.get(lookup.list);
  if (!op) return [];
  const paging = new Set(op.pagination ? [op.pagination.pageParam, op.pagination.sizeParam] : []);
  return (z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }).required ?? []).filter((k) => !paging.has(k));
}

interface Common {
  displayName: string;
  name: string;
  description?: string;
  required?: boolean;
}

/** The parameters a lookup's list depends on: a locator's value, or a plain field. */
function dependsOn(spec: FieldSpec): string[] {
  return spec.lookup ? lookupParents(spec.lookup).flatMap((key) => [key, `${key}.value`]) : [];
}

export function lookupProperty(spec: FieldSpec, common: Common, placeholder: string | undefined): INodeProperties {
  const lookup = spec.lookup;
  if (!lookup) throw new Error(`${spec.key} has no list to pick from`);
  const parents = dependsOn(spec);
  if (spec.kind === 'list') {
    return {
      ...common,
      displayName: `${common.displayName} Names or IDs`,
      description: `${common.description ?? ''} Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`.trim(),
      type: 'multiOptions',
      typeOptions: { loadOptionsMethod: lookup.name, ...(parents.length ? { loadOptionsDependsOn: parents } : {}) },
      default: [],
    };
  }
  return {
    ...common,
    type: 'resourceLocator',
    default: { mode: 'list', value: '' },
    ...(parents.length ? { typeOptions: { loadOptionsDependsOn: parents } } : {}),
    modes: [
      {
        displayName: 'From List',
        name: 'list',
        type: 'list',
        placeholder: `Select ${/^[AEIOU]/i.test(lookup.title) ? 'an' : 'a'} ${lookup.title}...`,
        typeOptions: { searchListMethod: lookup.name, searchable: true },
      },
      {
        displayName: 'By ID',
        name: 'id',
        type: 'string',
        placeholder: placeholder ?? `${lookup.title} ID`,
      },
    ],
  };
}
