// @alicloud/dysmsapi20170525, a generated Alibaba SDK (stand-in: no generated voice SDK is published), default settings: SendSms.
import { createRequire } from 'node:module';
import { BENCH_ACCOUNTS } from '../lib/fixed-server.js';
import { at, CODES, PHONES, SMS_SIGN, SMS_TEMPLATE } from '../lib/inputs.js';
import { runWorker, type Target } from '../lib/worker.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function create({ url }: Target) {
  const require = createRequire(import.meta.url);
  const Dysms = require('@alicloud/dysmsapi20170525');
  const { $OpenApiUtil } = require('@alicloud/openapi-core');
  const { host } = new URL(url);
  const client = new Dysms.default(new $OpenApiUtil.Config({ ...BENCH_ACCOUNTS.alibaba, endpoint: host, protocol: 'http' }));
  return {
    async call(i: number) {
      const request = new Dysms.SendSmsRequest({
        phoneNumbers: at(PHONES, i),
        signName: SMS_SIGN,
        templateCode: SMS_TEMPLATE,
        templateParam: JSON.stringify({ code: at(CODES, i) }),
        outId: `bench-${i}`,
      });
      const out: any = await client.sendSms(request);
      if (out?.body?.code !== 'OK' || !out.body.bizId) throw new Error(`dysmsapi: ${out?.body?.code}`);
    },
  };
}

await runWorker('dysmsapi', create);
