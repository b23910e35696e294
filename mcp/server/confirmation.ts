// Confirm-before-dial on every transport, with the 2026-07-28 multi-round-trip pattern: a tool call
// whose billed request needs a person's yes answers `input_required` (an elicitation) and a request
// state the server signs (HMAC, the SDK's codec). The client asks the person and retries the call with
// the answer and the state. The state is bound to the exact plan (operation and validated input:
// numbers, attempts, window fields, content), expires after CONFIRM_TTL_SECONDS and is claimed once in
// the policy store, so any replica sharing the key and the store accepts it, and only once.
// 2025-era clients get the same flow through the SDK's shim (a pushed elicitation/create).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { acceptedContent, createRequestStateCodec, inputRequired, inputResponse, type InputRequiredResult, type ServerContext } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { ConfirmationRequest } from '../../core/pipeline.js';
import { PolicyRefusal } from '../../core/policy/refusal.js';
import type { PolicyStore } from '../../core/policy/types.js';

/** How long a confirmation question stays answerable. */
export const CONFIRM_TTL_SECONDS = 300;

const stateSchema = z.strictObject({ id: z.string().min(16), tool: z.string(), plan: z.string() });
export type ConfirmState = z.infer<typeof stateSchema>;

const answerSchema = z.object({ confirm: z.boolean().meta({ title: 'Place the call(s)', description: 'Yes to place the billed call(s) described.' }) });

/** Signs and checks confirmation states. */
export interface ConfirmationSigner {
  mint(state: ConfirmState): Promise<string>;
  /** The state's payload; throws on a bad signature, an expired state or a malformed payload. */
  verify(state: string, ctx: ServerContext): Promise<ConfirmState>;
}

/** The signer for a key shared by every replica (setting), or a key of this process only (stdio). */
export function confirmationSigner(key: string | undefined): ConfirmationSigner {
  const codec = createRequestStateCodec<ConfirmState>({ key: key ? new TextEncoder().encode(key) : randomBytes(32), ttlSeconds: CONFIRM_TTL_SECONDS });
  return {
    mint: (state) => codec.mint(state),
    verify: async (state, ctx) => stateSchema.parse(await codec.verify(state, ctx)),
  };
}

/** Thrown inside a tool call whose billed request needs a yes this round does not carry: the tool answers with `result`. */
export class ConfirmationNeeded extends Error {
  constructor(readonly result: InputRequiredResult) {
    super('a person must confirm this billed request');
  }
}

/** What a confirmation is bound to: the operation, its validated input and the planned contacts and attempts. */
export function planDigest(request: ConfirmationRequest): string {
  const { contacts, taskAttempts, dials, unknownCallees } = request.plan;
  return createHash('sha256').update(JSON.stringify({ operation: request.operation, input: request.input, contacts, taskAttempts, dials, unknownCallees })).digest('base64url');
}

/** One tool call's way to get a person's yes for a billed request. */
export interface Confirmation {
  /** True on a yes for exactly this plan (claimed once); false on a no; throws ConfirmationNeeded to ask. */
  answer(request: ConfirmationRequest, message: string): Promise<boolean>;
}

export function confirmationFor(request: ServerContext, tool: string, signer: ConfirmationSigner, store: PolicyStore): Confirmation {
  return {
    async answer(confirmation, message) {
      const plan = planDigest(confirmation);
      // Verified by the server's requestState hook before the handler ran (tampered or expired: refused there).
      const raw: unknown = request.mcpReq.requestState();
      const state = raw === undefined ? undefined : stateSchema.parse(raw);
      if (state) {
        if (state.tool !== tool || state.plan !== plan) {
          throw new PolicyRefusal('confirmation', `the confirmation was given for another request than this one (${confirmation.summary}).`, 'call the tool again without the old state and confirm this request.', 'confirm');
        }
        const view = inputResponse(request.mcpReq.inputResponses, 'confirm');
        if (view.kind === 'elicit' && view.action !== 'accept') return false;
        const yes = acceptedContent(request.mcpReq.inputResponses, 'confirm', answerSchema);
        if (yes !== undefined) {
          if (!yes.confirm) return false;
          if (!(await store.claimOnce('confirm', state.id, CONFIRM_TTL_SECONDS * 1000))) {
            throw new PolicyRefusal('confirmation', `this confirmation was already used; a yes places the call(s) once. It was: ${confirmation.summary}`, 'call the tool again and confirm anew.', 'confirm');
          }
          return true;
        }
      }
      const requestState = await signer.mint({ id: randomUUID(), tool, plan });
      throw new ConfirmationNeeded(inputRequired({ inputRequests: { confirm: inputRequired.elicit({ message, requestedSchema: answerSchema }) }, requestState }));
    },
  };
}
