// PBX (Yeastar S-Series family): JSON over POST, a login session whose token goes in the query string,
// answers with status/errno.
import { present, type VendorAdapter } from '../types.js';
import { buildPbx, isTokenError, md5Hex, pbxResponse, withPbxToken, type PbxConfig } from './request.js';
import { PbxSession } from './session.js';

import { pbxReceipt } from './call-result.js';

export * from './call-result.js';
export * from './request.js';
export * from './session.js';

/** What a dry run shows where the session token goes (previews never log in). */
const PREVIEW_TOKEN = '<pbx-session-token>';

export const pbx: VendorAdapter<PbxConfig, { token: string }> = {
  credentialsName: 'PBX address, API username and password',
  products: ['pbx'],
  build: buildPbx,
  sign: (request, credentials) => withPbxToken(request, credentials.token),
  authenticator(config, transport, runtime) {
    const session = new PbxSession(config, transport, runtime);
    return {
      authenticate: async (request) => withPbxToken(request, await session.getToken()),
      preview: (request) => withPbxToken(request, PREVIEW_TOKEN),
      expired(error, sent) {
        if (!isTokenError(error)) return false;
        session.invalidate(new URL(sent.url).searchParams.get('token') ?? undefined);
        return true;
      },
      answered: () => session.touch(),
      secrets: () => present([session.currentToken]),
    };
  },
  account: (config) => `${config.baseUrl}#${config.username}`,
  secrets: (config) => present([config.password, config.password ? md5Hex(config.password) : undefined]),
  receipt: pbxReceipt,
  receiptAnswer: { status: 200, body: { status: 'Success' } },
  read: (op, response) => pbxResponse(op.id, response),
};
