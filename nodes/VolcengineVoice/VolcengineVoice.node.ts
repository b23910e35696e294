import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { executeProduct, lookupMethods, productProperties } from '../shared';

export class VolcengineVoice implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Volcengine Voice',
    name: 'volcengineVoice',
    icon: { light: 'file:volcengineVoice.svg', dark: 'file:volcengineVoice.dark.svg' },
    group: ['output'],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: 'Place voice notification calls and run call tasks with Volcengine Voice Service (vms)',
    defaults: {
      name: 'Volcengine Voice',
    },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [
      {
        name: 'callbridgeVolcengineApi',
        required: true,
      },
    ],
    // Generated from the callbridge catalog: one Resource/Operation entry and its fields per operation.
    properties: productProperties('volcengine'),
  };

  // The lists behind its ID fields ("From List"), generated from the catalog like the fields.
  methods = lookupMethods('volcengine');

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return executeProduct.call(this, 'volcengine');
  }
}
