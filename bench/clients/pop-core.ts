// @alicloud/pop-core RPCClient (RPC v1 HMAC-SHA1, its own keep-alive agent), POST form: SingleCallByTts.
import { createRequire } from 'node:module';
import { BENCH_ACCOUNTS } from '../lib/fixed-server.js';
import { at, CODES, PHONES, TTS_CODE } from '../lib/inputs.js';
import { runWorker, type Target } from '../lib/worker.js';

interface RpcClient {
  request(action: string, params: Record<string, unknown>, opts?: Record<string, unknown>): Promise<{ Code?: string; CallId?: string }>;
}

export function create({ url }: Target) {
  const RPCClient = createRequire(import.meta.url)('@alicloud/pop-core').RPCClient as new (config: Record<string, unknown>) => RpcClient;
  const client = new RPCClient({ ...BENCH_ACCOUNTS.alibaba, endpoint: url, apiVersion: '2017-05-25' });
  const opts = { method: 'POST', timeout: 15_000 };
  return {
    async call(i: number) {
      const out = await client.request(
        'SingleCallByTts',
        { CalledNumber: at(PHONES, i), TtsCode: TTS_CODE, TtsParam: JSON.stringify({ code: at(CODES, i) }), PlayTimes: 2, OutId: `bench-${i}` },
        { ...opts },
      );
      if (out.Code !== 'OK' || !out.CallId) throw new Error(`pop-core: ${out.Code}`);
    },
  };
}

await runWorker('pop-core', create);
