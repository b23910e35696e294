// Diagnostic only (not a configuration callbridge ships): the client with parts of its checking taken
// out, to measure what each costs against the floor. `output`: the operation's output schema replaced by
// z.unknown() (the answer is returned as read); `input`: also no input validation (client.execute).
import { z } from 'zod';
import { CallbridgeClient } from '../../core/client.js';
import type { AnyOperation } from '../../core/operation.js';
import { catalog } from '../../core/registry.js';
import { systemRuntime } from '../../mcp/runtime.js';
import { UndiciTransport } from '../../mcp/undici-transport.js';
import { BENCH_ACCOUNTS } from './fixed-server.js';
import { at, CODES, PHONES, TTS_CODE } from './inputs.js';
import type { Target } from './worker.js';

export function uncheckedDyvms({ url }: Target, without: 'output' | 'input+output') {
  const transport = new UndiciTransport();
  const listed = catalog.get('dyvms.SingleCallByTts');
  if (!listed) throw new Error('dyvms.SingleCallByTts is not in the catalog');
  const op: AnyOperation = Object.create(listed, { output: { value: z.unknown() } });
  const client = new CallbridgeClient(
    { alibaba: { ...BENCH_ACCOUNTS.alibaba, endpoints: { dyvms: `${url}/` } }, transport, runtime: systemRuntime, pace: false },
    new Map([...catalog, [op.id, op]]),
  );
  return {
    async call(i: number) {
      // The wire form of TtsParam (JSON text) and PlayTimes, so that execute() sends what invoke() would.
      const input = { CalledNumber: at(PHONES, i), TtsCode: TTS_CODE, TtsParam: JSON.stringify({ code: at(CODES, i) }), PlayTimes: 2, OutId: `bench-${i}` };
      const out = (without === 'output' ? await client.invoke(op.id, input) : await client.execute(op, input)) as { CallId?: string };
      if (!out.CallId) throw new Error('no CallId');
    },
    close: () => transport.close(),
  };
}
