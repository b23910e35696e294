// Entry of a sandbox running in its own process (bulk fault runs: the vendor side gets its own CPU,
// as a real vendor would). Starts an observed sandbox with the options given as JSON in argv[2],
// serves what the simulators processed on a second loopback port, prints one JSON line describing
// itself, and exits when stdin closes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { operations } from '../../../core/catalog/index.js';
import { startObservedSandbox, type ObservedOptions } from './observed-sandbox.js';

export interface SandboxProcessOptions extends Omit<ObservedOptions, 'alibabaQps' | 'clock'> {
  /** Lift the Alibaba gateways' per-operation QPS limits (bulk runs measure retries, not pacing). */
  unlimitedQps?: boolean;
}

const options = JSON.parse(process.argv[2] ?? '{}') as SandboxProcessOptions;
const { unlimitedQps, ...rest } = options;
const sandbox = await startObservedSandbox({
  ...rest,
  alibabaQps: unlimitedQps ? Object.fromEntries(operations.map((op) => [op.id, 1e9])) : undefined,
});

const observer = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const body =
    url.pathname === '/processed'
      ? sandbox.processed.filter((p) => !url.searchParams.get('operationId') || p.operationId === url.searchParams.get('operationId'))
      : url.pathname === '/pbx-tokens'
        ? sandbox.pbxTokens
        : undefined;
  res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body ?? { error: 'GET /processed?operationId= or /pbx-tokens' }));
});
await new Promise<void>((resolve) => observer.listen(0, '127.0.0.1', resolve));

const speed = sandbox.context.clock.speed;
process.stdout.write(
  `${JSON.stringify({
    url: sandbox.url,
    port: sandbox.port,
    env: sandbox.env,
    observerUrl: `http://127.0.0.1:${(observer.address() as AddressInfo).port}`,
    speed,
    // sandbox time = real time x speed + clockOffset
    clockOffset: sandbox.context.clock.now() - Date.now() * speed,
  })}\n`,
);

const stop = async () => {
  observer.closeAllConnections();
  observer.close();
  await sandbox.close();
  process.exit(0);
};
process.stdin.on('end', () => void stop());
process.stdin.resume();
process.on('SIGTERM', () => void stop());
