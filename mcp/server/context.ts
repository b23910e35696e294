// What every tool handler gets: the one way to run a catalog operation (core's pipeline with the
// server's settings), progress reporting, and result shaping (structuredContent, isError with vendor
// code and request id, secrets redacted).
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { CallbridgeClient } from '../../core/client.js';
import { CallbridgeError, withSettingHelp } from '../../core/errors.js';
import type { ConfirmationRequest, Pipeline, Preview } from '../../core/pipeline.js';
import { PolicyRefusal } from '../../core/policy/refusal.js';
import type { CallPlan, PolicyStore } from '../../core/policy/types.js';
import { SETTING_HELP } from '../env-config.js';
import { InputError, UnsupportedError } from '../../core/providers/index.js';
import type { Runtime } from '../../core/transport.js';
import type { McpConfig } from '../guardrails/config.js';
import { policySettingHint } from '../guardrails/policy-settings.js';
import type { Confirmation, ConfirmationSigner } from './confirmation.js';

export type { Preview } from '../../core/pipeline.js';
import type { PaceSlotTaker } from './coordination.js';
import { isRecord } from './json.js';

/** Server-wide, shared by every request (and every stateless HTTP request). */
export interface ServerDeps {
  client: CallbridgeClient;
  config: McpConfig;
  /** Every operation any tool sends goes through it: validate, plan, decide, reserve, send or preview, record. */
  pipeline: Pipeline;
  runtime: Runtime;
  /** Signs the confirmation states of billed requests (shared key across replicas). */
  signer: ConfirmationSigner;
  /** The policy store: counts, confirmations claimed once, tasks. */
  store: PolicyStore;
  /** The vendor is a sandbox inside this process: its calls end with the process. */
  inProcessSandbox?: boolean;
  /** Whether the policy store answers (GET /healthz): undefined when it does, else why not. */
  storeHealth?: () => Promise<string | undefined>;
  /** A slot on the shared pacing schedule (POST /coordination/pace); absent without a shared store. */
  takePaceSlot?: PaceSlotTaker;
}

/** One tool call: deps plus the request's progress channel, confirmation and abort signal. */
export interface ToolContext extends ServerDeps {
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /** How this tool call gets a person's yes for a billed request (input_required); absent: it cannot ask. */
  confirmation?: Confirmation;
  /** Why this tool call cannot ask, when `confirmation` is absent (said in the refusal). */
  cannotAsk?: string;
  signal: AbortSignal;
  /** The client accepts a task handle (MCP Tasks extension) instead of a long wait. */
  acceptsTasks?: boolean;
  /** The OAuth client calling (tasks are visible to their creator only). */
  caller?: string;
  /** Set once the user confirmed the billed action of this tool call. */
  confirmed?: boolean;
  /** Overrides the confirmation text for the rest of this tool call (batched tools describe the whole batch). */
  confirmSummary?: string;
}

export type ExecResult = { sent: true; output: unknown; plan: CallPlan } | { sent: false; preview: Preview; plan: CallPlan };

/** Dry-run previews collected during one tool call (a tool may send several requests). */
export class PreviewCollector {
  readonly previews: Preview[] = [];
  add(preview: Preview) {
    this.previews.push(preview);
  }
}

/**
 * Runs one catalog operation through the core pipeline with the server's settings. In dry-run mode,
 * write and billed operations return the request (signature and token replaced by placeholders) and
 * send nothing; reads are sent.
 */
export async function execute(ctx: ToolContext, operationId: string, input: Record<string, unknown>, previews?: PreviewCollector): Promise<ExecResult> {
  const confirmation = ctx.confirmation;
  const result = await ctx.pipeline.run(operationId, input, {
    dryRun: ctx.config.dryRun,
    confirmed: ctx.confirmed,
    cannotAsk: ctx.cannotAsk,
    confirm: confirmation
      ? async (request: ConfirmationRequest) => {
          const yes = await confirmation.answer(request, `Place this call? ${ctx.confirmSummary ?? request.summary}`);
          if (yes) ctx.confirmed = true;
          return yes;
        }
      : undefined,
  });
  if (!result.sent) {
    previews?.add(result.preview);
    return { sent: false, preview: result.preview, plan: result.plan };
  }
  return { sent: true, output: result.output, plan: result.plan };
}

// ---------------------------------------------------------------------------------------------
// results

export function ok(ctx: ServerDeps, structured: Record<string, unknown>): CallToolResult {
  const text = JSON.stringify(structured);
  const redacted = ctx.client.redact(text);
  if (redacted === text) return { content: [{ type: 'text', text }], structuredContent: structured };
  // A secret was in the result: the structured value is read back from the redacted text.
  const clean: unknown = JSON.parse(redacted);
  if (!isRecord(clean)) throw new Error('redaction changed the shape of a tool result');
  return { content: [{ type: 'text', text: redacted }], structuredContent: clean };
}

/** A failure as an isError result: a clear message first, then the details as JSON (never structuredContent). */
export function fail(ctx: ServerDeps, error: unknown): CallToolResult {
  let message: string;
  let details: Record<string, unknown>;
  if (error instanceof PolicyRefusal) {
    const howToChange = error.setting ? `${error.change} Setting: ${policySettingHint(error.setting)}.` : error.change;
    message = `${error.message} To change this: ${howToChange}`;
    details = { ...error.toJSON(), howToChange };
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
