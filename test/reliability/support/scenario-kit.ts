// What a no-duplicate scenario is (scenarios.ts lists them), and the fault-free set-up helpers they share:
// tasks, job groups and snapshots of the sandbox's own state.
import type { CallbridgeClient } from '../../../core/client.js';
import type { PlacedCall, VendorName } from '../../../sandbox/types.js';
import { beijingDateTime } from '../../../sandbox/sim-util.js';

export interface Intent {
  /** Unique per intended call; carried by the request of the operation under test. */
  key: string;
  /** The callee number dialled for this intent (unique per scenario and index). */
  number: string;
  input: Record<string, unknown>;
}

export interface Scenario {
  opId: string;
  vendor: VendorName;
  /** Fault-free preparation, then the input of the operation under test. */
  prepare(i: number, setup: CallbridgeClient): Promise<Intent>;
  /** The intent key that a processed request of this operation carries. */
  keyOf(params: Record<string, unknown>): string | undefined;
  /** The input field (top-level) that identifies the intent for a user checking an unknown outcome. */
  checkField: string;
  /** Calls the vendor places for one successful intent (0 for task-creating writes). */
  callsPerSuccess: number;
  /**
   * Task-creating operations: how many of each key exist in the vendor's own state, read back with a
   * fault-free client through the vendor's list operation.
   */
  vendorCount?(setup: CallbridgeClient, keys: Set<string>): Promise<Map<string, number>>;
  /** Vendor state needed to attribute calls (read fault-free after the run). */
  snapshot?(setup: CallbridgeClient): Promise<VendorSnapshot>;
  /** The calls placed for an intent; default: the calls to its callee number. */
  placedFor?(intent: Intent, calls: PlacedCallIndex, snapshot: VendorSnapshot | undefined): PlacedCall[];
}

/** GET /_sandbox/calls, indexed. */
export interface PlacedCallIndex {
  byNumber: Map<string, PlacedCall[]>;
  byTaskId: Map<string, PlacedCall[]>;
}

export function indexCalls(calls: PlacedCall[]): PlacedCallIndex {
  const byNumber = new Map<string, PlacedCall[]>();
  const byTaskId = new Map<string, PlacedCall[]>();
  const add = (map: Map<string, PlacedCall[]>, key: string, c: PlacedCall) => {
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  };
  for (const c of calls) {
    add(byNumber, c.number, c);
    if (c.taskId !== undefined) add(byTaskId, c.taskId, c);
  }
  return { byNumber, byTaskId };
}

/** Vendor state read after a run: names of created things mapped to their vendor ids. */
export type VendorSnapshot = Map<string, string[]>;

/** An 11-digit mainland-style mobile number, unique per (scenario, index). */
export function calleeNumber(scenario: number, i: number): string {
  return `13${String(scenario).padStart(2, '0')}${String(i).padStart(7, '0')}`;
}

export const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));

export function jsonField(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return undefined;
  }
}

export const TTS_RESOURCE = 'sandbox-tts-001';
export const VOLC_POOL = 'NP162212345678900001';
export const ROBOT_DIALOG = '1000000000001';

export async function data(setup: CallbridgeClient, op: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  return (await setup.invoke(op, input)) as Record<string, unknown>;
}

export async function robotTask(setup: CallbridgeClient, name: string, number: string): Promise<string> {
  const created = await data(setup, 'dyvms.CreateRobotTask', { TaskName: name, DialogId: ROBOT_DIALOG, Caller: ['057100005678'], RetryType: 0 });
  const id = String(created.Data);
  await setup.invoke('dyvms.UploadRobotTaskCalledFile', { Id: id, CalledNumber: [number] });
  return id;
}

/** A Volcengine task input whose calling window is open now (sandbox time) and for a day. */
export function volcTaskInput(name: string, numbers: string[], start: boolean, sandboxNow: number): Record<string, unknown> {
  return {
    Name: name,
    Type: 1,
    Resource: TTS_RESOURCE,
    NumberPoolNo: VOLC_POOL,
    PhoneList: numbers.map((Phone) => ({ Phone, PhoneParam: { code: '1234' } })),
    Start: start,
    StartTime: beijingDateTime(sandboxNow - 3_600_000),
    EndTime: beijingDateTime(sandboxNow + 7 * 86_400_000),
    Concurrency: 5,
  };
}

export async function volcTask(setup: CallbridgeClient, input: Record<string, unknown>): Promise<string> {
  const created = await data(setup, 'volcengine.CreateTask', input);
  return String((created.Result as { TaskOpenId: unknown }).TaskOpenId);
}

export const OB_SCRIPT = '7e1b2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e';

export const OB_INSTANCE = 'c3a1e0f2-5b7d-4e39-9a61-0d2f4b8e7c15';

/** The sandbox's default outbound-bot instance, widened once to the largest concurrency it allows. */
export function widenedInstance(): (setup: CallbridgeClient) => Promise<string> {
  let made: Promise<string> | undefined;
  return (setup) =>
    (made ??= data(setup, 'outboundbot.ModifyInstance', { InstanceId: OB_INSTANCE, InstanceName: 'sandbox instance', MaxConcurrentConversation: 500 }).then(() => OB_INSTANCE));
}

/** CreateJobGroup; the new group's id. */
export async function jobGroup(setup: CallbridgeClient, input: Record<string, unknown>): Promise<string> {
  const created = await data(setup, 'outboundbot.CreateJobGroup', input);
  return String((created.JobGroup as { JobGroupId: unknown }).JobGroupId);
}

/** Every job group of an instance by name (ListJobGroups, all pages). */
export async function groupsByName(setup: CallbridgeClient, instanceId: string): Promise<VendorSnapshot> {
  const byName: VendorSnapshot = new Map();
  for (let page = 1; ; page++) {
    const out = await data(setup, 'outboundbot.ListJobGroups', { InstanceId: instanceId, PageNumber: page, PageSize: 100 });
    const rows = ((out.JobGroups as { List?: Array<Record<string, unknown>> } | undefined)?.List ?? []) as Array<Record<string, unknown>>;
    for (const row of rows) {
      const name = str(row.JobGroupName) ?? '';
      byName.set(name, [...(byName.get(name) ?? []), str(row.JobGroupId) ?? '']);
    }
    if (rows.length < 100) return byName;
  }
}

export const callsOfGroups = (ids: string[] | undefined, calls: PlacedCallIndex) => (ids ?? []).flatMap((id) => calls.byTaskId.get(id) ?? []);

/** Reads every page of a dyvms list operation and counts rows per name. */
export async function countPages(
  setup: CallbridgeClient,
  op: string,
  pageParam: string,
  rowsOf: (out: Record<string, unknown>) => Array<Record<string, unknown>>,
  nameOf: (row: Record<string, unknown>) => string | undefined,
  keys: Set<string>,
  extra: Record<string, unknown> = {},
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let page = 1; ; page++) {
    const out = await data(setup, op, { ...extra, [pageParam]: page, PageSize: 50 });
    const rows = rowsOf(out);
    for (const row of rows) {
      const name = nameOf(row);
      if (name && keys.has(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    if (rows.length < 50) return counts;
  }
}

