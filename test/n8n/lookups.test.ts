// ID fields picked from lists: generated from the catalog's lookups (core/catalog/shared/lookups.ts) and
// answered by the sandbox through the real credential classes.
import type { ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOKUPS } from '../../core/catalog/shared/lookups.js';
import type { Lookup } from '../../core/lookup.js';
import { catalog } from '../../core/registry.js';
import { PRODUCTS } from '../../core/operation.js';
import { productProperties } from '../../nodes/shared/description.js';
import { executeProduct } from '../../nodes/shared/execute.js';
import { lookupMethods, productLookups } from '../../nodes/shared/lookup-methods.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import { DEFAULT_CALLING_NUMBER, DEFAULT_INSTANCE_ID, DEFAULT_SCRIPT_ID } from '../../sandbox/outboundbot/state.js';
import { fakeExecute, sandboxCredentials } from './helpers.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ speed: 60, seed: 11 });
});
afterAll(async () => {
  await sandbox?.close();
});

/** A load-options context whose node has these current parameters. */
function loadContext(current: Record<string, unknown>): ILoadOptionsFunctions {
  const { ctx } = fakeExecute({ credentials: sandboxCredentials(sandbox), parameters: [{}] });
  const get = (name: string, options?: { extractValue?: boolean }) => {
    const value = current[name];
    return options?.extractValue && value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;
  };
  return { ...ctx, getCurrentNodeParameter: get } as unknown as ILoadOptionsFunctions;
}

/** A field of an operation, at the top or under Additional Fields. */
function property(product: (typeof PRODUCTS)[number], operation: string, name: string): INodeProperties | undefined {
  const own = productProperties(product).filter((p) => p.displayOptions?.show?.operation?.includes(operation));
  const additional = (own.find((p) => p.name === 'additionalFields')?.options ?? []) as INodeProperties[];
  return [...own, ...additional].find((p) => p.name === name);
}

describe('lookups in the catalog', () => {
  it('each names a read operation of the catalog and fills at least one field of a node', () => {
    const used = new Set(PRODUCTS.flatMap((p) => [...productLookups(p).keys()]));
    const all: Lookup[] = Object.values(LOOKUPS);
    for (const lookup of all) {
      const op = catalog.get(lookup.list);
      expect(op?.access, lookup.list).toBe('read');
      expect(op?.pagination !== undefined || op?.listItems !== undefined, `${lookup.name}: entries path`).toBe(true);
      expect(used.has(lookup.name), `${lookup.name} used by a node field`).toBe(true);
    }
  });

  it('one ID becomes a resource locator (From List, By ID); caller numbers a multi-select; dependent lists follow their parent', () => {
    const group = property('outboundbot', 'AssignJobs', 'JobGroupId');
    expect(group?.type).toBe('resourceLocator');
    expect(group?.modes?.map((m) => m.name)).toEqual(['list', 'id']);
    expect(group?.modes?.[0].typeOptions?.searchListMethod).toBe('jobGroup');
    expect(group?.typeOptions?.loadOptionsDependsOn).toContain('InstanceId.value');
    const script = property('outboundbot', 'CreateJobGroup', 'ScriptId');
    expect(script?.modes?.[0].typeOptions?.searchListMethod).toBe('script');
    const numbers = property('outboundbot', 'AssignJobs', 'CallingNumber');
    expect(numbers?.type).toBe('multiOptions');
    expect(numbers?.typeOptions?.loadOptionsMethod).toBe('outboundCallNumber');
    // A job needs its job group to be listed: DescribeJob has none, so its JobId stays a plain ID.
    expect(property('outboundbot', 'DescribeJob', 'JobId')?.type).toBe('string');
  });
});

describe('lists answered by the sandbox', () => {
  const ob = lookupMethods('outboundbot');

  it('lists Outbound Bot instances, the scripts of the chosen instance, searched by name', async () => {
    const instances = await ob.listSearch.instance.call(loadContext({}));
    expect(instances.results).toContainEqual({ name: `sandbox instance (${DEFAULT_INSTANCE_ID})`, value: DEFAULT_INSTANCE_ID });
    const ctx = loadContext({ InstanceId: { __rl: true, mode: 'list', value: DEFAULT_INSTANCE_ID } });
    const scripts = await ob.listSearch.script.call(ctx, 'renewal');
    expect(scripts.results).toEqual([{ name: `sandbox renewal reminder (${DEFAULT_SCRIPT_ID})`, value: DEFAULT_SCRIPT_ID }]);
    const numbers = await ob.loadOptions.outboundCallNumber.call(ctx);
    expect(numbers).toEqual([{ name: DEFAULT_CALLING_NUMBER, value: DEFAULT_CALLING_NUMBER }]);
  });

  it('says which parent to choose first', async () => {
    await expect(ob.listSearch.script.call(loadContext({}))).rejects.toThrow('Choose the Instance ID first: the Script list depends on it');
  });

  it('lists job groups of the instance, including one just created by the node', async () => {
    const { ctx } = fakeExecute({
      credentials: sandboxCredentials(sandbox),
      parameters: [
        {
          resource: 'jobGroup',
          operation: 'CreateJobGroup',
          InstanceId: { __rl: true, mode: 'list', value: DEFAULT_INSTANCE_ID },
          JobGroupName: 'lookup test group',
          ScriptId: { __rl: true, mode: 'list', value: DEFAULT_SCRIPT_ID },
          additionalFields: { CallingNumber: [DEFAULT_CALLING_NUMBER] },
        },
      ],
    });
    const [created] = await executeProduct.call(ctx, 'outboundbot');
    const id = (created[0].json.JobGroup as { JobGroupId: string }).JobGroupId;
    const groups = await ob.listSearch.jobGroup.call(loadContext({ InstanceId: { __rl: true, mode: 'id', value: DEFAULT_INSTANCE_ID } }));
    expect(groups.results).toContainEqual({ name: `lookup test group (${id})`, value: id });
  });

  it('lists Volcengine number pools, PBX extensions and Voice Service robots', async () => {
    const pools = await lookupMethods('volcengine').listSearch.numberPool.call(loadContext({}));
    expect(pools.results.length).toBeGreaterThan(0);
    const extensions = await lookupMethods('pbx').listSearch.extension.call(loadContext({}));
    expect(extensions.results.length).toBeGreaterThan(0);
    expect(extensions.results.every((e) => /^\d+$/.test(String(e.value)))).toBe(true);
    const robots = await lookupMethods('dyvms').listSearch.robot.call(loadContext({}));
    expect(robots.results.length).toBeGreaterThan(0);
  });
});
