// Diagnostic only: the client configured otherwise than it ships, to measure what a check costs against
// the floor. `validate-output`: every answer also checked against the full output schema (validateOutput,
// what the test suite runs); `no-input-validation`: the input sent as validated (client.execute), so the
// input schema never runs; the answer is made into its documented result as always.
import { CallbridgeClient } from '../../core/client.js';
import { catalog } from '../../core/registry.js';
import { systemRuntime } from '../../mcp/runtime.js';
import { UndiciTransport } from '../../mcp/undici-transport.js';
import { BENCH_ACCOUNTS } from './fixed-server.js';
import { at, CODES, PHONES, TTS_CODE } from './inputs.js';
import type { Target } from './worker.js';

export function uncheckedDyvms({ url }: Target, mode: 'validate-output' | 'no-input-validation') {
  const transport = new UndiciTransport();
  const op = catalog.get('dyvms.SingleCallByTts');
  if (!op) throw new Error('dyvms.SingleCallByTts is not in the catalog');
  const client = new CallbridgeClient(
    { alibaba: { ...BENCH_ACCOUNTS.alibaba, endpoints: { dyvms: `${url}/` } }, transport, runtime: systemRuntime, pace: false, validateOutput: mode === 'validate-output' },
    catalog,
  );
  return {
    async call(i: number) {
      const out = (
        mode === 'validate-output'
          ? await client.invoke(op.id, { CalledNumber: at(PHONES, i), TtsCode: TTS_CODE, TtsParam: { code: at(CODES, i) }, PlayTimes: 2, OutId: `bench-${i}` })
          : // The wire form of TtsParam (JSON text), so that execute() sends what invoke() would.
            await client.execute(op, { CalledNumber: at(PHONES, i), TtsCode: TTS_CODE, TtsParam: JSON.stringify({ code: at(CODES, i) }), PlayTimes: 2, OutId: `bench-${i}` })
      ) as { CallId?: string };
      if (!out.CallId) throw new Error('no CallId');
    },
    close: () => transport.close(),
  };
}
