import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { executeProduct, lookupMethods, productProperties } from '../shared';

export class AlibabaCloudVoice implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Alibaba Cloud Voice',
    name: 'alibabaCloudVoice',
    icon: { light: 'file:alibabaCloudVoice.svg', dark: 'file:alibabaCloudVoice.dark.svg' },
    group: ['output'],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: 'Place TTS, voice-file, IVR and robot calls and read call records with Alibaba Cloud Voice Service (dyvms)',
    defaults: {
      name: 'Alibaba Cloud Voice',
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
    properties: productProperties('dyvms'),
  };

  // The lists behind its ID fields ("From List"), generated from the catalog like the fields.
  methods = lookupMethods('dyvms');

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return executeProduct.call(this, 'dyvms');
  }
}
