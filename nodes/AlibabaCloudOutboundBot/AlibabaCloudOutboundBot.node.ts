import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { executeProduct, lookupMethods, productProperties } from '../shared';

export class AlibabaCloudOutboundBot implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Alibaba Cloud Outbound Bot',
    name: 'alibabaCloudOutboundBot',
    icon: { light: 'file:alibabaCloudOutboundBot.svg', dark: 'file:alibabaCloudOutboundBot.dark.svg' },
    group: ['output'],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: 'Run robot call campaigns, jobs and scripts with Alibaba Cloud Outbound Bot',
    defaults: {
      name: 'Alibaba Cloud Outbound Bot',
    },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [
      {
        name: 'callbridgeAlibabaCloudApi',
        required: true,
      },
    ],
    // Generated from the callbridge catalog: one Resource/Operation entry and its fields per operation.
    properties: productProperties('outboundbot'),
  };

  // The lists behind its ID fields ("From List"), generated from the catalog like the fields.
  methods = lookupMethods('outboundbot');

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return executeProduct.call(this, 'outboundbot');
  }
}
