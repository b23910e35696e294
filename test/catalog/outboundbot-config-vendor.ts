// The loopback vendor of the Outbound Bot configuration tests (seed 003 §7-§13): the real client and undici
// send to a loopback server that records what arrives and answers like the docs' examples.
import { beforeEach } from 'vitest';
import { CallbridgeError } from '../../core/errors.js';
import { catalog } from '../../core/registry.js';
import { alibabaLoopback } from './helpers.js';

const MINE = {
  instances: ['CreateInstance', 'ListInstances', 'DeleteInstance', 'DescribeInstance', 'ModifyInstance'],
  scripts: [
    'CreateScript',
    'DeleteScript',
    'ModifyScript',
    'DescribeScript',
    'ListScripts',
    'QueryScriptsByStatus',
    'DuplicateScript',
    'ImportScript',
    'SubmitScriptReview',
    'WithdrawScriptReview',
    'ListScriptPublishHistories',
    'RollbackScript',
    'ExportScript',
    'PublishScriptForDebug',
  ],
  flows: ['CreateDialogueFlow', 'DeleteDialogueFlow', 'ModifyDialogueFlow', 'ListDialogueFlows'],
  globalQuestions: ['CreateGlobalQuestion', 'DeleteGlobalQuestion', 'ModifyGlobalQuestion', 'DescribeGlobalQuestion', 'ListGlobalQuestions'],
  intents: ['CreateIntent', 'DeleteIntent', 'ModifyIntent', 'DescribeIntent', 'ListIntents'],
  tags: ['CreateTag', 'ModifyTagGroups', 'ListTags'],
  voice: [
    'ModifyTTSConfig',
    'DescribeTTSConfig',
    'DescribeScriptVoiceConfig',
    'ListScriptVoiceConfigs',
    'CreateScriptWaveform',
    'DeleteScriptWaveform',
    'ModifyScriptVoiceConfig',
    'DescribeTTSDemo',
    'QueryScriptWaveforms',
  ],
};
export const ALL = Object.values(MINE).flat();

export const OK = { RequestId: 'req-1', Code: 'OK', HttpStatusCode: 200, Message: 'Success', Success: true };
let reply: unknown = OK;
export const vendor = alibabaLoopback('outboundbot', catalog, () => ({ status: 200, body: reply }));
export const { received } = vendor;

beforeEach(() => {
  reply = OK;
});

export async function invoke(id: string, input: unknown, answer: unknown = OK): Promise<Record<string, unknown>> {
  reply = answer;
  return (await vendor.client.invoke(`outboundbot.${id}`, input)) as Record<string, unknown>;
}

export const refused = (id: string, input: unknown): Promise<CallbridgeError> => vendor.refused(`outboundbot.${id}`, input);

export const INSTANCE = '174952ab-9825-4cc9-a5e2-de82d7fa4cdd';
export const SCRIPT = '63cc3b45-feb2-4676-a7d7-f717001fa1e1';
export const base = { InstanceId: INSTANCE, ScriptId: SCRIPT };

