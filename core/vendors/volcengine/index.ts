// Volcengine Voice (vms): JSON, form or query requests, HMAC-SHA256 signature (V4 style), answers in a
// ResponseMetadata envelope.
import { present, signingAuthenticator, type VendorAdapter } from '../types.js';
import { buildVolcengine, readVolcengine, type VolcengineConfig } from './request.js';
import { signVolcengineRequest, type VolcengineSigning } from './signing.js';

import { volcengineReceipt } from './call-result.js';

export * from './call-result.js';
export * from './request.js';
export * from './signing.js';

export const volcengine: VendorAdapter<VolcengineConfig, VolcengineSigning> = {
  credentialsName: 'Volcengine access key',
  products: ['volcengine'],
  build: buildVolcengine,
  sign: signVolcengineRequest,
  authenticator: (config, _transport, runtime) =>
    signingAuthenticator((request) => signVolcengineRequest(request, config, runtime)),
  account: (config) => config.accessKeyId,
  secrets: (config) => present([config.secretAccessKey, config.sessionToken]),
  receipt: (message) => volcengineReceipt(message),
  receiptAnswer: { status: 200, body: { code: 0, message: 'success' } },
  read: readVolcengine,
};
