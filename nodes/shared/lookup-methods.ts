// The lists behind the ID fields of a product node (see lookup-fields.ts): one "From List" search and
// one multi-select loader per kind of ID the node's operations use, each running the list operation
// the ID's helper names (core/lookup.ts) with the parent IDs chosen in the node (the scripts of the
// chosen instance). Generated: no per-node code.
import type { ICredentialDataDecryptedObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { redact } from '../../core/errors.js';
import type { Lookup } from '../../core/lookup.js';
import { getPath, listEntries, type Product } from '../../core/operation.js';
import { catalog } from '../../core/registry.js';
import { operationEntries } from './description.js';
import { credentialTypeOf, productClient } from './execute.js';
import { displayName } from './properties.js';
import { lookupParents } from './lookup-fields.js';

type ListSearch = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;
type LoadOptions = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

/** Most pages a multi-select loads (it shows every entry at once). */
const MAX_OPTION_PAGES = 20;

function firstText(entry: unknown, paths: readonly string[] | undefined): string | undefined {
  for (const path of paths ?? []) {
    const value = getPath(entry, path);
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') return String(value);
  }
  return undefined;
}

/** A parent ID chosen in the node: a top-level field (a locator's value) or one under Additional Fields. */
function parentValue(ctx: ILoadOptionsFunctions, key: string): unknown {
  const top = ctx.getCurrentNodeParameter(key, { extractValue: true });
  if (top !== undefined && top !== '') return top;
  const additional = ctx.getCurrentNodeParameter('additionalFields');
  const value = additional && typeof additional === 'object' ? (additional as Record<string, unknown>)[key] : undefined;
  return value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;
}

interface Page {
  entries: INodeListSearchItems[];
  next?: number;
}

async function listPage(ctx: ILoadOptionsFunctions, product: Product, lookup: Lookup, page: number): Promise<Page> {
  const op = catalog.get(lookup.list);
  if (!op) throw new NodeOperationError(ctx.getNode(), `The ${lookup.title} list is not available`);
  const input: Record<string, unknown> = {};
  for (const key of lookupParents(lookup)) {
    const value = parentValue(ctx, key);
    if (value === undefined || value === null || value === '') {
      throw new NodeOperationError(ctx.getNode(), `Choose the ${displayName(key)} first: the ${lookup.title} list depends on it`);
    }
    input[key] = value;
  }
  const credentials = (await ctx.getCredentials(credentialTypeOf(product))) as ICredentialDataDecryptedObject;
  const pc = productClient(ctx, product, credentials);
  const pagination = op.pagination;
  if (pagination) {
    input[pagination.pageParam] = page;
    input[pagination.sizeParam] = pagination.maxPageSize;
  }
  let answer: unknown;
  try {
    answer = await pc.client.invoke(op.id, input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new NodeOperationError(ctx.getNode(), redact(`Could not load the ${lookup.title} list: ${message}`, pc.secrets()));
  }
  const raw = pagination ? getPath(answer, pagination.itemsPath) : listEntries(op, answer);
  const items = Array.isArray(raw) ? raw : [];
  const entries = items
    .map((item): INodeListSearchItems | undefined => {
      const value = firstText(item, lookup.value);
      if (value === undefined) return undefined;
      const text = firstText(item, lookup.text);
      return { name: text && text !== value ? `${text} (${value})` : value, value };
    })
    .filter((e): e is INodeListSearchItems => e !== undefined);
  const total = pagination?.totalPath ? Number(getPath(answer, pagination.totalPath)) : NaN;
  const more = pagination !== undefined && items.length >= pagination.maxPageSize && !(Number.isFinite(total) && page * pagination.maxPageSize >= total);
  return { entries, ...(more ? { next: page + 1 } : {}) };
}

function matches(entry: INodeListSearchItems, filter: string | undefined): boolean {
  if (!filter) return true;
  const needle = filter.toLowerCase();
  return entry.name.toLowerCase().includes(needle) || String(entry.value).toLowerCase().includes(needle);
}

/** The lookups the product node's fields use, by name. */
export function productLookups(product: Product): Map<string, Lookup> {
  const found = new Map<string, Lookup>();
  for (const entry of operationEntries(product)) for (const field of entry.fields) if (field.lookup) found.set(field.lookup.name, field.lookup);
  return found;
}

/** The node's `methods`: a list search and an options loader per lookup its fields use. */
export function lookupMethods(product: Product): { listSearch: Record<string, ListSearch>; loadOptions: Record<string, LoadOptions> } {
  const listSearch: Record<string, ListSearch> = {};
  const loadOptions: Record<string, LoadOptions> = {};
  for (const [name, lookup] of productLookups(product)) {
    listSearch[name] = async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
      const page = await listPage(this, product, lookup, Number(paginationToken) || 1);
      return { results: page.entries.filter((e) => matches(e, filter)), ...(page.next ? { paginationToken: String(page.next) } : {}) };
    };
    loadOptions[name] = async function (this: ILoadOptionsFunctions) {
      const options: INodePropertyOptions[] = [];
      for (let page: number | undefined = 1, n = 0; page !== undefined && n < MAX_OPTION_PAGES; n++) {
        const result = await listPage(this, product, lookup, page);
        options.push(...result.entries.map((e) => ({ name: e.name, value: e.value })));
        page = result.next;
      }
      return options;
    };
  }
  return { listSearch, loadOptions };
}
