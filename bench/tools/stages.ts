// Where callbridge's per-call CPU goes, without the network: each stage of invoke() timed in a loop.
//   npx tsx bench/tools/stages.ts [--n=50000]
import { createHmac, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { catalog } from '../../core/registry.js';
import { validateInput } from '../../core/validate.js';
import { alibabaRequest, alibabaResponse } from '../../core/vendors/alibaba.js';
import { volcengineRequest, volcengineResponse } from '../../core/vendors/volcengine.js';
import { parseFlags } from '../lib/common.js';
import { at, CODES, OPEN_IDS, PHONES, TTS_CODE, VOLC_POOL, VOLC_RESOURCE } from '../lib/inputs.js';

const n = Number(parseFlags(process.argv.slice(2)).n ?? 50_000);
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
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  console.log(`${label.padEnd(44)} ${(((performance.now() - t0) * 1000) / n).toFixed(2).padStart(7)} µs`);
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

console.log(`${n} iterations per stage`);
time('floor: build + sign (Alibaba)', floorSign);
time('dyvms validateInput', (i) => validateInput(tts, ttsInput(i)));
time('dyvms alibabaRequest (encode + sign)', (i) => alibabaRequest(tts, validateInput(tts, ttsInput(i)), ali, Date.now(), randomUUID()) && 0);
time('dyvms alibabaResponse + output.safeParse', (i) => tts.output.safeParse(alibabaResponse(tts, aliBody(i))));
time('dyvms alibabaResponse only', (i) => alibabaResponse(tts, aliBody(i)));
time('volcengine validateInput', (i) => validateInput(sba, sbaInput(i)));
time('volcengine volcengineRequest (encode + sign)', (i) => volcengineRequest(sba, sbaInput(i), volc, Date.now()));
time('volcengine response + output.safeParse', (i) => sba.output.safeParse(volcengineResponse(sba, volcBody(i))));
time('randomUUID', () => randomUUID());
