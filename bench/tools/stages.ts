// Where callbridge's per-call CPU goes, without the network: each stage of invoke() timed in a loop
// (the fastest of 5 passes), next to the floor's hand-written build + sign.
//   npx tsx bench/tools/stages.ts [--n=50000] [--json]
import { createHmac, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { catalog } from '../../core/registry.js';
import { normalizeOutput } from '../../core/output.js';
import { validateInput } from '../../core/validate.js';
import { alibaba, alibabaSigner, readAlibaba } from '../../core/vendors/alibaba/index.js';
import { readVolcengine, volcengine, volcengineSigner } from '../../core/vendors/volcengine/index.js';
import { systemRuntime } from '../../mcp/runtime.js';
import { parseFlags, spread } from '../lib/common.js';
import { at, CODES, OPEN_IDS, PHONES, TTS_CODE, VOLC_POOL, VOLC_RESOURCE } from '../lib/inputs.js';

const flags = parseFlags(process.argv.slice(2));
const n = Number(flags.n ?? 50_000);
const results: { stage: string; us: number }[] = [];
const tts = catalog.get('dyvms.SingleCallByTts')!;
const sba = catalog.get('volcengine.SingleBatchAppend')!;
const ali = { accessKeyId: 'bench-ak', accessKeySecret: 'bench-secret', endpoints: { dyvms: 'http://127.0.0.1:1/' } };
const volc = { accessKeyId: 'ak', secretAccessKey: 'sk', endpoint: 'http://127.0.0.1:1/' };
const ttsInput = (i: number) => ({ CalledNumber: at(PHONES, i), TtsCode: TTS_CODE, TtsParam: { code: at(CODES, i) }, PlayTimes: 2, OutId: `bench-${i}` });
const sbaInput = (i: number) => ({
  List: [{ SingleOpenId: at(OPEN_IDS, i), Phone: at(PHONES, i), Type: 1, Resource: VOLC_RESOURCE, NumberPoolNo: VOLC_POOL, PhoneParam: { code: at(CODES, i) } }],
});
const enc = new TextEncoder();
const aliBody = (i: number) => ({ status: 200, headers: {}, body: enc.encode(JSON.stringify({ RequestId: `R${i}`, Code: 'OK', Message: 'OK', CallId: `1^${i}` })) });
const volcBody = (i: number) => ({
  status: 200,
  headers: {},
  body: enc.encode(JSON.stringify({ ResponseMetadata: { RequestId: `R${i}`, Action: 'SingleBatchAppend', Version: '2022-01-01' }, Result: { SuccessList: [{ Phone: at(PHONES, i), SingleOpenId: at(OPEN_IDS, i) }], FailList: [] } })),
});

function time(label: string, fn: (i: number) => unknown): void {
  for (let i = 0; i < n / 5; i++) fn(i);
  const passes: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    passes.push(((performance.now() - t0) * 1000) / n);
  }
  // The fastest pass: on a shared machine the others include time the process was not running.
  results.push({ stage: label, us: spread(passes).min });
}

const pe = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const floorSign = (i: number) => {
  const p: Record<string, string> = {
    AccessKeyId: 'bench-ak', Action: 'SingleCallByTts', CalledNumber: at(PHONES, i), Format: 'JSON', OutId: `bench-${i}`, PlayTimes: '2',
    SignatureMethod: 'HMAC-SHA1', SignatureNonce: randomUUID(), SignatureVersion: '1.0', Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    TtsCode: TTS_CODE, TtsParam: JSON.stringify({ code: at(CODES, i) }), Version: '2017-05-25',
  };
  const q = Object.keys(p).sort().map((k) => `${pe(k)}=${pe(p[k])}`).join('&');
  return `${q}&Signature=${pe(createHmac('sha1', 'bench-secret&').update(`POST&%2F&${pe(q)}`).digest('base64'))}`;
};

time('floor: build + sign (Alibaba)', floorSign);
time('dyvms validateInput', (i) => validateInput(tts, ttsInput(i)));
const validTts = validateInput(tts, ttsInput(0));
const signAli = alibabaSigner(ali); // what a client keeps
time('dyvms alibaba build + sign', () => signAli(alibaba.build(tts, validTts, ali), systemRuntime));
time('dyvms readAlibaba only', (i) => readAlibaba(tts, aliBody(i)));
time('dyvms readAlibaba + normalizeOutput (what a call runs)', (i) => normalizeOutput(tts, readAlibaba(tts, aliBody(i))));
time('dyvms readAlibaba + output.safeParse (validateOutput)', (i) => tts.output.safeParse(readAlibaba(tts, aliBody(i))));
time('volcengine validateInput', (i) => validateInput(sba, sbaInput(i)));
const validSba = validateInput(sba, sbaInput(0));
const signVolc = volcengineSigner(volc); // what a client keeps (the day's signing key derived once)
time('volcengine build + sign', () => signVolc(volcengine.build(sba, validSba, volc), systemRuntime));
time('volcengine readVolcengine only', (i) => readVolcengine(sba, volcBody(i)));
time('volcengine readVolcengine + normalizeOutput (what a call runs)', (i) => normalizeOutput(sba, readVolcengine(sba, volcBody(i))));
time('volcengine readVolcengine + output.safeParse (validateOutput)', (i) => sba.output.safeParse(readVolcengine(sba, volcBody(i))));
time('randomUUID', () => randomUUID());

if (flags.json) process.stdout.write(`${JSON.stringify(results)}\n`);
else for (const r of results) console.log(`${r.stage.padEnd(66)} ${r.us.toFixed(2).padStart(7)} µs`);
