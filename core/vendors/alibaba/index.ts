// Alibaba Cloud RPC (Voice Service dyvms, Outbound Bot): form-encoded requests, signature v1 (HMAC-SHA1),
// answers with Code/Message.
import { present, signingAuthenticator, type VendorAdapter } from '../types.js';
import { buildAlibaba, readAlibaba, type AlibabaConfig } from './request.js';
import { signAlibaba, type AlibabaAuth } from './signing.js';

import { alibabaReceipt } from './call-result.js';

export * from './call-result.js';
export * from './request.js';
export * from './signing.js';

export const alibaba: VendorAdapter<AlibabaConfig, AlibabaAuth> = {
  credentialsName: 'Alibaba Cloud AccessKey',
  products: ['dyvms', 'outboundbot'],
  build: buildAlibaba,
  sign: signAlibaba,
  authenticator: (config, _transport, runtime) =>
    signingAuthenticator((request) => signAlibaba(request, config, runtime)),
  account: (config) => config.accessKeyId,
  secrets: (config) => present([config.accessKeySecret, config.securityToken]),
  receipt: alibabaReceipt,
  receiptAnswer: { status: 200, body: { code: 0, msg: '接收成功' } },
  read: readAlibaba,
};
