// Alibaba Cloud RPC (Voice Service dyvms, Outbound Bot): form-encoded requests, signature v1 (HMAC-SHA1),
// answers with Code/Message.
import { present, signingAuthenticator, type VendorAdapter } from '../types.js';
import { buildAlibaba, readAlibaba, type AlibabaConfig } from './request.js';
import { signAlibaba, type AlibabaAuth } from './signing.js';

export * from './request.js';
export * from './signing.js';

export const alibaba: VendorAdapter<AlibabaConfig, AlibabaAuth> = {
  credentialsName: 'Alibaba Cloud AccessKey',
  products: ['dyvms', 'outboundbot'],
  build: buildAlibaba,
  sign: signAlibaba,
  authenticator: (config, _transport, runtime) =>
    signingAuthenticator((request) => signAlibaba(request, config, runtime)),
  secrets: (config) => present([config.accessKeySecret, config.securityToken]),
  read: readAlibaba,
};
