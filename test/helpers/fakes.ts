import type { HttpRequest, HttpResponse, Runtime, Transport } from '../../core/transport.js';

/** A runtime whose clock only moves when something sleeps; nonces count up. */
export function fakeRuntime(start = Date.UTC(2026, 0, 1)): Runtime & { slept: number[] } {
  let now = start;
  let n = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
    random: () => 0.5,
    nonce: () => `nonce-${++n}`,
  };
}

export function jsonResponse(status: number, body: unknown): HttpResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode(JSON.stringify(body)) };
}

/** A transport that answers each request with the next scripted step (a response, or an error to throw). */
export function scriptedTransport(steps: Array<HttpResponse | Error>): Transport & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async send(request) {
      requests.push(request);
      const step = steps.shift();
      if (!step) throw new Error('scripted transport: no more steps');
      if (step instanceof Error) throw step;
      return step;
    },
  };
}
