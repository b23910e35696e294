// The call policy on the credential, judged by what the sandbox recorded: a refused request reaches no
// vendor, in any written form of a number, and says which credential field changes the rule.
import { NodeOperationError, type ICredentialDataDecryptedObject } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeProduct } from '../../nodes/shared/execute.js';
import { credentialPolicy } from '../../nodes/shared/policy.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import type { PlacedCall } from '../../sandbox/types.js';
import { fakeExecute, sandboxCredentials } from './helpers.js';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 60, seed: 'n8n-policy' });
});
afterAll(async () => {
  await sandbox?.close();
});

async function calls(): Promise<PlacedCall[]> {
  return (await (await fetch(`${sandbox.url}/_sandbox/calls`)).json()) as PlacedCall[];
}

/** Sandbox credentials with policy fields set on the Alibaba credential, under their own credential ID. */
function withPolicy(policy: ICredentialDataDecryptedObject) {
  const credentials = sandboxCredentials(sandbox);
  credentials.callbridgeAlibabaCloudApi = { ...credentials.callbridgeAlibabaCloudApi, ...policy };
  return credentials;
}

const tts = (CalledNumber: string) => ({ resource: 'call', operation: 'SingleCallByTts', CalledNumber, TtsCode: 'TTS_100001', additionalFields: {} });

async function refusal(policy: ICredentialDataDecryptedObject, parameters: Array<Record<string, unknown>>, credentialId?: string): Promise<NodeOperationError> {
  const { ctx } = fakeExecute({ credentials: withPolicy(policy), parameters });
  if (credentialId) ctx.getNode().credentials = { callbridgeAlibabaCloudApi: { id: credentialId, name: credentialId } };
  const error = await executeProduct.call(ctx, 'dyvms').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the node was refused').toBeInstanceOf(NodeOperationError);
  return error as NodeOperationError;
}

describe('call policy on the credential', () => {
  it('refuses emergency numbers in every written form, with no setting that allows them', async () => {
    const before = (await calls()).length;
    for (const number of ['110', '0086110', '+86110', '86110', '+1911']) {
      const error = await refusal({}, [tts(number)]);
      expect(error.message, number).toMatch(/emergency-numbers|invalid-number/);
    }
    const error = await refusal({}, [tts('0086110')]);
    expect(error.message).toContain('emergency-numbers');
    expect(error.description).toContain('cannot be turned off');
    expect(await calls()).toHaveLength(before);
  });

  it('a denied number is refused whichever form the node writes it in', async () => {
    const before = (await calls()).length;
    for (const number of ['13800000099', '+8613800000099', '008613800000099', '8613800000099']) {
      const error = await refusal({ deniedNumbers: '+8613800000099' }, [tts(number)]);
      expect(error.message, number).toContain('deny-numbers');
      expect(error.description).toContain('Denied Numbers');
    }
    expect(await calls()).toHaveLength(before);
  });

  it('allowed numbers: any other number is refused, an allowed one is called', async () => {
    const error = await refusal({ allowedNumbers: '+86139*' }, [tts('13800000123')]);
    expect(error.message).toContain('allow-numbers');
    const { ctx } = fakeExecute({ credentials: withPolicy({ allowedNumbers: '+86139*' }), parameters: [tts('013900000123')] });
    const [items] = await executeProduct.call(ctx, 'dyvms');
    expect(items[0].json.CallId).toBeTruthy();
    expect((await calls()).filter((c) => c.number === '013900000123')).toHaveLength(1);
  });

  it('Allow Billed Calls off refuses calls, reads still work', async () => {
    const error = await refusal({ allowBilledCalls: false }, [tts('13800000124')]);
    expect(error.message).toContain('allow-calls');
    expect(error.description).toContain('Allow Billed Calls');
    const { ctx } = fakeExecute({ credentials: withPolicy({ allowBilledCalls: false }), parameters: [{ resource: 'robotTask', operation: 'QueryRobotv2AllList' }] });
    const [items] = await executeProduct.call(ctx, 'dyvms');
    expect(items.length).toBeGreaterThan(0);
    expect((await calls()).filter((c) => c.number === '13800000124')).toHaveLength(0);
  });

  it('calling hours: a window that excludes now refuses the call', async () => {
    const hour = new Date().getUTCHours();
    const closed = `${String((hour + 2) % 24).padStart(2, '0')}:00-${String((hour + 3) % 24).padStart(2, '0')}:00`;
    const error = await refusal({ callingHours: closed, callingHoursTimezone: 'UTC' }, [tts('13800000125')]);
    expect(error.message).toContain('calling-hours');
    expect(error.description).toContain('Calling Hours');
  });

  it('caps count per number across forms and per credential, for the life of the process', async () => {
    const credentialId = 'cap-test-credential';
    const policy = { maxCallsPerNumberPerHour: 2 };
    for (const number of ['13800000126', '+8613800000126']) {
      const { ctx } = fakeExecute({ credentials: withPolicy(policy), parameters: [tts(number)] });
      ctx.getNode().credentials = { callbridgeAlibabaCloudApi: { id: credentialId, name: credentialId } };
      await executeProduct.call(ctx, 'dyvms');
    }
    const error = await refusal(policy, [tts('008613800000126')], credentialId);
    expect(error.message).toContain('max-per-number-per-hour');
    expect(error.description).toContain('Max Calls per Number per Hour');
    expect((await calls()).filter((c) => c.number.endsWith('13800000126'))).toHaveLength(2);
  });

  it('a policy field that cannot be read is an error naming it, and nothing is sent', async () => {
    const { ctx, requests } = fakeExecute({ credentials: withPolicy({ callingHours: 'nine to five' }), parameters: [tts('13800000127')] });
    const error = await executeProduct.call(ctx, 'dyvms').catch((e: unknown) => e);
    expect(String(error)).toContain('Calling Hours (credential)');
    expect(requests).toHaveLength(0);
  });

  it('defaults for a credential saved before the policy fields existed: calls on, any hour, per-number caps, no totals', () => {
    const settings = credentialPolicy({}, 'dyvms');
    expect(settings).toMatchObject({ allowCalls: true, confirm: false, callingHours: null, allowUnknownCallees: true, allowNumbers: undefined, denyNumbers: [] });
    expect(settings.limits).toMatchObject({ perNumberPerHour: 2, perNumberPerDay: 5, perHour: Infinity, perDay: Infinity, maxConcurrentCalls: Infinity });
  });

  it('the PBX credential reads dial prefixes and region: a prefixed emergency number is still refused', async () => {
    const credentials = sandboxCredentials(sandbox);
    credentials.callbridgePbxApi = { ...credentials.callbridgePbxApi, pbxDialPrefixes: '9', pbxRegion: 'CN' };
    const { ctx } = fakeExecute({ credentials, parameters: [{ resource: 'extension', operation: 'extension.dial_outbound', extid: '1000', outto: '9110', additionalFields: {} }] });
    const error = await executeProduct.call(ctx, 'pbx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeOperationError);
    expect((error as Error).message).toContain('emergency-numbers');
  });
});
