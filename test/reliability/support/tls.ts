// A self-signed certificate for 127.0.0.1 (committed in test/fixtures/tls; see its README), and a TLS front
// on 127.0.0.1 that passes the bytes through to a plain-HTTP server (the sandbox): an on-prem PBX with its
// own certificate.
import { readFileSync } from 'node:fs';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { createServer } from 'node:tls';

export interface SelfSigned {
  key: string;
  cert: string;
}

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/tls/${name}`, import.meta.url), 'utf8');

/** The committed self-signed certificate for 127.0.0.1 and its key. */
export function selfSignedCertificate(): SelfSigned {
  return { key: fixture('key.pem'), cert: fixture('cert.pem') };
}

export interface TlsFront {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startTlsFront(certificate: SelfSigned, targetPort: number): Promise<TlsFront> {
  const sockets = new Set<Socket>();
  const server = createServer({ key: certificate.key, cert: certificate.cert }, (client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
