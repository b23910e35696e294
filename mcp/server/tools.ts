// The MCP tools: curated, vendor-neutral tools over the four back ends, and catalog tools for the
// long tail. Each has a title, description, input and output schema, accurate annotations, and
// returns structuredContent (or an isError result). Descriptions are kept short: the default
// tools/list must stay small (see test/mcp/context-size.test.ts).
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { addCallees, screenCallees } from '../../core/actions/add-callees.js';
import { taskCallsPage } from '../../core/actions/task-calls.js';
import { callResultSchema } from '../../core/call-result.js';
import { PRODUCTS, type Product } from '../../core/operation.js';
import { listOperations } from '../../core/registry.js';
import { waitForCallResult } from '../../core/wait.js';
import type { ToolsetName } from '../guardrails/config.js';
import { GuardrailRefusal } from '../guardrails/guard.js';
import { PROVIDER_NAMES, TASK_STATES, type Callee, type CreateTaskArgs, type ProviderName, type TaskAction, type TaskCallQuery } from '../../core/providers/index.js';
import { execute, fail, ok, PreviewCollector, type ToolContext } from './context.js';
import { getCallResult, placeCall, providerFor, taskCallDetail } from './providers.js';

export interface ToolDef {
  name: string;
  toolset: ToolsetName;
  title: string;
  description: string;
  input: z.ZodRawShape;
  output: z.ZodRawShape;
  annotations: ToolAnnotations;
  handler: (args: Record<string, unknown>, ctx: ToolContext) => Promise<CallToolResult>;
}

// ---- shared schema parts ----

/** A free-form JSON object, declared as such (portable: `additionalProperties: true`, no empty schemas). */
const anyObject = () => z.record(z.string(), z.unknown()).meta({ additionalProperties: true });
/** Template variables: text or numbers (anyOf with single types, for clients that reject type arrays). */
const vars = () => z.record(z.string(), z.union([z.string(), z.number().describe('number')]));

const provider = z.enum(PROVIDER_NAMES).describe('Back end: dyvms (Alibaba Voice), outboundbot (Alibaba Outbound Bot), volcengine, pbx (Yeastar-style PBX)');
/** Provider in outputs (no description: the input already explains it). */
const providerOut = z.enum(PROVIDER_NAMES);
const callDate = z.string().optional().describe('dyvms: day of the call, yyyy-MM-dd (default: when placed, else today)');
const previewShape = z.object({
  operation: z.string(),
  billed: z.boolean(),
  dials: z.number(),
  request: z.object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.string()), body: z.string().optional() }),
});
const dryRun = z
  .object({ requests: z.array(previewShape).describe('signed requests, secrets redacted (first 3)'), total: z.number() })
  .optional()
  .describe('present in --dry-run mode: nothing was sent');
const transcript = z.array(z.object({ speaker: z.string(), text: z.string(), time: z.string().optional() }));

const READ: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true };

function dryRunOf(previews: PreviewCollector) {
  return previews.previews.length ? { dry_run: { requests: previews.previews.slice(0, 3), total: previews.previews.length } } : {};
}

/** Wraps a handler: errors become isError results; secrets are redacted either way. */
function guarded(fn: (args: Record<string, unknown>, ctx: ToolContext) => Promise<Record<string, unknown>>) {
  return async (args: Record<string, unknown>, ctx: ToolContext): Promise<CallToolResult> => {
    try {
      return ok(ctx, await fn(args, ctx));
    } catch (error) {
      return fail(ctx, error);
    }
  };
}

// ---- calls ----

const placeCallTool: ToolDef = {
  name: 'place_call',
  toolset: 'calls',
  title: 'Place a phone call (billed)',
  description:
    'Calls one number and plays content: tts_template (+tts_params), voice_file, ivr (prompt + key menu) or prompt (pbx). Returns call_id for get_call_result / wait_for_call_result. Real, billed call; subject to the server guardrails.',
  input: {
    provider: z.enum(['dyvms', 'volcengine', 'pbx']).describe('dyvms, volcengine or pbx (outboundbot: use tasks)'),
    to: z.string().describe('Number to call'),
    caller_id: z.string().optional().describe('dyvms: your purchased number; volcengine: number pool NP... or a pool number; pbx: extension whose permission is used'),
    tts_template: z.string().optional().describe('Approved TTS template ID'),
    tts_params: vars().optional().describe('Template variables'),
    voice_file: z.string().optional().describe('Uploaded voice file ID'),
    ivr: z
      .object({
        start: z.string().describe('Opening prompt: TTS template or voice file ID (volcengine: IVR flow ID)'),
        start_params: vars().optional(),
        keys: z.record(z.string(), z.string()).optional().describe('Key -> prompt ID, e.g. {"1":"TTS_1"}'),
        bye: z.string().optional().describe('Closing prompt'),
        timeout_ms: z.number().int().optional().describe('Key-press wait'),
      })
      .optional(),
    prompt: z.string().optional().describe('pbx: prompt file(s), joined by "+"'),
    out_id: z.string().optional().describe('Your reference, echoed in receipts'),
  },
  output: { provider: providerOut, call_id: z.string().optional().describe('absent in dry-run'), operation: z.string(), dry_run: dryRun },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  handler: guarded(async (args, ctx) => {
    const previews = new PreviewCollector();
    const out = await placeCall(ctx, args as never, previews);
    return { provider: args.provider, ...out, ...dryRunOf(previews) };
  }),
};

const callResultOut = { ...callResultSchema.shape, raw: anyObject().describe('the vendor record') };

/** The raw vendor record as an object (as the output schema declares it). */
function withRawObject<T extends { raw: unknown }>(r: T): T {
  const raw = r.raw;
  return { ...r, raw: raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : raw === null || raw === undefined ? {} : { value: raw } };
}

const getCallResultTool: ToolDef = {
  name: 'get_call_result',
  toolset: 'calls',
  title: 'Get a call result',
  description:
    'Current result of a call: status (queued, ringing, answered, completed, no_answer, busy, failed, unknown), final flag, times, duration, hang-up side, DTMF and the raw vendor record. outboundbot call_id: a job ID from list_task_calls.',
  input: { provider, call_id: z.string(), call_date: callDate },
  output: callResultOut,
  annotations: READ,
  handler: guarded(async (args, ctx) => ({ ...withRawObject(await getCallResult(ctx, args as never)) })),
};

const waitTool: ToolDef = {
  name: 'wait_for_call_result',
  toolset: 'calls',
  title: 'Wait for a call result',
  description: 'Polls get_call_result until the result is final or timeout_seconds pass, with progress notifications. Returns the last result and whether it timed out.',
  input: {
    provider,
    call_id: z.string(),
    call_date: callDate,
    timeout_seconds: z.number().min(0).max(1800).default(120).describe('Default 120, max 1800'),
    interval_seconds: z.number().min(1).max(60).default(5).describe('First poll interval (grows to 15 s)'),
  },
  output: { result: z.object(callResultOut).optional(), final: z.boolean(), timed_out: z.boolean(), waited_seconds: z.number(), polls: z.number() },
  annotations: READ,
  handler: guarded(async (args, ctx) => {
    const a = args as { provider: ProviderName; call_id: string; call_date?: string; timeout_seconds: number; interval_seconds: number };
    // A first notification before any I/O: a client may drop one that arrives together with the result.
    await ctx.progress(0, a.timeout_seconds, 'waiting for the call result');
    const outcome = await waitForCallResult(() => getCallResult(ctx, a), {
      runtime: ctx.runtime,
      timeoutMs: a.timeout_seconds * 1000,
      intervalMs: a.interval_seconds * 1000,
      signal: ctx.signal,
      onProgress: (p) => ctx.progress(p.elapsedMs / 1000, a.timeout_seconds, p.result ? `${p.result.status}${p.result.reason ? ` (${p.result.reason})` : ''}` : `retrying: ${p.error}`),
    });
    return {
      result: outcome.result && withRawObject(outcome.result),
      final: outcome.final,
      timed_out: outcome.timedOut,
      waited_seconds: Math.round(outcome.elapsedMs / 100) / 10,
      polls: outcome.attempts,
    };
  }),
};

// ---- tasks ----

const taskId = z.string().describe('Task ID from create_call_task');

const listScriptsTool: ToolDef = {
  name: 'list_robot_scripts',
  toolset: 'tasks',
  title: 'List robot scripts',
  description: 'Scripts a call task can use (dyvms robot scripts, outboundbot scripts, volcengine voice files/TTS templates/IVR flows). Pass script_id to create_call_task.',
  input: { provider: z.enum(['dyvms', 'outboundbot', 'volcengine']) },
  output: {
    provider: providerOut,
    scripts: z.array(z.object({ script_id: z.string(), name: z.string().optional(), type: z.string().optional(), status: z.string().optional() })),
  },
  annotations: READ,
  handler: guarded(async (args, ctx) => {
    const { provider, invoke, settings } = providerFor(ctx, args.provider as ProviderName);
    return { provider: args.provider, scripts: await provider.listScripts(invoke, settings) };
  }),
};

const createTaskTool: ToolDef = {
  name: 'create_call_task',
  toolset: 'tasks',
  title: 'Create a call task',
  description:
    'Creates a robot/batch call task (dyvms robot task, outboundbot job group, volcengine task) without dialling; the calling window follows the server calling hours where the vendor allows. Then add_task_callees and control_task start.',
  input: {
    provider: z.enum(['dyvms', 'outboundbot', 'volcengine']),
    name: z.string().min(1).max(30),
    script_id: z.string().describe('From list_robot_scripts'),
    caller_id: z.string().optional().describe('Caller number (dyvms: required); volcengine: number pool NP... or a pool number'),
    retry: z.object({ times: z.number().int().min(0).max(5), interval_minutes: z.number().int().min(1).optional() }).optional().describe('Redial unanswered numbers'),
    concurrency: z.number().int().min(1).optional().describe('volcengine: simultaneous calls (capped by the server limit)'),
  },
  output: { provider: providerOut, task_id: z.string().optional().describe('absent in dry-run'), operation: z.string(), dry_run: dryRun },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: guarded(async (args, ctx) => {
    const previews = new PreviewCollector();
    const { provider, invoke, settings } = providerFor(ctx, args.provider as ProviderName, previews);
    const out = await provider.createTask(invoke, settings, args as unknown as CreateTaskArgs);
    return { provider: args.provider, ...out, ...dryRunOf(previews) };
  }),
};

const addCalleesTool: ToolDef = {
  name: 'add_task_callees',
  toolset: 'tasks',
  title: 'Add callees to a task',
  description:
    'Adds any number of callees (sent in chunks the vendor accepts, paced to its rate, with progress notifications). Numbers refused by the number rules are skipped with a reason. outboundbot dials them right away (billed); volcengine does if the task runs.',
  input: {
    provider: z.enum(['dyvms', 'outboundbot', 'volcengine']),
    task_id: taskId,
    callees: z
      .array(
        z.object({
          number: z.string(),
          params: vars().optional().describe('Script variables'),
          ref: z.string().optional().describe('Your reference'),
          name: z.string().optional(),
        }),
      )
      .min(1)
      .max(300_000),
  },
  output: {
    provider: providerOut,
    task_id: z.string(),
    accepted: z.number(),
    rejected: z.number(),
    rejections: z.array(z.object({ number: z.string(), reason: z.string() })).describe('first 100'),
    requests: z.number().describe('requests sent'),
    incomplete: z.string().optional().describe('why the remaining callees were not added'),
    dry_run: dryRun,
  },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  handler: guarded(async (args, ctx) => {
    const p = args.provider as ProviderName;
    const task = args.task_id as string;
    const all = args.callees as Callee[];
    const numberRule = (number: string) => {
      const refusal = ctx.guard.numberRefusal(number);
      return refusal && `${refusal.rule}: ${refusal.reason}`;
    };
    const { valid, rejections } = screenCallees(all, numberRule);
    if (!valid.length) {
      const first = rejections[0];
      throw new GuardrailRefusal(
        (ctx.guard.numberRefusal(first.number)?.rule ?? 'allow-numbers') as never,
        `none of the ${all.length} callee(s) can be added; first: ${first.number}: ${first.reason}.`,
        ctx.guard.numberRefusal(first.number)?.howToChange ?? 'give valid phone numbers.',
      );
    }
    const previews = new PreviewCollector();
    const { provider, invoke, settings } = providerFor(ctx, p, previews);
    ctx.confirmSummary = `add ${valid.length} callee(s) to ${p} task ${task}; they will be dialled (real, billed calls).`;
    const out = await addCallees({
      provider,
      invoke,
      settings,
      taskId: task,
      callees: valid,
      signal: ctx.signal,
      onProgress: (n) => ctx.progress(n.requests, n.chunks, n.requests ? `${n.accepted} of ${n.total} added` : `adding ${n.total} callee(s) in ${n.chunks} request(s)`),
    });
    rejections.push(...out.rejections);
    return {
      provider: p,
      task_id: task,
      accepted: out.accepted,
      rejected: rejections.length,
      rejections: rejections.slice(0, 100),
      requests: out.requests,
      ...(out.incomplete ? { incomplete: out.incomplete } : {}),
      ...dryRunOf(previews),
    };
  }),
};

const controlTaskTool: ToolDef = {
  name: 'control_task',
  toolset: 'tasks',
  title: 'Start, pause, resume or cancel a task',
  description: 'start (optionally at schedule_time) and resume dial the task callees (billed); pause stops dialling; cancel ends the task for good.',
  input: {
    provider: z.enum(['dyvms', 'outboundbot', 'volcengine']),
    task_id: taskId,
    action: z.enum(['start', 'pause', 'resume', 'cancel']),
    schedule_time: z.string().optional().describe('start only: ISO 8601 time (dyvms)'),
  },
  output: { provider: providerOut, task_id: z.string(), action: z.string(), operation: z.string(), dry_run: dryRun },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  handler: guarded(async (args, ctx) => {
    const previews = new PreviewCollector();
    const { provider, invoke, settings } = providerFor(ctx, args.provider as ProviderName, previews);
    const out = await provider.controlTask(invoke, settings, args.task_id as string, args.action as TaskAction, args.schedule_time as string | undefined);
    return { provider: args.provider, task_id: args.task_id, action: args.action, ...out, ...dryRunOf(previews) };
  }),
};

const taskStatusTool: ToolDef = {
  name: 'get_task_status',
  toolset: 'tasks',
  title: 'Get task status',
  description: `Task state (${TASK_STATES.join(', ')}), vendor status and progress counts (dyvms, outboundbot).`,
  input: { provider: z.enum(['dyvms', 'outboundbot']), task_id: taskId },
  output: {
    provider: providerOut,
    task_id: z.string(),
    state: z.enum(TASK_STATES),
    vendor_status: z.string().optional(),
    total: z.number().optional(),
    completed: z.number().optional(),
    raw: anyObject(),
  },
  annotations: READ,
  handler: guarded(async (args, ctx) => {
    const { provider, invoke, settings } = providerFor(ctx, args.provider as ProviderName);
    return { provider: args.provider, task_id: args.task_id, ...withRawObject(await provider.taskStatus(invoke, settings, args.task_id as string)) };
  }),
};

const listTaskCallsTool: ToolDef = {
  name: 'list_task_calls',
  toolset: 'tasks',
  title: 'List the calls of a task',
  description: 'One page of per-callee call results of a task (dyvms, outboundbot).',
  input: {
    provider: z.enum(['dyvms', 'outboundbot']),
    task_id: taskId,
    page: z.number().int().min(1).default(1),
    page_size: z.number().int().min(1).max(100).default(20),
  },
  output: {
    provider: providerOut,
    task_id: z.string(),
    page: z.number(),
    page_size: z.number(),
    total: z.number().optional(),
    has_more: z.boolean(),
    calls: z.array(z.object(callResultOut)),
  },
  annotations: READ,
  handler: guarded(async (args, ctx) => {
    const page = args.page as number;
    const { provider, invoke, settings } = providerFor(ctx, args.provider as ProviderName);
    const r = await taskCallsPage(provider, invoke, settings, args.task_id as string, page, args.page_size as number);
    return { provider: args.provider, task_id: args.task_id, ...r, calls: r.calls.map(withRawObject) };
  }),
};

const callRef = {
  task_id: z.string().optional().describe('dyvms: required'),
  call_id: z.string().optional().describe('outboundbot: job ID; volcengine: call ID'),
  callee: z.string().optional().describe('dyvms: the number called'),
  call_date: callDate,
};

const taskCallDetailTool: ToolDef = {
  name: 'get_task_call_detail',
  toolset: 'tasks',
  title: 'Get one task call in detail',
  description: 'Result of one callee\'s call in a task, with the robot dialogue transcript where the vendor keeps one.',
  input: { provider: z.enum(['dyvms', 'outboundbot', 'volcengine']), ...callRef },
  output: { result: z.object(callResultOut), transcript },
  annotations: READ,
  handler: guarded(async (args, ctx) => {
    const r = await taskCallDetail(ctx, args as never);
    return { result: withRawObject(r.result), transcript: r.transcript };
  }),
};

const recordingTool: ToolDef = {
  name: 'get_recording_url',
  toolset: 'tasks',
  title: 'Get a call recording URL',
  description: 'Signed, expiring download URL of a call recording.',
  input: { provider: z.enum(['dyvms', 'outboundbot', 'volcengine']), ...callRef },
  output: { provider: providerOut, url: z.string(), note: z.string().optional() },
  annotations: { ...READ, idempotentHint: false },
  handler: guarded(async (args, ctx) => {
    const { provider, invoke, settings } = providerFor(ctx, args.provider as ProviderName);
    return { provider: args.provider, ...(await provider.recordingUrl(invoke, settings, args as TaskCallQuery)) };
  }),
};

// ---- catalog ----

function score(words: string[], text: string, weight: number): number {
  const t = text.toLowerCase();
  return words.reduce((s, w) => s + (t.includes(w) ? weight : 0), 0);
}

const searchTool: ToolDef = {
  name: 'search_operations',
  toolset: 'catalog',
  title: 'Search the operation catalog',
  description: 'Finds any vendor operation (hundreds, all four back ends) by keywords; then describe_operation and invoke_operation.',
  input: {
    query: z.string().describe('Keywords, e.g. "recording outboundbot"'),
    product: z.enum(PRODUCTS).optional(),
    access: z.enum(['read', 'write', 'call']).optional().describe('call = places billed calls'),
    limit: z.number().int().min(1).max(50).default(10),
  },
  output: {
    total: z.number(),
    operations: z.array(z.object({ id: z.string(), title: z.string(), access: z.enum(['read', 'write', 'call']) })),
  },
  annotations: { ...READ, openWorldHint: false },
  handler: guarded(async (args) => {
    const words = String(args.query).toLowerCase().split(/[\s,.]+/).filter(Boolean);
    const ops = listOperations(args.product as Product | undefined).filter((op) => !args.access || op.access === args.access);
    const scored = ops
      .map((op) => ({
        op,
        s: words.length ? (op.id.toLowerCase() === String(args.query).trim().toLowerCase() ? 100 : 0) + score(words, op.id, 3) + score(words, op.title, 2) + score(words, op.description, 1) : 1,
      }))
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s || a.op.id.localeCompare(b.op.id));
    return { total: scored.length, operations: scored.slice(0, args.limit as number).map(({ op }) => ({ id: op.id, title: op.title, access: op.access })) };
  }),
};

const describeTool: ToolDef = {
  name: 'describe_operation',
  toolset: 'catalog',
  title: 'Describe a catalog operation',
  description: 'Full description, input JSON Schema (with constraints), output schema and examples of one operation.',
  input: { id: z.string().describe('Operation ID, e.g. dyvms.SingleCallByTts') },
  output: {
    id: z.string(),
    title: z.string(),
    description: z.string(),
    product: z.string(),
    access: z.string(),
    destructive: z.boolean(),
    idempotent: z.boolean(),
    qps: z.number().optional(),
    input_schema: anyObject().describe('JSON Schema'),
    output_schema: anyObject().describe('JSON Schema'),
    examples: z.array(z.object({ title: z.string().optional(), input: anyObject() })),
  },
  annotations: { ...READ, openWorldHint: false },
  handler: guarded(async (args, ctx) => {
    const op = ctx.client.operation(String(args.id));
    return {
      id: op.id,
      title: op.title,
      description: op.description,
      product: op.product,
      access: op.access,
      destructive: op.destructive ?? op.access === 'call',
      idempotent: op.idempotent,
      ...(op.qps !== undefined ? { qps: op.qps } : {}),
      input_schema: z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }),
      output_schema: z.toJSONSchema(op.output, { io: 'output', unrepresentable: 'any' }),
      examples: (op.examples ?? []).map((e) => ({ title: e.title, input: e.input })),
    };
  }),
};

const invokeTool: ToolDef = {
  name: 'invoke_operation',
  toolset: 'catalog',
  title: 'Invoke any catalog operation',
  description: 'Runs one catalog operation with its native input (see describe_operation), under the same guardrails as the curated tools.',
  input: { id: z.string(), input: anyObject().default({}) },
  output: { operation: z.string(), output: anyObject().optional().describe('vendor answer, parsed'), dry_run: dryRun },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  handler: guarded(async (args, ctx) => {
    const previews = new PreviewCollector();
    const id = String(args.id);
    ctx.confirmSummary = undefined;
    const r = await execute(ctx, id, (args.input ?? {}) as Record<string, unknown>, previews);
    if (!r.sent) return { operation: id, ...dryRunOf(previews) };
    const output = r.output instanceof Uint8Array ? { bytes: r.output.length, note: 'binary body not returned; use the CLI to save it' } : r.output;
    return { operation: id, output };
  }),
};

export const TOOLS: readonly ToolDef[] = [
  placeCallTool,
  getCallResultTool,
  waitTool,
  listScriptsTool,
  createTaskTool,
  addCalleesTool,
  controlTaskTool,
  taskStatusTool,
  listTaskCallsTool,
  taskCallDetailTool,
  recordingTool,
  searchTool,
  describeTool,
  invokeTool,
];

/**
 * Toolsets: read tools and write tools listed apart (as github-mcp-server does). --read-only keeps
 * only the read lists. A tool in the wrong list, in no list or in two is a startup error.
 */
export const TOOLSETS: Record<ToolsetName, { read: string[]; write: string[] }> = {
  calls: { read: ['get_call_result', 'wait_for_call_result'], write: ['place_call'] },
  tasks: {
    read: ['list_robot_scripts', 'get_task_status', 'list_task_calls', 'get_task_call_detail', 'get_recording_url'],
    write: ['create_call_task', 'add_task_callees', 'control_task'],
  },
  catalog: { read: ['search_operations', 'describe_operation'], write: ['invoke_operation'] },
};

/** Checks the toolset lists against the tools' annotations; throws on any mismatch. */
export function checkToolsets(tools: readonly ToolDef[] = TOOLS, toolsets = TOOLSETS): void {
  const byName = new Map(tools.map((t) => [t.name, t]));
  const listed = new Map<string, string>();
  for (const [set, lists] of Object.entries(toolsets)) {
    for (const kind of ['read', 'write'] as const) {
      for (const name of lists[kind]) {
        const tool = byName.get(name);
        if (!tool) throw new Error(`toolset ${set}: ${kind} list names unknown tool "${name}"`);
        if (listed.has(name)) throw new Error(`tool "${name}" is listed twice (${listed.get(name)} and ${set}.${kind})`);
        listed.set(name, `${set}.${kind}`);
        if (tool.toolset !== set) throw new Error(`tool "${name}" declares toolset ${tool.toolset} but is listed in ${set}`);
        const readOnly = tool.annotations.readOnlyHint === true;
        if (kind === 'read' && !readOnly) throw new Error(`tool "${name}" is in the ${set} read list but is not read-only (readOnlyHint is not true)`);
        if (kind === 'write' && readOnly) throw new Error(`tool "${name}" is in the ${set} write list but is marked read-only`);
      }
    }
  }
  for (const tool of tools) if (!listed.has(tool.name)) throw new Error(`tool "${tool.name}" is in no toolset list`);
}

/** The tools to list for these toolsets (read tools only in read-only mode). */
export function selectTools(toolsets: readonly ToolsetName[], readOnly: boolean, tools: readonly ToolDef[] = TOOLS): ToolDef[] {
  checkToolsets(tools);
  const names = new Set(toolsets.flatMap((s) => (readOnly ? TOOLSETS[s].read : [...TOOLSETS[s].read, ...TOOLSETS[s].write])));
  return tools.filter((t) => names.has(t.name));
}
