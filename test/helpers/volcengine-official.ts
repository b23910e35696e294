import Signer from '@volcengine/openapi/lib/base/sign.js';
import type { RecordedRequest } from './recording-server.js';

const SignerClass = ((Signer as unknown as { default?: typeof Signer }).default ?? Signer) as typeof Signer;

/** The Authorization header the official @volcengine/openapi Signer computes for a request a server received. */
export function officialVolcengineAuthorization(req: RecordedRequest, accessKeyId: string, secretKey: string): string {
  const url = new URL(req.url, 'http://x');
  const authorization = String(req.headers.authorization);
  const signed = /SignedHeaders=([^,]+)/.exec(authorization)?.[1].split(';') ?? [];
  const region = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(authorization)?.[1] ?? '';
  const headers: Record<string, string> = {};
  // The SDK adds X-Date (and X-Content-Sha256 for a non-empty body) itself, under these spellings.
  const spelling: Record<string, string> = { 'x-content-sha256': 'X-Content-Sha256' };
  for (const name of signed) if (name !== 'x-date') headers[spelling[name] ?? name] = String(req.headers[name]);
  const xDate = String(req.headers['x-date']);
  const date = new Date(`${xDate.slice(0, 4)}-${xDate.slice(4, 6)}-${xDate.slice(6, 8)}T${xDate.slice(9, 11)}:${xDate.slice(11, 13)}:${xDate.slice(13, 15)}Z`);
  const params = Object.fromEntries(url.searchParams);
  const signer = new SignerClass({ method: req.method, region, params, headers, body: req.body, pathname: url.pathname }, 'vms');
  signer.addAuthorization({ accessKeyId, secretKey }, date);
  return String(signer.request.headers.Authorization);
}
