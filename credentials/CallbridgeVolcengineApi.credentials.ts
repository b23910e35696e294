import type { ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, INodeProperties, Icon } from 'n8n-workflow';
import { callPolicyProperties, signVolcengineRequest } from '../nodes/shared';

export class CallbridgeVolcengineApi implements ICredentialType {
  name = 'callbridgeVolcengineApi';

  displayName = 'Volcengine API';

  icon: Icon = { light: 'file:volcengine.svg', dark: 'file:volcengine.dark.svg' };

  documentationUrl = 'https://github.com/callbridge/callbridge/blob/main/docs/n8n.md#volcengine-api';

  properties: INodeProperties[] = [
    {
      displayName: 'Access Key ID',
      name: 'accessKeyId',
      type: 'string',
      default: '',
      required: true,
      description: 'Access key (AK) of a Volcengine IAM user allowed to use Voice Service (vms)',
    },
    {
      displayName: 'Secret Access Key',
      name: 'secretAccessKey',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
    },
    {
      displayName: 'Region',
      name: 'region',
      type: 'string',
      default: 'cn-north-1',
      description: 'Region used in the request signature',
    },
    {
      displayName: 'Endpoint Override',
      name: 'endpoint',
      type: 'string',
      default: '',
      placeholder: 'http://127.0.0.1:8790/volcengine/',
      description: 'Send every request to this URL instead of https://cloud-vms.volcengineapi.com/, e.g. a callbridge sandbox or a proxy',
    },
    ...callPolicyProperties('volcengine'),
  ];

  /** Signs every request (HMAC-SHA256, Volcengine V4 style) through callbridge's core signer. */
  async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
    return signVolcengineRequest(credentials, requestOptions);
  }

  test: ICredentialTestRequest = {
    request: {
      method: 'POST',
      url: '={{ $credentials.endpoint ? $credentials.endpoint : "https://cloud-vms.volcengineapi.com/" }}',
      qs: { Action: 'NumberPoolList', Version: '2022-01-01' },
      body: { Limit: 1, Offset: 0 },
    },
    rules: [
      { type: 'responseCode', properties: { value: 401, message: 'Volcengine refused the request: the secret access key does not match (SignatureDoesNotMatch) or the access key is unknown' } },
      { type: 'responseCode', properties: { value: 403, message: 'Volcengine refused the request: this access key is not allowed to use Voice Service' } },
    ],
  };
}
