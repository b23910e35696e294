// The clients the client-overhead benchmark runs side by side: what each is, what a user imports, and
// which packages make up its install.
export interface ClientSpec {
  name: string;
  label: string;
  vendor: 'alibaba' | 'volcengine';
  /** diagnostic: callbridge with checks taken out, to measure their cost (not a shipped configuration). */
  kind: 'callbridge' | 'official' | 'floor' | 'diagnostic';
  /** What a user imports (cold require); a path is relative to ROOT. */
  requires: string[];
  /** Packages whose installed closure is the install size. */
  packages: string[];
  /** Extra files that ship with the client (callbridge's own bundle). */
  ownFiles?: string[];
  note: string;
}

export const CLIENTS: ClientSpec[] = [
  {
    name: 'floor-alibaba',
    label: 'floor: undici + hand-written HMAC-SHA1',
    vendor: 'alibaba',
    kind: 'floor',
    requires: ['undici'],
    packages: ['undici'],
    note: 'RPC v1, POST form, no validation',
  },
  {
    name: 'callbridge-dyvms',
    label: 'callbridge (dyvms.SingleCallByTts)',
    vendor: 'alibaba',
    kind: 'callbridge',
    requires: ['.cache/bench/callbridge-lib.mjs'],
    packages: ['undici', 'zod'],
    ownFiles: ['.cache/bench/callbridge-lib.mjs'],
    note: 'core client + undici transport; input validated, answer normalised',
  },
  {
    name: 'callbridge-dyvms-validate-output',
    label: 'diagnostic: callbridge dyvms with validateOutput on (as the tests run)',
    vendor: 'alibaba',
    kind: 'diagnostic',
    requires: [],
    packages: [],
    note: 'every answer also checked against the full output schema; off by default',
  },
  {
    name: 'callbridge-dyvms-no-checks',
    label: 'diagnostic: callbridge dyvms without input validation',
    vendor: 'alibaba',
    kind: 'diagnostic',
    requires: [],
    packages: [],
    note: 'client.execute with the input as validated; not a shipped configuration',
  },
  {
    name: 'pop-core',
    label: '@alicloud/pop-core RPCClient',
    vendor: 'alibaba',
    kind: 'official',
    requires: ['@alicloud/pop-core'],
    packages: ['@alicloud/pop-core'],
    note: 'RPC v1, POST form, own keep-alive agent',
  },
  {
    name: 'openapi-client',
    label: '@alicloud/openapi-client callApi',
    vendor: 'alibaba',
    kind: 'official',
    requires: ['@alicloud/openapi-client', '@alicloud/tea-util', '@alicloud/openapi-util'],
    packages: ['@alicloud/openapi-client'],
    note: 'default ACS3-HMAC-SHA256, Node global keep-alive agent',
  },
  {
    name: 'dysmsapi',
    label: '@alicloud/dysmsapi20170525 (generated SDK)',
    vendor: 'alibaba',
    kind: 'official',
    requires: ['@alicloud/dysmsapi20170525'],
    packages: ['@alicloud/dysmsapi20170525'],
    note: 'SendSms, default ACS3-HMAC-SHA256',
  },
  {
    name: 'floor-volcengine',
    label: 'floor: undici + hand-written HMAC-SHA256',
    vendor: 'volcengine',
    kind: 'floor',
    requires: ['undici'],
    packages: ['undici'],
    note: 'JSON POST, no validation',
  },
  {
    name: 'callbridge-volcengine',
    label: 'callbridge (volcengine.SingleBatchAppend)',
    vendor: 'volcengine',
    kind: 'callbridge',
    requires: ['.cache/bench/callbridge-lib.mjs'],
    packages: ['undici', 'zod'],
    ownFiles: ['.cache/bench/callbridge-lib.mjs'],
    note: 'core client + undici transport; input validated, answer normalised',
  },
  {
    name: 'volcengine-openapi',
    label: '@volcengine/openapi Service',
    vendor: 'volcengine',
    kind: 'official',
    requires: ['@volcengine/openapi'],
    packages: ['@volcengine/openapi'],
    note: 'createJSONAPI, axios',
  },
];

