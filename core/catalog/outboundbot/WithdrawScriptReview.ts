import { z } from 'zod';
import { bool, num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceIdParam, scriptIdParam, scriptResponse } from '../shared/outboundbot-config.js';

const script = () => z.looseObject({
  ScriptId: str().optional().describe('Script ID.'),
  ScriptName: str().optional().describe('Script name.'),
  ScriptDescription: str().optional().describe('Script description.'),
  Industry: str().optional().describe('Industry.'),
  Scene: str().optional().describe('Scenario.'),
  Status: str().optional().describe('Status of the production version after the withdrawal.'),
  DebugStatus: str().optional().describe('Status of the debug version.'),
  IsDrafted: bool().optional().describe('Whether the production version has unpublished draft changes.'),
  IsDebugDrafted: bool().optional().describe('Whether the debug version has unpublished draft changes.'),
  UpdateTime: num().optional().describe('Last update time, Unix epoch milliseconds.'),
});

export default defineOperation({
  id: 'outboundbot.WithdrawScriptReview',
  title: 'Withdraw a script review',
  description:
    'Withdraws a pending review submitted with outboundbot.SubmitScriptReview, returning the script to draft so it can be edited and resubmitted. Needs InstanceId (outboundbot.ListInstances) and ScriptId (outboundbot.ListScripts). Only meaningful while the review is in progress (Status EXAMINE_IN_PROGRESS or PUBLISHED_AND_EXAMINE_IN_PROGRESS in outboundbot.DescribeScript).',
  access: 'write',
  resource: 'script',
  input: () => z.strictObject({
    InstanceId: instanceIdParam(),
    ScriptId: scriptIdParam(),
  }),
  output: () => scriptResponse({
    Script: script().optional().describe('The script after the withdrawal.'),
  }),
  examples: [
    {
      input: { InstanceId: '38d2e8ed-04e9-4dac-83b5-a8e57642ef13', ScriptId: 'e4e2a770-b97b-465a-80d8-06dca008c503' },
      wire: { InstanceId: '38d2e8ed-04e9-4dac-83b5-a8e57642ef13', ScriptId: 'e4e2a770-b97b-465a-80d8-06dca008c503' },
    },
  ],
});
