// @alicloud/openapi-client, the generic callApi with its default signature (ACS3-HMAC-SHA256): dyvms SingleCallByTts.
import { createRequire } from 'node:module';
import { BENCH_ACCOUNTS } from '../lib/fixed-server.js';
import { at, CODES, PHONES, TTS_CODE } from '../lib/inputs.js';
import { runWorker, type Target } from '../lib/worker.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function create({ url }: Target) {
  const require = createRequire(import.meta.url);
  const OpenApi = require('@alicloud/openapi-client');
  const Util = require('@alicloud/tea-util');
  const OpenApiUtil = require('@alicloud/openapi-util').default;
  const { host } = new URL(url);
  const config = new OpenApi.Config({ ...BENCH_ACCOUNTS.alibaba, endpoint: host, protocol: 'http' });
  const client = new OpenApi.default(config);
  const params = new OpenApi.Params({
    action: 'SingleCallByTts',
    version: '2017-05-25',
    protocol: 'HTTP',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
  const runtime = new Util.RuntimeOptions({});
  return {
    async call(i: number) {
      const request = new OpenApi.OpenApiRequest({
        query: OpenApiUtil.query({ CalledNumber: at(PHONES, i), TtsCode: TTS_CODE, TtsParam: JSON.stringify({ code: at(CODES, i) }), PlayTimes: 2, OutId: `bench-${i}` }),
      });
      const out: any = await client.callApi(params, request, runtime);
      if (out?.body?.Code !== 'OK' || !out.body.CallId) throw new Error(`openapi-client: ${out?.body?.Code}`);
    },
  };
}

await runWorker('openapi-client', create);
