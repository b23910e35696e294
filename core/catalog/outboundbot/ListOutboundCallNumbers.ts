import { z } from 'zod';
import { num, str } from '../../fields.js';
import { defineOperation } from '../../operation.js';
import { instanceId, pagedBy, pageNumber, pageSize } from '../shared/outboundbot-jobs.js';
import { outboundbotResponse, pagedOut } from '../shared/outboundbot-answers.js';

export default defineOperation({
  id: 'outboundbot.ListOutboundCallNumbers',
  title: 'List caller numbers',
  description:
    'Lists the caller (display) numbers registered in an outbound-bot instance with their IDs and rate limits, one page at a time (OutboundCallNumbers.List; TotalCount gives the total). Use a Number as CallingNumber in outboundbot.CreateJobGroup / AssignJobs, an OutboundCallNumberId to modify or delete it. The vendor\'s parameter table lists no parameters; InstanceId, PageNumber and PageSize come from its request example (and the official SDKs). Its response table swaps the RateLimitCount/RateLimitPeriod descriptions: RateLimitCount is calls per window, RateLimitPeriod the window in seconds.',
  access: 'read',
  resource: 'callerNumber',
  input: () => z.strictObject({
    InstanceId: instanceId(),
    PageNumber: pageNumber(),
    PageSize: pageSize(),
  }),
  output: () => outboundbotResponse({
    OutboundCallNumbers: pagedOut(
      z.looseObject({
        OutboundCallNumberId: str().optional(),
        Number: str().optional(),
        RateLimitCount: num().optional().describe('Calls allowed per window.'),
        RateLimitPeriod: num().optional().describe('Window length in seconds.'),
      }),
    )
      .optional()
      .describe('Page of caller numbers: List, PageNumber, PageSize, TotalCount.'),
  }),
  pagination: pagedBy('OutboundCallNumbers'),
  examples: [
    {
      input: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a' },
      wire: { InstanceId: 'af81a389-91f0-4157-8d82-720edd02b66a', PageNumber: '1', PageSize: '10' },
    },
  ],
});
