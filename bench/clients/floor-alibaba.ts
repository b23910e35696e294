// The floor: plain undici keep-alive and a hand-written RPC v1 HMAC-SHA1 signature; no validation, no abstraction.
import { createHmac, randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { BENCH_ACCOUNTS } from '../lib/fixed-server.js';
import { at, CODES, PHONES, TTS_CODE } from '../lib/inputs.js';
import { runWorker, type Target } from '../lib/worker.js';

const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function create({ url }: Target) {
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 128 });
  const { accessKeyId, accessKeySecret } = BENCH_ACCOUNTS.alibaba;
  const key = `${accessKeySecret}&`;
  return {
    async call(i: number) {
      const params: Record<string, string> = {
        AccessKeyId: accessKeyId,
        Action: 'SingleCallByTts',
        CalledNumber: at(PHONES, i),
        Format: 'JSON',
        OutId: `bench-${i}`,
        PlayTimes: '2',
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        TtsCode: TTS_CODE,
        TtsParam: JSON.stringify({ code: at(CODES, i) }),
        Version: '2017-05-25',
      };
      const query = Object.keys(params)
        .sort()
        .map((k) => `${enc(k)}=${enc(params[k])}`)
        .join('&');
      const signature = createHmac('sha1', key).update(`POST&%2F&${enc(query)}`).digest('base64');
      const res = await request(`${url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: `${query}&Signature=${enc(signature)}`,
        dispatcher: agent,
      });
      const body = (await res.body.json()) as { Code?: string; CallId?: string };
      if (res.statusCode !== 200 || body.Code !== 'OK' || !body.CallId) throw new Error(`HTTP ${res.statusCode} ${body.Code}`);
    },
    close: () => agent.close(),
  };
}

await runWorker('floor-alibaba', create);
