// callbridge: the core client with the undici transport; volcengine.SingleBatchAppend (one call per request).
import { CallbridgeClient } from '../../core/client.js';
import { catalog } from '../../core/registry.js';
import { systemRuntime } from '../../mcp/runtime.js';
import { UndiciTransport } from '../../mcp/undici-transport.js';
import { BENCH_ACCOUNTS } from '../lib/fixed-server.js';
import { at, CODES, OPEN_IDS, PHONES, VOLC_POOL, VOLC_RESOURCE } from '../lib/inputs.js';
import { runWorker, type Target } from '../lib/worker.js';

export function create({ url }: Target) {
  const transport = new UndiciTransport();
  const client = new CallbridgeClient(
    {
      volcengine: { accessKeyId: BENCH_ACCOUNTS.volcengine.accessKey, secretAccessKey: BENCH_ACCOUNTS.volcengine.secretKey, endpoint: `${url}/` },
      transport,
      runtime: systemRuntime,
      pace: false,
    },
    catalog,
  );
  return {
    async call(i: number) {
      const out = (await client.invoke('volcengine.SingleBatchAppend', {
        List: [{ SingleOpenId: at(OPEN_IDS, i), Phone: at(PHONES, i), Type: 1, Resource: VOLC_RESOURCE, NumberPoolNo: VOLC_POOL, PhoneParam: { code: at(CODES, i) } }],
      })) as { Result?: { SuccessList?: unknown[] } };
      if (out.Result?.SuccessList?.length !== 1) throw new Error('call not accepted');
    },
    close: () => transport.close(),
  };
}

await runWorker('callbridge-volcengine', create);
