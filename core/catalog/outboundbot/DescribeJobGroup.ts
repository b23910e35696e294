import { z } from 'zod';
import { bool, list, num } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceId, jobGroupId } from '../shared/outboundbot-jobs.js';
import { jobGroupOut, keyValue, outboundbotResponse } from '../shared/outboundbot-answers.js';

const counters = () => z.looseObject({
  Status: z.string().optional().describe('Execution status, e.g. Scheduling, Executing, Completed.'),
  StartTime: num().optional().describe('Unix ms.'),
  Duration: num().optional(),
  TotalJobs: num().optional().describe('Callees in the campaign.'),
  TotalCompleted: num().optional(),
  TotalNotAnswered: num().optional(),
  Scheduling: num().optional().describe('Jobs waiting to be dialled.'),
  Executing: num().optional().describe('Jobs being dialled now.'),
  Paused: num().optional(),
  Failed: num().optional(),
  Cancelled: num().optional(),
  Briefs: list(keyValue()).optional().describe('Business-result counts {Key, Value}.'),
  Categories: list(keyValue()).optional().describe('Category counts {Key, Value}.'),
});

export default defineOperation({
  id: 'outboundbot.DescribeJobGroup',
  title: 'Get a job group with progress',
  description:
    'Returns one job group\'s configuration (script, caller numbers, strategy) and its progress counters (TotalJobs, TotalCompleted, TotalNotAnswered, Scheduling, Executing, Paused, Failed, Cancelled), business-result briefs and outcome statistics. The best single call to follow a campaign after outboundbot.AssignJobs; list its callees with outboundbot.ListJobsByGroup. CallingNumbers and RepeatDays are normalised to flat lists (the vendor sends JSON text inside lists). The vendor table swaps the WorkingTime BeginTime/EndTime descriptions; the values mean what their names say.',
  access: 'read',
  resource: 'jobGroup',
  input: () => z.strictObject({
    InstanceId: instanceId(),
    JobGroupId: jobGroupId(),
    BriefTypes: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('Business-result types to summarise in Progress.Briefs; sent as BriefTypes.1, BriefTypes.2, ... (the vendor example\'s BriefTypes=["..."] is not the documented form).'),
  }),
  output: () => outboundbotResponse({
    JobGroup: jobGroupOut()
      .extend({
        Progress: counters().optional().describe('Progress counters of the campaign.'),
        RecallStrategy: z
          .looseObject({
            EmptyNumberIgnore: bool().optional().describe('Do not call again numbers found empty.'),
            InArrearsIgnore: bool().optional().describe('Do not call again numbers in arrears.'),
            OutOfServiceIgnore: bool().optional().describe('Do not call again numbers out of service.'),
          })
          .optional(),
        Result: z
          .looseObject({
            FinishedNum: num().optional(),
            ClientHangupNum: num().optional(),
            TimeoutHangupNum: num().optional(),
            NoInteractNum: num().optional(),
            UnrecognizedNum: num().optional(),
          })
          .optional()
          .describe('Outcome statistics.'),
        RingingDuration: num().optional().describe('Ringing time in seconds before giving up.'),
      })
      .optional(),
  }),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', JobGroupId: '46a9ad0c-3e11-44da-a9a7-2c21bf5ce185', BriefTypes: ['renewed'] },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', JobGroupId: '46a9ad0c-3e11-44da-a9a7-2c21bf5ce185', 'BriefTypes.1': 'renewed' },
    },
  ],
});
