import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { executeProduct, lookupMethods, productProperties } from '../shared';

export class Pbx implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'PBX',
    name: 'pbx',
    icon: { light: 'file:pbx.svg', dark: 'file:pbx.dark.svg' },
    group: ['output'],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: 'Dial, play prompts, hang up and query calls on a Yeastar S-Series compatible PBX',
    defaults: {
      name: 'PBX',
    },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [
      {
        name: 'callbridgePbxApi',
        required: true,
      },
    ],
    // Generated from the callbridge catalog: one Resource/Operation entry and its fields per operation.
    properties: productProperties('pbx'),
  };

  // The lists behind its ID fields ("From List"), generated from the catalog like the fields.
  methods = lookupMethods('pbx');

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return executeProduct.call(this, 'pbx');
  }
}
