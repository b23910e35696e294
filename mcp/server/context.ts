// What every tool handler gets: the guarded way to run a catalog operation (validate -> guardrails
// -> dry-run preview or confirmation -> reserve -> send), progress reporting, and result shaping
// (structuredContent, isError with vendor code and request id, secrets redacted).
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { CallbridgeClient } from '../../core/client.js';
import { CallbridgeError, withSettingHelp } from '../../core/errors.js';
import { SETTING_HELP } from '../env-config.js';
import { InputError, UnsupportedError } from '../../core/providers/index.js';
import type { HttpRequest, Runtime } from '../../core/transport.js';
import { validateInput } from '../../core/validate.js';
import type { McpConfig } from '../guardrails/config.js';
import { settingHint } from '../guardrails/config.js';
import { Guard, GuardrailRefusal, type Plan, type Reservation } from '../guardrails/guard.js';
import { createdTaskKey } from '../guardrails/numbers.js';

/** Server-wide, shared by every request (and every stateless HTTP request). */
export interface ServerDeps {
  client: CallbridgeClient;
  config: McpConfig;
  guard: Guard;
  runtime: Runtime;
}

export interface ConfirmRequest {
  /** What will happen, for the user. */
  summary: string;
}

/** One tool call: deps plus the request's progress channel, confirmation and abort signal. */
export interface ToolContext extends ServerDeps {
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /** Asks the user to confirm a billed action (MCP elicitation); resolves true only on an explicit yes. */
  elicitConfirmation?: (message: string) => Promise<boolean>;
  signal: AbortSignal;
  /** Set once the user confirmed the billed action of this tool call. */
  confirmed?: boolean;
  /** Overrides the confirmation text for the rest of this tool call (batched tools describe the whole batch). */
  confirmSummary?: string;
}

export interface Preview {
  operation: string;
  billed: boolean;
  /** Numbers the request would dial. */
  dials: number;
  request: HttpRequest;
}

export type ExecResult = { sent: true; output: unknown; plan: Plan; reservation: Reservation } | { sent: false; preview: Preview; plan: Plan };

/** Dry-run previews collected during one tool call (a tool may send several requests). */
export class PreviewCollector {
  readonly previews: Preview[] = [];
  add(preview: Preview) {
    this.previews.push(preview);
  }
}

function describeCall(plan: Plan): string {
  const numbers = plan.dialled.slice(0, 10).join(', ');
  const more = plan.dialled.length > 10 ? ` and ${plan.dialled.length - 10} more` : '';
  return `${plan.op.title} (${plan.op.id})${plan.dialled.length ? ` to ${numbers}${more}` : ''}: real, billed phone call(s).`;
}

async function confirm(ctx: ToolContext, plan: Plan): Promise<void> {
  if (!ctx.config.confirm || ctx.confirmed) return;
  const summary = ctx.confirmSummary ?? describeCall(plan);
  if (!ctx.elicitConfirmation) {
    throw new GuardrailRefusal(
      'confirmation',
      `every billed call must be confirmed by the user, and this client cannot ask (it does not support MCP elicitation${ctx.config.http ? '; a stateless HTTP server cannot hold a confirmation dialogue' : ''}). The call would have been: ${summary}`,
      `use a client that supports elicitation over stdio, or restart the server with ${settingHint('confirm')} to place billed calls without asking (the other guardrails still apply).`,
    );
  }
  const yes = await ctx.elicitConfirmation(`Place this call? ${summary}`);
  if (!yes) {
    throw new GuardrailRefusal('confirmation', `the user did not confirm: ${summary}`, 'ask the user, then try again; they must answer yes.');
  }
  ctx.confirmed = true;
}

/**
 * Runs one catalog operation under the guardrails. In dry-run mode, write and billed operations
 * return the signed request (secrets redacted) and send nothing; reads are sent.
 */
export async function execute(ctx: ToolContext, operationId: string, input: Record<string, unknown>, previews?: PreviewCollector): Promise<ExecResult> {
  const { client, guard, config } = ctx;
  const op = client.operation(operationId);
  const parsed = validateInput(op, input);
  const plan = guard.check(op, parsed, { dryRun: config.dryRun });
  if (config.dryRun && op.access !== 'read') {
    const preview: Preview = { operation: op.id, billed: plan.billed, dials: plan.dialled.length, request: client.preview(op.id, input) };
    previews?.add(preview);
    return { sent: false, preview, plan };
  }
  if (plan.billed) await confirm(ctx, plan);
  const reservation = guard.reserve(plan);
  let output: unknown;
  try {
    output = await client.invoke(op.id, input);
  } catch (error) {
    // Only a request that provably did nothing gives its slot back.
    if (!(error instanceof CallbridgeError && error.kind === 'outcome_unknown')) guard.release(reservation);
    throw error;
  }
  if (op.access !== 'read' && plan.callees.length) {
    const key = plan.taskKey ?? createdTaskKey(op, output);
    if (key) guard.ledger.addTaskNumbers(key, plan.callees, plan.billed);
  }
  if (plan.billed && plan.taskKey && !plan.callees.length) guard.ledger.markTaskCounted(plan.taskKey, plan.dialled);
  return { sent: true, output, plan, reservation };
}

/** Records the call IDs a direct call returned, so its result can mark it finished. */
export function noteCallIds(ctx: ToolContext, result: ExecResult, callIds: Array<string | undefined>): void {
  if (!result.sent || !result.plan.direct) return;
  ctx.guard.ledger.attachCallIds(result.reservation.ids, callIds);
}

// ---------------------------------------------------------------------------------------------
// results

function redactValue<T>(ctx: ServerDeps, value: T): T {
  return JSON.parse(ctx.client.redact(JSON.stringify(value))) as T;
}

export function ok(ctx: ServerDeps, structured: Record<string, unknown>): CallToolResult {
  const clean = redactValue(ctx, structured);
  return { content: [{ type: 'text', text: JSON.stringify(clean) }], structuredContent: clean };
}

/** A failure as an isError result: a clear message first, then the details as JSON (never structuredContent). */
export function fail(ctx: ServerDeps, error: unknown): CallToolResult {
  let message: string;
  let details: Record<string, unknown>;
  if (error instanceof GuardrailRefusal) {
    message = error.message;
    details = error.toJSON();
  } else if (error instanceof CallbridgeError) {
    const meta = [error.code && `vendor code ${error.code}`, error.requestId && `request id ${error.requestId}`].filter(Boolean).join(', ');
    message = `${error.kind === 'validation' ? 'Invalid input; nothing was sent. ' : ''}${withSettingHelp(error, SETTING_HELP)}${meta ? ` (${meta})` : ''}`;
    details = Object.fromEntries(Object.entries(error.toJSON()).filter(([, v]) => v !== undefined && v !== false));
  } else if (error instanceof UnsupportedError) {
    message = error.message;
    details = { error: 'unsupported', message: error.message };
  } else if (error instanceof InputError) {
    message = `Invalid input; nothing was sent. ${error.message}`;
    details = { error: 'validation', message: error.message };
  } else {
    message = `Internal error: ${error instanceof Error ? error.message : String(error)}`;
    details = { error: 'internal', message };
  }
  return {
    isError: true,
    content: [
      { type: 'text', text: ctx.client.redact(message) },
      { type: 'text', text: ctx.client.redact(JSON.stringify(details)) },
    ],
  };
}
