// callbridge: the core client (validate -> sign -> send -> parse -> validate output) with the undici transport; dyvms.SingleCallByTts.
import { CallbridgeClient } from '../../core/client.js';
import { catalog } from '../../core/registry.js';
import { systemRuntime } from '../../mcp/runtime.js';
import { UndiciTransport } from '../../mcp/undici-transport.js';
import { BENCH_ACCOUNTS } from '../lib/fixed-server.js';
import { at, CODES, PHONES, TTS_CODE } from '../lib/inputs.js';
import { runWorker, type Target } from '../lib/worker.js';

export function create({ url }: Target) {
  const transport = new UndiciTransport();
  // Pacing off: the loopback server has no limit and the official SDKs do not pace either.
  const client = new CallbridgeClient(
    { alibaba: { ...BENCH_ACCOUNTS.alibaba, endpoints: { dyvms: `${url}/` } }, transport, runtime: systemRuntime, pace: false },
    catalog,
  );
  return {
    async call(i: number) {
      const out = (await client.invoke('dyvms.SingleCallByTts', {
        CalledNumber: at(PHONES, i),
        TtsCode: TTS_CODE,
        TtsParam: { code: at(CODES, i) },
        PlayTimes: 2,
        OutId: `bench-${i}`,
      })) as { CallId?: string };
      if (!out.CallId) throw new Error('no CallId');
    },
    close: () => transport.close(),
  };
}

await runWorker('callbridge-dyvms', create);
