// CPU per call of the whole callbridge client with a transport that answers at once (no network):
// validation, pacing check, signing, parsing and the retry/error plumbing, next to the floor's build + sign;
// and what core's pipeline (the call policy every front end runs) adds to a read (reads skip the policy store).
//   npx tsx bench/tools/client-no-network.ts [--n=100000] [--json]
import { createHmac, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { CallbridgeClient } from '../../core/client.js';
import { Pipeline } from '../../core/pipeline.js';
import { MemoryStore } from '../../core/policy/memory-store.js';
import { defaultPolicy } from '../../core/policy/settings.js';
import { catalog } from '../../core/registry.js';
import type { HttpResponse, Transport } from '../../core/transport.js';
import { systemRuntime } from '../../mcp/runtime.js';
import { parseFlags, spread } from '../lib/common.js';
import { at, CODES, OPEN_IDS, PHONES, TTS_CODE, VOLC_POOL, VOLC_RESOURCE } from '../lib/inputs.js';

const flags = parseFlags(process.argv.slice(2));
const n = Number(flags.n ?? 100_000);
const results: { stage: string; us: number }[] = [];
const answer = new TextEncoder().encode(JSON.stringify({ RequestId: 'R', Code: 'OK', Message: 'OK', CallId: '1^2' }));
const instant: Transport = { send: async (): Promise<HttpResponse> => ({ status: 200, headers: {}, body: answer }) };
const volcAnswer = new TextEncoder().encode(JSON.stringify({ ResponseMetadata: { RequestId: 'R', Action: 'SingleBatchAppend', Version: '2022-01-01' }, Result: { SuccessList: [{ Phone: '13800000000', SingleOpenId: 'x' }], FailList: [] } }));
const instantVolc: Transport = { send: async (): Promise<HttpResponse> => ({ status: 200, headers: {}, body: volcAnswer }) };
const client = new CallbridgeClient({ alibaba: { accessKeyId: 'a', accessKeySecret: 'b', endpoints: { dyvms: 'http://127.0.0.1:1/' } }, transport: instant, runtime: systemRuntime, pace: false }, catalog);
const volcClient = new CallbridgeClient({ volcengine: { accessKeyId: 'a', secretAccessKey: 'b', endpoint: 'http://127.0.0.1:1/' }, transport: instantVolc, runtime: systemRuntime, pace: false }, catalog);
const volcInput = (i: number) => ({
  List: [{ SingleOpenId: at(OPEN_IDS, i), Phone: at(PHONES, i), Type: 1, Resource: VOLC_RESOURCE, NumberPoolNo: VOLC_POOL, PhoneParam: { code: at(CODES, i) } }],
});
const input = (i: number) => ({ CalledNumber: at(PHONES, i), TtsCode: TTS_CODE, TtsParam: { code: at(CODES, i) }, PlayTimes: 2, OutId: `bench-${i}` });

const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
async function floor(i: number): Promise<void> {
  const p: Record<string, string> = {
    AccessKeyId: 'a', Action: 'SingleCallByTts', CalledNumber: at(PHONES, i), Format: 'JSON', OutId: `bench-${i}`, PlayTimes: '2',
    SignatureMethod: 'HMAC-SHA1', SignatureNonce: randomUUID(), SignatureVersion: '1.0', Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    TtsCode: TTS_CODE, TtsParam: JSON.stringify({ code: at(CODES, i) }), Version: '2017-05-25',
  };
  const q = Object.keys(p).sort().map((k) => `${enc(k)}=${enc(p[k])}`).join('&');
  const body = `${q}&Signature=${enc(createHmac('sha1', 'b&').update(`POST&%2F&${enc(q)}`).digest('base64'))}`;
  const res = await instant.send({ method: 'POST', url: 'http://127.0.0.1:1/', headers: {}, body });
  const out = JSON.parse(new TextDecoder().decode(res.body)) as { Code?: string };
  if (out.Code !== 'OK') throw new Error('not OK');
}

async function time(label: string, fn: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < n / 5; i++) await fn(i);
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) await fn(i);
    const c = process.cpuUsage(c0);
    passes.push((c.user + c.system) / n);
  }
  results.push({ stage: label, us: spread(passes).median });
}

const read = { CallId: '116012854210^102675353103', ProdId: '11000000300006', QueryDate: 1_700_000_000_000 };
const readAnswer = new TextEncoder().encode(JSON.stringify({ RequestId: 'R', Code: 'OK', Message: 'OK', Data: '{"callId":"116012854210^102675353103","state":"200000"}' }));
const readClient = new CallbridgeClient({ alibaba: { accessKeyId: 'a', accessKeySecret: 'b', endpoints: { dyvms: 'http://127.0.0.1:1/' } }, transport: { send: async () => ({ status: 200, headers: {}, body: readAnswer }) }, runtime: systemRuntime, pace: false }, catalog);
/** The pipeline as the MCP server and the CLI build it, with the default policy (a read is never refused by it). */
const readPipeline = new Pipeline({
  client: readClient,
  settings: defaultPolicy(),
  store: new MemoryStore({ now: systemRuntime.now, nonce: systemRuntime.nonce }),
  runtime: systemRuntime,
  accountOf: (product) => readClient.accountOf(product),
});

await time('floor (Alibaba): build + sign + parse', floor);
await time('callbridge invoke (dyvms.SingleCallByTts)', (i) => client.invoke('dyvms.SingleCallByTts', input(i)));
await time('callbridge invoke (volcengine.SingleBatchAppend)', (i) => volcClient.invoke('volcengine.SingleBatchAppend', volcInput(i)));
await time('callbridge invoke (read: dyvms.QueryCallDetailByCallId)', () => readClient.invoke('dyvms.QueryCallDetailByCallId', read));
await time('pipeline run (read: dyvms.QueryCallDetailByCallId)', () => readPipeline.run('dyvms.QueryCallDetailByCallId', read));
if (flags.json) process.stdout.write(`${JSON.stringify(results)}\n`);
else for (const r of results) console.log(`${r.stage.padEnd(56)} ${r.us.toFixed(2).padStart(7)} µs CPU per call`);
void performance;
