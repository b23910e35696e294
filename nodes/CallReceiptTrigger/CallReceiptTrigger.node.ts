import {
  NodeConnectionTypes,
  type IHookFunctions,
  type INodeType,
  type INodeTypeDescription,
  type IWebhookFunctions,
  type IWebhookResponseData,
} from 'n8n-workflow';
import { receiveReceipt } from '../shared';

export class CallReceiptTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Call Receipt Trigger',
    name: 'callReceiptTrigger',
    icon: { light: 'file:callReceiptTrigger.svg', dark: 'file:callReceiptTrigger.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{$parameter["vendor"]}}',
    description: 'Starts the workflow when Alibaba Cloud Voice, Volcengine Voice or a PBX pushes call results',
    defaults: {
      name: 'Call Receipt Trigger',
    },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    webhooks: [
      {
        name: 'default',
        httpMethod: 'POST',
        responseMode: 'onReceived',
        path: '={{$parameter["authentication"] !== "none" && $parameter["tokenLocation"] === "path" && $parameter["secretToken"] ? "receipt/" + $parameter["secretToken"] : "receipt"}}',
      },
    ],
    properties: [
      {
        displayName: 'Back End',
        name: 'vendor',
        type: 'options',
        noDataExpression: true,
        options: [
          {
            name: 'Alibaba Cloud Voice (VMS) Receipts',
            value: 'alibaba',
            description: 'HTTP batch push of VoiceReport, VoiceCallReport and VoiceRecordReport messages',
          },
          {
            name: 'PBX Event Reports',
            value: 'pbx',
            description: 'Call events and NewCdr records of a Yeastar S-Series compatible PBX',
          },
          {
            name: 'Volcengine Voice Pushes',
            value: 'volcengine',
            description: 'Call-record (CDR) and recording pushes',
          },
        ],
        default: 'alibaba',
      },
      {
        displayName: 'Enter this URL as the receipt address in the Alibaba Cloud console: Voice Service > receipt settings, HTTP batch push',
        name: 'notice',
        displayOptions: { show: { vendor: ['alibaba'] } },
        type: 'notice',
        default: '',
      },
      {
        displayName: "Enter this URL as a task's call-record or recording push address, or in the Volcengine console's callback settings",
        name: 'volcengineNotice',
        displayOptions: { show: { vendor: ['volcengine'] } },
        type: 'notice',
        default: '',
      },
      {
        displayName: 'Enter this URL as the Event Report URL of your PBX API credential (host:port/path); the PBX sends its events there after the node logs in',
        name: 'pbxNotice',
        displayOptions: { show: { vendor: ['pbx'] } },
        type: 'notice',
        default: '',
      },
      {
        displayName: 'Authentication',
        name: 'authentication',
        type: 'options',
        options: [
          {
            name: 'Secret Token',
            value: 'token',
            description: 'Only pushes carrying the secret token (or, for Volcengine, a valid authCode signature) start the workflow',
          },
          { name: 'None', value: 'none', description: 'Anyone who knows the URL can start the workflow with a forged receipt' },
        ],
        default: 'token',
      },
      {
        displayName: 'Secret Token',
        name: 'secretToken',
        type: 'string',
        typeOptions: { password: true },
        default: '',
        description:
          'A long random string; pushes without it get HTTP 401. Required unless this is a Volcengine trigger with a Callback Auth Token (Options). Until one of them is set, every push gets HTTP 403.',
        displayOptions: { show: { authentication: ['token'] } },
      },
      {
        displayName: 'Token Location',
        name: 'tokenLocation',
        type: 'options',
        options: [
          { name: 'Query Parameter', value: 'query', description: 'The URL ends in ?token=&lt;your token&gt;' },
          { name: 'URL Path', value: 'path', description: 'The URL ends in /receipt/&lt;your token&gt;' },
          { name: 'Header', value: 'header', description: 'An X-Callbridge-Token header (from a proxy in front of n8n; the vendors send no custom headers)' },
        ],
        default: 'query',
        displayOptions: { show: { authentication: ['token'] }, hide: { secretToken: [''] } },
      },
      {
        displayName: 'Options',
        name: 'options',
        type: 'collection',
        placeholder: 'Add Option',
        default: {},
        options: [
          {
            displayName: 'Drop Repeated Deliveries',
            name: 'dropRepeated',
            type: 'boolean',
            default: true,
            description: 'Whether to skip a message already received (vendors re-push after timeouts)',
          },
          {
            displayName: 'Final Results Only',
            name: 'finalOnly',
            type: 'boolean',
            default: true,
            description: 'Whether to emit only final call results (Alibaba VoiceReport, Volcengine call records, PBX NewCdr and failures) and skip progress and recording messages (on unless turned off here)',
          },
          {
            displayName: 'PBX UTC Offset',
            name: 'pbxUtcOffset',
            type: 'string',
            default: '',
            placeholder: '+08:00',
            description: 'Time zone of the PBX clock, used to turn its local times into ISO times',
            displayOptions: { show: { '/vendor': ['pbx'] } },
          },
          {
            displayName: 'Remember Repeats For (Hours)',
            name: 'rememberHours',
            type: 'number',
            typeOptions: { minValue: 24 },
            default: 24,
            description: 'How long a received message is remembered when dropping repeated deliveries (at least 24 hours), however many others arrive',
          },
          {
            displayName: 'Volcengine Callback Auth Token',
            name: 'volcengineAuthToken',
            type: 'string',
            typeOptions: { password: true },
            default: '',
            description:
              'The AuthToken of your Volcengine callback settings; when set, a push must carry a matching authCode signed at most 5 minutes ago (others get HTTP 401)',
            displayOptions: { show: { '/vendor': ['volcengine'] } },
          },
        ],
      },
    ],
  };

  webhookMethods = {
    default: {
      // The receipt address is entered in the vendor console (or the PBX credential); nothing to register.
      async checkExists(this: IHookFunctions): Promise<boolean> {
        return true;
      },
      async create(this: IHookFunctions): Promise<boolean> {
        return true;
      },
      async delete(this: IHookFunctions): Promise<boolean> {
        return true;
      },
    },
  };

  async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
    return receiveReceipt.call(this);
  }
}
