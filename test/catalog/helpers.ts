// Shared setup of the catalog tests that send Alibaba RPC requests over real loopback HTTP.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { CallbridgeClient } from '../../core/client.js';
import { CallbridgeError } from '../../core/errors.js';
import type { AnyOperation } from '../../core/operation.js';
import { UndiciTransport } from '../../mcp/undici-transport.js';
import { fakeRuntime } from '../helpers/fakes.js';
import { startRecordingServer } from '../helpers/recording-server.js';

export interface Reply {
  status: number;
  body: unknown;
}

/** The Alibaba common and signature parameters, which every request carries. */
const COMMON = ['AccessKeyId', 'Format', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp', 'Signature', 'Version'];

/**
 * A real CallbridgeClient (undici transport, fake runtime, no pacing) over `catalog`, whose Alibaba endpoint for
 * `product` is a loopback server that records every request and answers with `reply()`. Registers the hooks that
 * start both before the file's tests, stop them after, and forget the recorded requests before each test.
 */
export function alibabaLoopback(
  product: 'dyvms' | 'outboundbot',
  catalog: ReadonlyMap<string, AnyOperation>,
  reply: () => Reply,
  options: { maxAttempts?: number } = {},
) {
  let server: Awaited<ReturnType<typeof startRecordingServer>>;
  let transport: UndiciTransport;
  let client: CallbridgeClient;

  beforeAll(async () => {
    server = await startRecordingServer(() => reply());
    transport = new UndiciTransport();
    client = new CallbridgeClient(
      { validateOutput: true,
        alibaba: { accessKeyId: 'test-id', accessKeySecret: 'test-secret', endpoints: { [product]: `${server.url}/` } },
        transport,
        runtime: fakeRuntime(),
        pace: false,
        ...options,
      },
      catalog,
    );
  });

  afterAll(async () => {
    await transport.close();
    await server.close();
  });

  beforeEach(() => {
    server.requests.length = 0;
  });

  return {
    get client() {
      return client;
    },
    /** Every request the server received since the test began. */
    get requests() {
      return server.requests;
    },
    /** The business parameters the vendor received in the only request (signature and common parameters removed). */
    received(): Record<string, string> {
      expect(server.requests).toHaveLength(1);
      const params = Object.fromEntries(new URLSearchParams(server.requests[0].body));
      for (const common of COMMON) delete params[common];
      return params;
    },
    /** The validation error `id` raises for `input`; nothing may have been sent. */
    async refused(id: string, input: unknown): Promise<CallbridgeError> {
      const error = await client.invoke(id, input).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CallbridgeError);
      expect((error as CallbridgeError).kind).toBe('validation');
      expect(server.requests).toHaveLength(0);
      return error as CallbridgeError;
    },
  };
}
