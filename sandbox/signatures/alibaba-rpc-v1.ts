// Alibaba Cloud RPC signature v1, as the API reference describes it ("调用方式", seed 002):
//  1. take every request parameter except Signature, sorted by name;
//  2. join specialUrlEncode(name) + "=" + specialUrlEncode(value) with "&" (specialUrlEncode is
//     RFC 3986 percent-encoding: see percent.ts);
//  3. StringToSign = HTTPMethod + "&" + specialUrlEncode("/") + "&" + specialUrlEncode(step 2);
//  4. Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)), UTF-8 throughout.
// Independent of core/signing on purpose (the sandbox checks core's signatures).
import { createHmac } from 'node:crypto';
import { byteOrder, rfc3986Encode } from './percent.js';

export function alibabaStringToSign(method: string, params: Record<string, string>): string {
  const sorted = Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort(byteOrder)
    .map((name) => `${rfc3986Encode(name)}=${rfc3986Encode(params[name])}`)
    .join('&');
  return `${method}&${rfc3986Encode('/')}&${rfc3986Encode(sorted)}`;
}

export function alibabaSignature(method: string, params: Record<string, string>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(alibabaStringToSign(method, params), 'utf8').digest('base64');
}
