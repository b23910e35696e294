// The notice every billed operation shows in the node: what it costs, what "Outcome unknown" means, and
// why n8n's Retry On Fail does not help (the node never re-dials; see idempotency.ts).
import type { INodeProperties } from 'n8n-workflow';

export const BILLED_NOTICE_TEXT =
  'Places real, billed calls. If the vendor\'s answer is lost, the node stops with "Outcome unknown" and names the Out ID or number to check: the call may have been placed. The node never dials an item twice, so do not use Retry On Fail here; check the call first, then run the workflow again.';

/** Campaign operations make the job group dial: the advice names the job group and Reference IDs, not one call. */
export const CAMPAIGN_BILLED_NOTICE_TEXT =
  'Starts real, billed calls: the job group dials its callees within its strategy\'s hours. If the vendor\'s answer is lost, the node stops with "Outcome unknown" and names the job group and Reference IDs to check. The node never repeats this step for the same run. Do not use Retry On Fail here; check the campaign with Get Results, then run the workflow again.';

export function billedNotice(resource: string, operations: string[], text = BILLED_NOTICE_TEXT): INodeProperties {
  return {
    displayName: text,
    name: 'billedNotice',
    type: 'notice',
    default: '',
    displayOptions: { show: { resource: [resource], operation: operations } },
  };
}
