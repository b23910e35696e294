import OpenApiUtil from '@alicloud/openapi-util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startRecordingServer } from '../helpers/recording-server.js';
import { officialVolcengineAuthorization } from '../helpers/volcengine-official.js';

const SECRET = 'cli-test-secret-Xy9';
let server: Awaited<ReturnType<typeof startRecordingServer>>;
let env: Record<string, string>;

beforeAll(async () => {
  server = await startRecordingServer(() => ({ status: 200, body: { RequestId: 'req-1', Code: 'OK', Message: 'OK', CallId: '116012354148^102813780001' } }));
  env = {
    ALIBABA_CLOUD_ACCESS_KEY_ID: 'cli-test-id',
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
    CALLBRIDGE_DYVMS_ENDPOINT: `${server.url}/dyvms/`,
  };
});
afterAll(() => server.close());

const input = JSON.stringify({ CalledNumber: '13800000000', TtsCode: 'TTS_1', TtsParam: { code: '12 34*~+/&=' }, OutId: 'o-1' });

describe('callbridge invoke', () => {
  it('sends a request whose signature the official SDK function verifies, and prints the parsed response', async () => {
    const before = server.requests.length;
    const result = await runCli(['invoke', 'dyvms.SingleCallByTts', '--input', input], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ Code: 'OK', CallId: '116012354148^102813780001' });
    const req = server.requests[before];
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/dyvms/');
    const params = Object.fromEntries(new URLSearchParams(req.body));
    const { Signature, ...signed } = params;
    expect(Signature).toBe(OpenApiUtil.getRPCSignature(signed, 'POST', SECRET));
    expect(signed).toMatchObject({ Action: 'SingleCallByTts', Version: '2017-05-25', TtsParam: '{"code":"12 34*~+/&="}', AccessKeyId: 'cli-test-id' });
  });

  it('exits 2 on invalid input, names the field and the rule, and sends nothing', async () => {
    const before = server.requests.length;
    const result = await runCli(['invoke', 'dyvms.SingleCallByTts', '--input', JSON.stringify({ CalledNumber: '13800000000', TtsCode: 'T', OutId: 'x'.repeat(16) })], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('OutId');
    expect(result.stderr).toContain('1-15 bytes');
    expect(server.requests.length).toBe(before);
  });

  it('--dry-run prints the signed request without the secret and sends nothing', async () => {
    const before = server.requests.length;
    const result = await runCli(['invoke', 'dyvms.SingleCallByTts', '--input', input, '--dry-run'], { ...env, ALIBABA_CLOUD_SECURITY_TOKEN: 'sts-token-abcdef' });
    expect(result.code).toBe(0);
    const preview = JSON.parse(result.stdout) as { request: { method: string; url: string; body: string } };
    expect(preview.request.url).toBe(`${server.url}/dyvms/`);
    expect(preview.request.body).toContain('Signature=');
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(result.stdout + result.stderr).not.toContain('sts-token-abcdef');
    expect(server.requests.length).toBe(before);
  });

  it('exits 1 with the vendor code and request id on a vendor error', async () => {
    const failing = await startRecordingServer(() => ({ status: 400, body: { RequestId: 'req-err', Code: 'InvalidParameter', Message: 'bad CalledNumber' } }));
    try {
      const result = await runCli(['invoke', 'dyvms.SingleCallByTts', '--input', input], { ...env, CALLBRIDGE_DYVMS_ENDPOINT: failing.url });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('InvalidParameter');
      expect(result.stderr).toContain('req-err');
      expect(failing.requests.length).toBe(1);
    } finally {
      await failing.close();
    }
  });

  it('sends a Volcengine request whose Authorization the official @volcengine/openapi Signer reproduces', async () => {
    const volc = await startRecordingServer(() => ({ status: 200, body: { ResponseMetadata: { RequestId: 'v-1', Action: 'PauseTask' }, Result: {} } }));
    try {
      const result = await runCli(['invoke', 'volcengine.PauseTask', '--input', JSON.stringify({ TaskOpenId: 'task-1' })], {
        VOLCENGINE_ACCESS_KEY: 'AKLTcli',
        VOLCENGINE_SECRET_KEY: 'volc-cli-secret/+=',
        CALLBRIDGE_VOLCENGINE_ENDPOINT: `${volc.url}/`,
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const req = volc.requests[0];
      expect(req.url).toContain('Action=PauseTask');
      expect(req.headers.authorization).toBe(officialVolcengineAuthorization(req, 'AKLTcli', 'volc-cli-secret/+='));
    } finally {
      await volc.close();
    }
  });
});
