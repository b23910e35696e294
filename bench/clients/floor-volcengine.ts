// Floor for Volcengine: plain undici keep-alive and a hand-written HMAC-SHA256 (V4-style) signature, the
// day's signing key derived once (as a KeyObject: an HMAC keyed by a Buffer costs several times more).
import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { Agent, request } from 'undici';
import { BENCH_ACCOUNTS } from '../lib/fixed-server.js';
import { at, CODES, OPEN_IDS, PHONES, VOLC_POOL, VOLC_RESOURCE } from '../lib/inputs.js';
import { runWorker, type Target } from '../lib/worker.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (k: string | Buffer, s: string) => createHmac('sha256', k).update(s).digest();

export function create({ url }: Target) {
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 128 });
  const { accessKey, secretKey } = BENCH_ACCOUNTS.volcengine;
  const host = new URL(url).host;
  const query = 'Action=SingleBatchAppend&Version=2022-01-01';
  let key: { day: string; kSigning: KeyObject } | undefined;
  return {
    async call(i: number) {
      const body = JSON.stringify({
        List: [{ SingleOpenId: at(OPEN_IDS, i), Phone: at(PHONES, i), Type: 1, Resource: VOLC_RESOURCE, NumberPoolNo: VOLC_POOL, PhoneParam: { code: at(CODES, i) } }],
      });
      const xDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
      const day = xDate.slice(0, 8);
      const bodyHash = sha256(body);
      const canonical = `POST\n/\n${query}\nhost:${host}\nx-content-sha256:${bodyHash}\nx-date:${xDate}\n\nhost;x-content-sha256;x-date\n${bodyHash}`;
      const scope = `${day}/cn-north-1/vms/request`;
      if (key?.day !== day) key = { day, kSigning: createSecretKey(hmac(hmac(hmac(hmac(secretKey, day), 'cn-north-1'), 'vms'), 'request')) };
      const signature = createHmac('sha256', key.kSigning).update(`HMAC-SHA256\n${xDate}\n${scope}\n${sha256(canonical)}`).digest('hex');
      const res = await request(`${url}/?${query}`, {
        method: 'POST',
        headers: {
          host,
          'content-type': 'application/json',
          'x-date': xDate,
          'x-content-sha256': bodyHash,
          authorization: `HMAC-SHA256 Credential=${accessKey}/${scope}, SignedHeaders=host;x-content-sha256;x-date, Signature=${signature}`,
        },
        body,
        dispatcher: agent,
      });
      const out = (await res.body.json()) as { ResponseMetadata?: { Error?: unknown }; Result?: { SuccessList?: unknown[] } };
      if (res.statusCode !== 200 || out.ResponseMetadata?.Error || out.Result?.SuccessList?.length !== 1) throw new Error(`HTTP ${res.statusCode}`);
    },
    close: () => agent.close(),
  };
}

await runWorker('floor-volcengine', create);
