// A loopback TCP link that forwards requests at once but holds every byte of the answer for a while:
// the server processes the request, the client's read timeout fires first. Bytes are not parsed, so
// the Host header (which Volcengine signs) reaches the server exactly as the client sent it.
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SlowLink {
  url: string;
  /** Connections still open (a held answer, or a request on its way). */
  openConnections(): number;
  close(): Promise<void>;
}

export async function startSlowLink(targetPort: number, holdMs: number): Promise<SlowLink> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      const timer = setTimeout(() => {
        if (!client.destroyed) client.write(chunk);
      }, holdMs);
      timer.unref();
    });
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', () => setTimeout(end, holdMs + 10).unref());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    openConnections: () => sockets.size,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
