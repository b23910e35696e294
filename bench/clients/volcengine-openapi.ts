// @volcengine/openapi Service (axios, HMAC-SHA256), a JSON API for vms SingleBatchAppend.
import { createRequire } from 'node:module';
import { BENCH_ACCOUNTS } from '../lib/fixed-server.js';
import { at, CODES, OPEN_IDS, PHONES, VOLC_POOL, VOLC_RESOURCE } from '../lib/inputs.js';
import { runWorker, type Target } from '../lib/worker.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function create({ url }: Target) {
  const { Service } = createRequire(import.meta.url)('@volcengine/openapi');
  const { host } = new URL(url);
  const service = new Service({
    host,
    protocol: 'http:',
    region: 'cn-north-1',
    serviceName: 'vms',
    defaultVersion: '2022-01-01',
    accessKeyId: BENCH_ACCOUNTS.volcengine.accessKey,
    secretKey: BENCH_ACCOUNTS.volcengine.secretKey,
  });
  const api = service.createJSONAPI('SingleBatchAppend');
  return {
    async call(i: number) {
      const out: any = await api({
        List: [{ SingleOpenId: at(OPEN_IDS, i), Phone: at(PHONES, i), Type: 1, Resource: VOLC_RESOURCE, NumberPoolNo: VOLC_POOL, PhoneParam: { code: at(CODES, i) } }],
      });
      if (out?.ResponseMetadata?.Error || out?.Result?.SuccessList?.length !== 1) throw new Error(`volcengine: ${JSON.stringify(out?.ResponseMetadata?.Error)}`);
    },
  };
}

await runWorker('volcengine-openapi', create);
