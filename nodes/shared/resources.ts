// How each product's operations are grouped into the node's "Resource" selector: a short, ordered list
// of name rules per product. An operation no rule matches still appears, under "Other", so adding an
// operation to the catalog always adds it to the node.
import type { AnyOperation, Product } from '../../core/operation.js';

export interface ResourceRule {
  /** Parameter value, e.g. "robotTask". */
  value: string;
  /** Shown in the selector, e.g. "Robot Task". */
  name: string;
  description: string;
  /** Matched against the action (Alibaba, Volcengine) or the API path (PBX, "extension/dial_outbound"). */
  match: RegExp;
}

export const OTHER_RESOURCE: ResourceRule = { value: 'other', name: 'Other', description: 'Operations without a resource of their own', match: /.*/ };

export const RESOURCE_RULES: Record<Product, ResourceRule[]> = {
  dyvms: [
    { value: 'robotTask', name: 'Robot Task', description: 'Robot (AI) call campaigns and their calls', match: /Robot/ },
    { value: 'batchTask', name: 'Batch Task', description: 'Task Center batch voice notifications', match: /CallTask/ },
    { value: 'virtualNumber', name: 'Virtual Number', description: 'Virtual numbers and their bound real numbers', match: /VirtualNumber/ },
    { value: 'hotline', name: '400 Hotline', description: '400 numbers: forwarding, filings, inbound records', match: /Hotline|CallIn|TransferCallee|SendVerification/ },
    { value: 'rtc', name: 'RTC and Token', description: 'RTC accounts and tokens', match: /Rtc|Mqtt|Token|GetCallInfo/ },
    { value: 'call', name: 'Call', description: 'Single calls (TTS, voice file, IVR, SmartCall) and call records', match: /Call|Tts|Voice|Ivr/ },
  ],
  outboundbot: [
    { value: 'resourceTag', name: 'Resource Tag', description: 'Alibaba Cloud resource tags', match: /[Tt]agResources/ },
    { value: 'callerNumber', name: 'Caller Number', description: 'Numbers the robot calls from', match: /OutboundCallNumber/ },
    { value: 'instance', name: 'Instance', description: 'Outbound Bot instances', match: /Instance/ },
    { value: 'jobGroup', name: 'Job Group', description: 'Campaigns (job groups) and roster-file batches', match: /JobGroup|BatchJobs|TagHitsSummary/ },
    { value: 'job', name: 'Job', description: 'Callees (jobs) and their calls', match: /Job/ },
    { value: 'recording', name: 'Recording', description: 'Call recordings', match: /Recording/ },
    { value: 'telephony', name: 'Telephony Integration', description: 'Robot turns and failures for your own telephony', match: /^Dialogue$|RecordFailure/ },
    { value: 'dialogueFlow', name: 'Dialogue Flow', description: 'Dialogue flows of a script', match: /DialogueFlow/ },
    { value: 'globalQuestion', name: 'Global Question', description: 'Global questions of a script', match: /GlobalQuestion/ },
    { value: 'intent', name: 'Intent', description: 'Intents of a script', match: /Intent/ },
    { value: 'tag', name: 'Tag', description: 'Call-outcome tags of a script', match: /Tag/ },
    { value: 'script', name: 'Script', description: 'Dialogue scripts, their voice and publishing', match: /Script|TTS/ },
  ],
  volcengine: [
    { value: 'singleCall', name: 'Single Call', description: 'One-off calls without a task', match: /Single/ },
    { value: 'task', name: 'Task', description: 'Voice notification tasks and their callees', match: /Task|^BatchAppend$/ },
    { value: 'callRecord', name: 'Call Record', description: 'Call records and recordings', match: /CallRecord|AudioRecord/ },
    { value: 'number', name: 'Number', description: 'Caller numbers and number pools', match: /Number/ },
    { value: 'voiceResource', name: 'Voice Resource', description: 'Voice files, TTS templates and IVR flows', match: /Resource/ },
  ],
  pbx: [
    { value: 'extension', name: 'Extension', description: 'Extensions: settings, calls from an extension, prompts', match: /^extension/ },
    { value: 'outboundCall', name: 'Outbound Call', description: 'Calls from the PBX to external numbers', match: /^outbound\// },
    { value: 'inboundCall', name: 'Inbound Call', description: 'Calls coming in through trunks', match: /^inbound\// },
    { value: 'session', name: 'API Session', description: 'The API session (the credential logs in by itself)', match: /^(heartbeat|logout|login)$/ },
  ],
};

/** The resource an operation belongs to. */
export function resourceOf(op: AnyOperation): ResourceRule {
  return RESOURCE_RULES[op.product].find((rule) => rule.match.test(op.action)) ?? OTHER_RESOURCE;
}
