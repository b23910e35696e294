// The secrets of one run of the secrets scan, made up for it: the sandbox's accounts, the tokens, and
// the wrong secrets used to provoke signature and login errors.
import { randomBytes } from 'node:crypto';

/** A secret made up for this run, with the characters that URL-encoding and JSON-escaping change. */
const canary = (name: string) => `${name}+${randomBytes(6).toString('hex')}/${randomBytes(6).toString('hex')}=`;

export const ACCOUNTS = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIreliabilityId01',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: canary('AliSecret'),
  VOLCENGINE_ACCESS_KEY: 'AKLTreliabilityAk01',
  VOLCENGINE_SECRET_KEY: canary('VolcSK'),
  CALLBRIDGE_PBX_USERNAME: 'admin-rel',
  CALLBRIDGE_PBX_PASSWORD: canary('PbxPass'),
};
export const STS_TOKEN = canary('StsToken');
export const VOLC_SESSION_TOKEN = canary('VolcSession');
export const MCP_TOKEN = `McpBearer-${randomBytes(12).toString('hex')}`;
/** The Call Receipt Trigger's secret token (the sandbox pushes with it in the URL's query). */
export const RECEIPT_TOKEN = `ReceiptToken-${randomBytes(12).toString('hex')}`;
export const WRONG = { alibaba: canary('AliWrong'), volcengine: canary('VolcWrong'), pbx: canary('PbxWrong'), receiptToken: `ReceiptWrong-${randomBytes(12).toString('hex')}` };
