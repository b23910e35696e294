// The n8n part of the secrets scan: one published workflow per scenario (Webhook -> one callbridge node),
// each with the status its execution must end in and, where a fault or error is the point, what the
// execution's error must say (so a scenario that did not do what it claims fails).
import { DEFAULT_INSTANCE_ID } from '../../../sandbox/outboundbot/state.js';
import { CREDENTIAL_TYPE, NODE } from '../../e2e-n8n/support.js';
import type { WorkflowNode } from '../../e2e-n8n/harness.js';
import { ACCOUNTS, STS_TOKEN, WRONG } from './canaries.js';

/** The credentials the scenarios use: right secrets, wrong secrets, and an Alibaba one that forbids billed calls. */
export type CredentialKey = 'alibaba' | 'alibabaWrong' | 'alibabaNoCalls' | 'volcengine' | 'volcengineWrong' | 'pbx' | 'pbxWrong';

/** The n8n credentials of the scenarios, pointed at the sandbox. */
export function n8nCredentials(sandbox: { url: string; env: Record<string, string> }): Record<CredentialKey, { type: string; data: Record<string, unknown> }> {
  const alibaba = { accessKeyId: ACCOUNTS.ALIBABA_CLOUD_ACCESS_KEY_ID, accessKeySecret: ACCOUNTS.ALIBABA_CLOUD_ACCESS_KEY_SECRET, securityToken: STS_TOKEN, region: 'cn-shanghai', endpoint: `${sandbox.url}/` };
  const volcengine = { accessKeyId: ACCOUNTS.VOLCENGINE_ACCESS_KEY, secretAccessKey: ACCOUNTS.VOLCENGINE_SECRET_KEY, region: 'cn-north-1', endpoint: sandbox.env.CALLBRIDGE_VOLCENGINE_ENDPOINT };
  const pbx = { baseUrl: sandbox.env.CALLBRIDGE_PBX_URL, username: ACCOUNTS.CALLBRIDGE_PBX_USERNAME, password: ACCOUNTS.CALLBRIDGE_PBX_PASSWORD, apiVersion: 'v1.1.0', ignoreTlsErrors: false };
  return {
    alibaba: { type: CREDENTIAL_TYPE.alibaba, data: alibaba },
    alibabaWrong: { type: CREDENTIAL_TYPE.alibaba, data: { ...alibaba, accessKeySecret: WRONG.alibaba } },
    alibabaNoCalls: { type: CREDENTIAL_TYPE.alibaba, data: { ...alibaba, allowBilledCalls: false } },
    volcengine: { type: CREDENTIAL_TYPE.volcengine, data: volcengine },
    volcengineWrong: { type: CREDENTIAL_TYPE.volcengine, data: { ...volcengine, secretAccessKey: WRONG.volcengine } },
    pbx: { type: CREDENTIAL_TYPE.pbx, data: pbx },
    pbxWrong: { type: CREDENTIAL_TYPE.pbx, data: { ...pbx, password: WRONG.pbx } },
  };
}

export interface N8nScenario {
  label: string;
  credential: CredentialKey;
  node: Pick<WorkflowNode, 'type' | 'typeVersion' | 'parameters'> & { onError?: 'continueRegularOutput' };
  /** The execution's status in n8n. */
  status: 'success' | 'error';
  /** What the execution's error (or, continuing on fail, its error item) says. */
  shows?: RegExp;
}

const alibaba = (parameters: Record<string, unknown>) => ({ type: NODE.alibabaVoice, typeVersion: 1, parameters: { resource: 'call', additionalFields: {}, ...parameters } });
const tts = (CalledNumber: string, TtsCode = 'TTS_100001') => alibaba({ operation: 'SingleCallByTts', CalledNumber, TtsCode, waitForResult: false });
const volcengine = (parameters: Record<string, unknown>) => ({ type: NODE.volcengineVoice, typeVersion: 1, parameters });
const pools = volcengine({ resource: 'number', operation: 'NumberPoolList', additionalFields: {} });
const pbx = (parameters: Record<string, unknown>) => ({ type: NODE.pbx, typeVersion: 1, parameters: { additionalFields: {}, waitForResult: false, ...parameters } });
const dial = (extid: string, outto: string) => pbx({ resource: 'extension', operation: 'extension.dial_outbound', extid, outto });

/** The TTS call whose receipt the Call Receipt Trigger gets. */
export const RECEIPT_CALLEE = '13600002001';

export const N8N_SCENARIOS: N8nScenario[] = [
  { label: 'dyvms success', credential: 'alibaba', node: tts(RECEIPT_CALLEE), status: 'success' },
  { label: 'dyvms vendor error', credential: 'alibaba', node: tts('13600002002', 'NOT_A_TEMPLATE'), status: 'error', shows: /TTS|template/i },
  { label: 'dyvms vendor error (continue on fail)', credential: 'alibaba', node: { ...tts('13600002012', 'NOT_A_TEMPLATE'), onError: 'continueRegularOutput' }, status: 'success', shows: /TTS|template/i },
  {
    label: 'dyvms reset after processing (outcome unknown)',
    credential: 'alibaba',
    node: alibaba({ operation: 'SingleCallByVoice', CalledNumber: '13600002003', VoiceCode: 'v.wav', waitForResult: false }),
    status: 'error',
    shows: /Outcome unknown/,
  },
  { label: 'dyvms invalid input (validation)', credential: 'alibaba', node: tts('not a number'), status: 'error', shows: /CalledNumber/ },
  { label: 'dyvms billed calls not allowed (refused before sending)', credential: 'alibabaNoCalls', node: tts('13600002013'), status: 'error', shows: /Allow Billed Calls/ },
  { label: 'dyvms wrong AccessKey secret', credential: 'alibabaWrong', node: tts('13600002004'), status: 'error', shows: /signature|secret/i },
  {
    label: 'outboundbot throttled',
    credential: 'alibaba',
    node: { type: NODE.outboundBot, typeVersion: 1, parameters: { resource: 'script', operation: 'ListScripts', InstanceId: DEFAULT_INSTANCE_ID, additionalFields: {} } },
    status: 'error',
    shows: /Throttling/,
  },
  { label: 'volcengine success', credential: 'volcengine', node: pools, status: 'success' },
  {
    label: 'volcengine 5xx (outcome unknown)',
    credential: 'volcengine',
    node: volcengine({
      resource: 'singleCall',
      operation: 'SingleBatchAppend',
      List: { values: [{ SingleOpenId: 'secn8n01', Phone: '13600002006', Type: 1, Resource: 'sandbox-tts-001', NumberPoolNo: 'NP162212345678900001' }] },
      waitForResult: false,
    }),
    status: 'error',
    shows: /Outcome unknown/,
  },
  { label: 'volcengine wrong SK', credential: 'volcengineWrong', node: pools, status: 'error', shows: /signature|secret/i },
  { label: 'pbx success', credential: 'pbx', node: dial('1000', '13600002007'), status: 'success' },
  { label: 'pbx vendor error', credential: 'pbx', node: dial('9999', '13600002008'), status: 'error' },
  {
    label: 'pbx reset before processing',
    credential: 'pbx',
    node: pbx({ resource: 'outboundCall', operation: 'outbound.playprompt', outto: '13600002009', prompt: 'welcome' }),
    status: 'error',
    shows: /Outcome unknown|no answer/,
  },
  // Last: the PBX locks out an address after five failed logins.
  { label: 'pbx wrong password', credential: 'pbxWrong', node: pbx({ resource: 'extension', operation: 'extensionlist.query' }), status: 'error', shows: /password|login/i },
];
