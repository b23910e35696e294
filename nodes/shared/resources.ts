// The groups of each product's "Resource" selector, in order. Each operation names its group in its
// definition (`resource`); one that names none still appears, under "Other", so adding an operation to
// the catalog always adds it to the node.
import type { AnyOperation, Product } from '../../core/operation.js';

export interface ResourceGroup {
  /** Parameter value, e.g. "robotTask": what an operation's `resource` names. */
  value: string;
  /** Shown in the selector, e.g. "Robot Task". */
  name: string;
  description: string;
}

export const OTHER_RESOURCE: ResourceGroup = { value: 'other', name: 'Other', description: 'Operations without a resource of their own' };

export const RESOURCES: Record<Product, ResourceGroup[]> = {
  dyvms: [
    { value: 'robotTask', name: 'Robot Task', description: 'Robot (AI) call campaigns and their calls' },
    { value: 'batchTask', name: 'Batch Task', description: 'Task Center batch voice notifications' },
    { value: 'virtualNumber', name: 'Virtual Number', description: 'Virtual numbers and their bound real numbers' },
    { value: 'hotline', name: '400 Hotline', description: '400 numbers: forwarding, filings, inbound records' },
    { value: 'rtc', name: 'RTC and Token', description: 'RTC accounts and tokens' },
    { value: 'call', name: 'Call', description: 'Single calls (TTS, voice file, IVR, SmartCall) and call records' },
  ],
  outboundbot: [
    { value: 'resourceTag', name: 'Resource Tag', description: 'Alibaba Cloud resource tags' },
    { value: 'callerNumber', name: 'Caller Number', description: 'Numbers the robot calls from' },
    { value: 'instance', name: 'Instance', description: 'Outbound Bot instances' },
    { value: 'jobGroup', name: 'Job Group', description: 'Campaigns (job groups) and roster-file batches' },
    { value: 'job', name: 'Job', description: 'Callees (jobs) and their calls' },
    { value: 'recording', name: 'Recording', description: 'Call recordings' },
    { value: 'telephony', name: 'Telephony Integration', description: 'Robot turns and failures for your own telephony' },
    { value: 'dialogueFlow', name: 'Dialogue Flow', description: 'Dialogue flows of a script' },
    { value: 'globalQuestion', name: 'Global Question', description: 'Global questions of a script' },
    { value: 'intent', name: 'Intent', description: 'Intents of a script' },
    { value: 'tag', name: 'Tag', description: 'Call-outcome tags of a script' },
    { value: 'script', name: 'Script', description: 'Dialogue scripts, their voice and publishing' },
  ],
  volcengine: [
    { value: 'singleCall', name: 'Single Call', description: 'One-off calls without a task' },
    { value: 'task', name: 'Task', description: 'Voice notification tasks and their callees' },
    { value: 'callRecord', name: 'Call Record', description: 'Call records and recordings' },
    { value: 'number', name: 'Number', description: 'Caller numbers and number pools' },
    { value: 'voiceResource', name: 'Voice Resource', description: 'Voice files, TTS templates and IVR flows' },
  ],
  pbx: [
    { value: 'extension', name: 'Extension', description: 'Extensions: settings, calls from an extension, prompts' },
    { value: 'outboundCall', name: 'Outbound Call', description: 'Calls from the PBX to external numbers' },
    { value: 'inboundCall', name: 'Inbound Call', description: 'Calls coming in through trunks' },
    { value: 'trunk', name: 'Trunk', description: 'The trunks (lines to the carrier) and their state' },
    { value: 'session', name: 'API Session', description: 'The API session (the credential logs in by itself)' },
  ],
};

/** What a new node shows first: the operation people most often want (Outbound Bot: its Campaign resource). */
export const DEFAULT_OPERATION: Record<Product, { resource: string; operation?: `${Product}.${string}` }> = {
  dyvms: { resource: 'call', operation: 'dyvms.SingleCallByTts' },
  outboundbot: { resource: 'campaign' },
  volcengine: { resource: 'singleCall', operation: 'volcengine.SingleBatchAppend' },
  pbx: { resource: 'extension', operation: 'pbx.extension.dial_outbound' },
};

/** The resource an operation belongs to. */
export function resourceOf(op: AnyOperation): ResourceGroup {
  return RESOURCES[op.product].find((group) => group.value === op.resource) ?? OTHER_RESOURCE;
}
