// A free loopback port for a server a test starts (n8n, its task broker, redis-server, PostgreSQL).
import { createServer } from 'node:net';

/** Ports this process has handed out: the kernel may offer a just-closed port again (n8n then finds its broker port taken). */
const handedOut = new Set<number>();

export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no free port'))));
      });
    });
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
}
