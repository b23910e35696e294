import { createHmac } from 'crypto';

/** RFC 3986 percent-encoding as the Alibaba RPC signature requires: only A-Z a-z 0-9 - _ . ~ stay as they are. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The canonicalized query string: parameters sorted by name (byte order), each name=value percent-encoded. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((key) => key !== 'Signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join('&');
}

export function rpcStringToSign(method: 'GET' | 'POST', params: Record<string, string>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

/** Alibaba Cloud RPC signature v1: Base64(HMAC-SHA1(secret + "&", StringToSign)). */
export function rpcSignature(method: 'GET' | 'POST', params: Record<string, string>, secret: string): string {
  return createHmac('sha1', `${secret}&`).update(rpcStringToSign(method, params), 'utf8').digest('base64');
}

export interface AlibabaAuth {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** UTC timestamp in the yyyy-MM-ddTHH:mm:ssZ form the RPC API wants. */
export function rpcTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Adds the common parameters and the signature to the business parameters. */
export function signRpcParams(
  method: 'GET' | 'POST',
  params: Record<string, string>,
  auth: AlibabaAuth,
  epochMs: number,
  nonce: string,
): Record<string, string> {
  const signed: Record<string, string> = {
    ...params,
    Format: 'JSON',
    AccessKeyId: auth.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: nonce,
    Timestamp: rpcTimestamp(epochMs),
  };
  if (auth.securityToken) signed.SecurityToken = auth.securityToken;
  signed.Signature = rpcSignature(method, signed, auth.accessKeySecret);
  return signed;
}
