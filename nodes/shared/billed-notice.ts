// The notice every billed operation shows in the node: what it costs, what "Outcome unknown" means, and
// why n8n's Retry On Fail does not help (the node never re-dials; see idempotency.ts).
import type { INodeProperties } from 'n8n-workflow';

export const BILLED_NOTICE_TEXT =
  'Places real, billed calls. If the vendor\'s answer is lost, the node stops with "Outcome unknown" and names the Out ID or number to check: the call may have been placed. The node never dials an item twice, so do not use Retry On Fail here; check the call first, then run the workflow again.';

export function billedNotice(resource: string, operation: string): INodeProperties {
  return {
    displayName: BILLED_NOTICE_TEXT,
    name: 'billedNotice',
    type: 'notice',
    default: '',
    displayOptions: { show: { resource: [resource], operation: [operation] } },
  };
}
