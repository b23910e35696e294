// Volcengine Voice (vms): JSON, form or query requests, HMAC-SHA256 signature (V4 style), answers in a
// ResponseMetadata envelope.
import type { HttpRequest } from '../../transport.js';
import { present, PREVIEW_SIGNATURE, signingAuthenticator, type VendorAdapter } from '../types.js';
import { buildVolcengine, readVolcengine, type VolcengineConfig } from './request.js';
import { signVolcengineRequest, volcengineSigner, type VolcengineSigning } from './signing.js';

import { volcengineReceipt } from './call-result.js';

export * from './call-result.js';
export * from './request.js';
export * from './signing.js';

/** The signed request with the signature in its Authorization header replaced by the preview placeholder. */
function withoutSignature(request: HttpRequest): HttpRequest {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, name.toLowerCase() === 'authorization' ? value.replace(/Signature=[0-9a-f]+/, `Signature=${PREVIEW_SIGNATURE}`) : value]),
  );
  return { ...request, headers };
}

export const volcengine: VendorAdapter<VolcengineConfig, VolcengineSigning> = {
  credentialsName: 'Volcengine access key',
  products: ['volcengine'],
  build: buildVolcengine,
  sign: signVolcengineRequest,
  authenticator: (config, _transport, runtime) => {
    const sign = volcengineSigner(config);
    return signingAuthenticator((request) => sign(request, runtime), withoutSignature);
  },
  account: (config) => config.accessKeyId,
  secrets: (config) => present([config.secretAccessKey, config.sessionToken]),
  receipt: (message) => volcengineReceipt(message),
  receiptAnswer: { status: 200, body: { code: 0, message: 'success' } },
  read: readVolcengine,
};
