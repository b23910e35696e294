import type {
  ICredentialDataDecryptedObject,
  ICredentialTestRequest,
  ICredentialType,
  IDataObject,
  IHttpRequestHelper,
  IHttpRequestOptions,
  INodeProperties,
  Icon,
} from 'n8n-workflow';
import { authenticatePbxRequest, callPolicyProperties, pbxPreAuthentication } from '../nodes/shared';

export class CallbridgePbxApi implements ICredentialType {
  name = 'callbridgePbxApi';

  displayName = 'PBX API';

  icon: Icon = { light: 'file:pbx.svg', dark: 'file:pbx.dark.svg' };

  documentationUrl = 'https://github.com/callbridge/callbridge/blob/main/docs/n8n.md#pbx-api';

  properties: INodeProperties[] = [
    {
      displayName: 'Session Token',
      name: 'token',
      type: 'hidden',
      typeOptions: { expirable: true, password: true },
      default: '',
    },
    {
      displayName: 'Base URL',
      name: 'baseUrl',
      type: 'string',
      default: '',
      required: true,
      placeholder: 'https://192.168.1.10:8088',
      description: 'Address of the PBX web server (Yeastar S-Series or compatible), without /api',
    },
    {
      displayName: 'Username',
      name: 'username',
      type: 'string',
      default: '',
      required: true,
      description: 'API user name (PBX web: Settings > PBX > General > API)',
    },
    {
      displayName: 'Password',
      name: 'password',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
      description: 'API password; only its MD5 is sent',
    },
    {
      displayName: 'API Version',
      name: 'apiVersion',
      type: 'options',
      options: [
        { name: 'V0.0.1', value: 'v0.0.1' },
        { name: 'V1.0.0', value: 'v1.0.0' },
        { name: 'V1.1.0', value: 'v1.1.0' },
        { name: 'V2.0.0', value: 'v2.0.0' },
      ],
      default: 'v1.1.0',
    },
    {
      displayName: 'Event Report Port',
      name: 'eventPort',
      type: 'string',
      default: '8260',
      description: 'Port the PBX sends event reports to (part of the login)',
    },
    {
      displayName: 'Event Report URL',
      name: 'eventUrl',
      type: 'string',
      default: '',
      placeholder: 'n8n.example.com:5678/webhook/call-receipts/pbx',
      description: 'Where the PBX sends event reports, as host:port/path (e.g. the Call Receipt Trigger URL). Leave empty to keep the PBX default (the login source IP and the port above).',
    },
    {
      displayName: 'Event Report Format',
      name: 'eventVersion',
      type: 'options',
      options: [
        { name: 'PBX Default', value: '' },
        { name: '1.0.2 (Well-Formed JSON on 1.x APIs)', value: '1.0.2' },
        { name: '2.0.0 (2.0 Events on v2.0.0)', value: '2.0.0' },
      ],
      default: '',
    },
    {
      displayName: 'Ignore TLS Errors',
      name: 'ignoreTlsErrors',
      type: 'boolean',
      default: false,
      description: 'Whether to accept a self-signed or otherwise invalid certificate (many PBXs ship one)',
    },
    {
      displayName: 'Custom CA Certificate',
      name: 'caCertificate',
      type: 'string',
      typeOptions: { password: true, rows: 4 },
      default: '',
      description: 'PEM certificate of the CA that signed the PBX certificate',
    },
    ...callPolicyProperties('pbx'),
  ];

  /** Logs in (MD5 password) and hands n8n the token; n8n keeps it and asks again once it is rejected. */
  async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
    return pbxPreAuthentication(this, credentials);
  }

  /** Adds the token to the query string and applies the TLS options. */
  async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
    return authenticatePbxRequest(credentials, requestOptions);
  }

  test: ICredentialTestRequest = {
    request: {
      method: 'POST',
      // A read every API version documents with an empty body (the heartbeat needs this server's address).
      url: '={{ $credentials.baseUrl.replace(/\\/+$/, "") + "/api/" + $credentials.apiVersion + ($credentials.apiVersion === "v2.0.0" ? "/extension/list" : "/extensionlist/query") }}',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: {},
    },
    rules: [{ type: 'responseSuccessBody', properties: { key: 'status', value: 'Failed', message: 'The PBX refused the API session (check the API version and that the API is enabled)' } }],
  };
}
