// n8n "Wait for Result" with many items: N TTS calls (Alibaba Cloud Voice node, one per item) against the
// sandbox, every call placed first (paced by the client) and followed together. Measured: wall time
// against the longest single wait and the sum of all waits (what following them one by one would take).
//
//   npx tsx bench/n8n-wait-bulk.ts [--items=100] [--speed=60]
import { performance } from 'node:perf_hooks';
import { executeProduct } from '../nodes/shared/execute.js';
import { startSandbox } from '../sandbox/server.js';
import { fakeExecute, sandboxCredentials } from '../test/n8n/helpers.js';

const flag = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const items = flag('items', 100);
const speed = flag('speed', 60);

const sandbox = await startSandbox({ speed, seed: 3 });
try {
  const parameters = Array.from({ length: items }, (_, i) => ({
    resource: 'call',
    operation: 'SingleCallByTts',
    CalledNumber: `1380000${String(i).padStart(4, '0')}`,
    TtsCode: 'TTS_100001',
    additionalFields: { OutId: `bulk-${i}` },
    waitForResult: true,
    waitTimeout: 600,
    pollInterval: 1,
  }));
  const { ctx } = fakeExecute({ credentials: sandboxCredentials(sandbox), parameters });
  const started = performance.now();
  const [out] = await executeProduct.call(ctx, 'dyvms');
  const wallSeconds = (performance.now() - started) / 1000;
  const waits = out.map((item) => Number((item.json.wait as { elapsedSeconds: number }).elapsedSeconds));
  const final = out.filter((item) => (item.json.wait as { final: boolean }).final).length;
  const longest = Math.max(...waits);
  const sum = waits.reduce((a, b) => a + b, 0);
  console.log(JSON.stringify({ items, speed, final, wallSeconds: Math.round(wallSeconds * 10) / 10, longestWaitSeconds: longest, sumOfWaitsSeconds: Math.round(sum * 10) / 10 }));
} finally {
  await sandbox.close();
}
