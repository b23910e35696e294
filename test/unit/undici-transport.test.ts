import { createServer as createNetServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkError } from '../../core/transport.js';
import { UndiciTransport } from '../../mcp/undici-transport.js';
import { startRecordingServer } from '../helpers/recording-server.js';

const servers: Array<{ close(): unknown }> = [];
afterEach(async () => {
  while (servers.length) await servers.pop()?.close();
});

async function rawServer(onData: (socket: import('node:net').Socket) => void): Promise<number> {
  const server: Server = createNetServer((socket) => socket.once('data', () => onData(socket)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({ close: () => new Promise((r) => server.close(r)) });
  return (server.address() as AddressInfo).port;
}

async function sendError(url: string, timeoutMs = 2000): Promise<NetworkError> {
  const transport = new UndiciTransport();
  const error = await transport.send({ method: 'POST', url, headers: {}, body: 'x=1' }, { timeoutMs }).then(() => undefined, (e: unknown) => e);
  await transport.close();
  expect(error).toBeInstanceOf(NetworkError);
  return error as NetworkError;
}

describe('UndiciTransport', () => {
  it('returns status, headers and body bytes', async () => {
    const server = await startRecordingServer(() => ({ status: 201, body: { a: 1 } }));
    servers.push(server);
    const transport = new UndiciTransport();
    const res = await transport.send({ method: 'POST', url: `${server.url}/x`, headers: { 'x-test': '1' }, body: 'hello' });
    await transport.close();
    expect(res.status).toBe(201);
    expect(new TextDecoder().decode(res.body)).toBe('{"a":1}');
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/x', body: 'hello' });
    expect(server.requests[0].headers['x-test']).toBe('1');
  });

  it('marks a refused connection as not sent', async () => {
    const port = await rawServer(() => undefined);
    await servers.pop()?.close(); // nothing listens on the port any more
    const error = await sendError(`http://127.0.0.1:${port}/`);
    expect(error.sent).toBe(false);
    expect(error.code).toBe('ECONNREFUSED');
  });

  it('marks a connection dropped after the request was read as possibly sent', async () => {
    const port = await rawServer((socket) => socket.destroy());
    const error = await sendError(`http://127.0.0.1:${port}/`);
    expect(error.sent).toBe(true);
  });

  it('marks a read timeout as possibly sent', async () => {
    const port = await rawServer(() => undefined);
    const error = await sendError(`http://127.0.0.1:${port}/`, 300);
    expect(error.sent).toBe(true);
  });
});
