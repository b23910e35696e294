// Names shared by the n8n credentials, nodes and tests. Credential type names are global in an n8n
// instance, so they carry the package's prefix.
export const CREDENTIAL = {
  alibaba: 'callbridgeAlibabaCloudApi',
  volcengine: 'callbridgeVolcengineApi',
  pbx: 'callbridgePbxApi',
} as const;

export const DOCS_URL = 'https://github.com/callbridge/callbridge/blob/main/docs/n8n.md';

/** Alibaba Cloud regions where Outbound Bot runs (its endpoint is outboundbot.<region>.aliyuncs.com). */
export const ALIBABA_REGIONS = ['cn-shanghai', 'cn-hangzhou', 'cn-beijing', 'cn-shenzhen', 'ap-southeast-1'] as const;
