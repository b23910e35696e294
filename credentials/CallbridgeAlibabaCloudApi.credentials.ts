import type { ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, INodeProperties, Icon } from 'n8n-workflow';
import { ALIBABA_DEFAULT_ENDPOINTS, ALIBABA_VERSIONS, callPolicyProperties, signAlibabaRequest } from '../nodes/shared';

export class CallbridgeAlibabaCloudApi implements ICredentialType {
  name = 'callbridgeAlibabaCloudApi';

  displayName = 'Alibaba Cloud API';

  icon: Icon = { light: 'file:alibabaCloud.svg', dark: 'file:alibabaCloud.dark.svg' };

  documentationUrl = 'https://github.com/callbridge/callbridge/blob/main/docs/n8n.md#alibaba-cloud-api';

  properties: INodeProperties[] = [
    {
      displayName: 'AccessKey ID',
      name: 'accessKeyId',
      type: 'string',
      default: '',
      required: true,
      description: 'AccessKey ID of a RAM user allowed to use Voice Service (dyvms) and/or Outbound Bot',
    },
    {
      displayName: 'AccessKey Secret',
      name: 'accessKeySecret',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
    },
    {
      displayName: 'STS Security Token',
      name: 'securityToken',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      description: 'Only for temporary (STS) credentials',
    },
    {
      displayName: 'Region',
      name: 'region',
      type: 'options',
      options: [
        { name: 'China (Beijing)', value: 'cn-beijing' },
        { name: 'China (Hangzhou)', value: 'cn-hangzhou' },
        { name: 'China (Shanghai)', value: 'cn-shanghai' },
        { name: 'China (Shenzhen)', value: 'cn-shenzhen' },
        { name: 'Singapore', value: 'ap-southeast-1' },
      ],
      default: 'cn-shanghai',
      description: 'Region of your Outbound Bot instances (Voice Service uses its global endpoint)',
    },
    {
      displayName: 'Endpoint Override',
      name: 'endpoint',
      type: 'string',
      default: '',
      placeholder: 'http://127.0.0.1:8790/',
      description: 'Send every request to this URL instead of the vendor endpoints, e.g. a callbridge sandbox or a proxy. The RPC gateway tells Voice Service and Outbound Bot apart by API version, so one URL serves both.',
    },
    {
      displayName: 'Coordinator URL',
      name: 'coordinatorUrl',
      type: 'string',
      default: '',
      placeholder: 'http://callbridge.internal:3030',
      description: 'Address of a callbridge MCP server that keeps its state in Redis (see the callbridge deployment guide). Requests then take turns with every n8n worker and callbridge replica on this account, so together they stay within its rate limit. Empty: each execution paces itself.',
    },
    {
      displayName: 'Coordinator Token',
      name: 'coordinatorToken',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      description: "The coordinator's bearer token (its CALLBRIDGE_MCP_TOKEN), when it has one",
    },
    {
      displayName: 'Test With',
      name: 'testProduct',
      type: 'options',
      options: [
        { name: 'Voice Service', value: 'dyvms', description: 'Lists the Voice Service robots' },
        { name: 'Outbound Bot', value: 'outboundbot', description: 'Lists the Outbound Bot instances of the region' },
      ],
      default: 'dyvms',
      description: 'The product the credential test calls: choose one this RAM user is allowed to use',
    },
    ...callPolicyProperties('alibaba'),
  ];

  /** Signs every request with the AccessKey (RPC signature v1, HMAC-SHA1) through callbridge's core signer. */
  async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
    return signAlibabaRequest(credentials, requestOptions);
  }

  test: ICredentialTestRequest = {
    request: {
      method: 'POST',
      url: `={{ $credentials.endpoint ? $credentials.endpoint : $credentials.testProduct === "outboundbot" ? "https://outboundbot." + $credentials.region + ".aliyuncs.com/" : "${ALIBABA_DEFAULT_ENDPOINTS.dyvms}" }}`,
      body: {
        Action: '={{ $credentials.testProduct === "outboundbot" ? "ListInstances" : "QueryRobotv2AllList" }}',
        Version: `={{ $credentials.testProduct === "outboundbot" ? "${ALIBABA_VERSIONS.outboundbot}" : "${ALIBABA_VERSIONS.dyvms}" }}`,
      },
    },
    rules: [
      { type: 'responseCode', properties: { value: 400, message: 'Alibaba Cloud refused the request: the AccessKey secret does not match (SignatureDoesNotMatch) or the clock is off' } },
      { type: 'responseCode', properties: { value: 403, message: 'Alibaba Cloud refused the request: this AccessKey is not allowed to use the product chosen in Test With' } },
      { type: 'responseCode', properties: { value: 404, message: 'Alibaba Cloud does not know this AccessKey ID (InvalidAccessKeyId.NotFound)' } },
    ],
  };
}
