// Alibaba Cloud RPC (Voice Service dyvms, Outbound Bot): form-encoded requests, signature v1 (HMAC-SHA1),
// answers with Code/Message.
import type { HttpRequest } from '../../transport.js';
import { present, PREVIEW_SIGNATURE, signingAuthenticator, type VendorAdapter } from '../types.js';
import { buildAlibaba, readAlibaba, type AlibabaConfig } from './request.js';
import { alibabaSigner, signAlibaba, type AlibabaAuth } from './signing.js';

import { alibabaReceipt } from './call-result.js';

export * from './call-result.js';
export * from './request.js';
export * from './signing.js';

/** The signed request with its Signature parameter (in the body or the query) replaced by the preview placeholder. */
function withoutSignature(request: HttpRequest): HttpRequest {
  const unsign = (text: string) => text.replace(/(^|[&?])Signature=[^&]*/, `$1Signature=${PREVIEW_SIGNATURE}`);
  return { ...request, url: unsign(request.url), body: request.body === undefined ? undefined : unsign(request.body) };
}

export const alibaba: VendorAdapter<AlibabaConfig, AlibabaAuth> = {
  credentialsName: 'Alibaba Cloud AccessKey',
  products: ['dyvms', 'outboundbot'],
  build: buildAlibaba,
  sign: signAlibaba,
  authenticator: (config, _transport, runtime) => {
    const sign = alibabaSigner(config);
    return signingAuthenticator((request) => sign(request, runtime), withoutSignature);
  },
  account: (config) => config.accessKeyId,
  secrets: (config) => present([config.accessKeySecret, config.securityToken]),
  receipt: alibabaReceipt,
  receiptAnswer: { status: 200, body: { code: 0, msg: '接收成功' } },
  read: readAlibaba,
};
