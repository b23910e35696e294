// Building blocks shared by the Outbound Bot (outboundbot 2019-12-26) operations of seed 003
// §14-§20: their inputs (caller numbers, job groups, jobs, strategies, resource tags) and what their
// strategies make the vendor do. Their answers are read in outboundbot-answers.ts.
// Not an operation file (scripts/gen.ts reads only core/catalog/<product>/).
import { z } from 'zod';
import { flag, int, phoneNumber, str } from '../../fields.js';
import { listedBy } from '../../lookup.js';
import type { Effects } from '../../policy/types.js';
import { LOOKUPS } from './lookups.js';

// ---- inputs ----

export const instanceId = () =>
  listedBy(z.string().min(1), LOOKUPS.instance).describe('Outbound-bot instance ID (a UUID); get it from outboundbot.ListInstances.');

export const jobGroupId = () =>
  listedBy(z.string().min(1), LOOKUPS.jobGroup).describe('Job group (campaign) ID, as returned by outboundbot.CreateJobGroup or listed by outboundbot.ListJobGroups.');

export const scriptId = () =>
  listedBy(z.string().min(1), LOOKUPS.script).describe('Script (conversation flow) ID from outboundbot.ListScripts; the script should be published.');

export const jobId = () => listedBy(z.string().min(1), LOOKUPS.job).describe('Job ID (one callee of a job group).');

export const scenarioId = () =>
  z.string().min(1).describe('Legacy scenario ID, kept by the vendor for compatibility with the old outbound product; normally leave it out and use ScriptId.');

/** CallingNumber.N: sent as CallingNumber.1, CallingNumber.2, ... */
export const callingNumbers = () =>
  z
    .array(listedBy(phoneNumber(), LOOKUPS.outboundCallNumber))
    .min(1)
    .describe(
      'Caller (display) numbers the callees see, as a list; sent as CallingNumber.1, CallingNumber.2, ... Use numbers registered in this instance (outboundbot.ListOutboundCallNumbers). The vendor example\'s CallingNumbers=["95187"] (plural, JSON) is not the documented form.',
    );

export const pageNumber = () => int(1).default(1).describe('1-based page number (default 1).');
export const pageSize = () => int(1).default(10).describe('Items per page (default 10). The vendor documents no maximum.');

/** Largest page size requested when paging automatically; the vendor documents none, 100 is a conservative choice. */
export const OUTBOUNDBOT_MAX_PAGE_SIZE = 100;

/** Automatic paging of a list answered as <items>.List with <items>.TotalCount, PageNumber/PageSize in. */
export const pagedBy = (items: string) =>
  ({ pageParam: 'PageNumber', sizeParam: 'PageSize', maxPageSize: OUTBOUNDBOT_MAX_PAGE_SIZE, itemsPath: `${items}.List`, totalPath: `${items}.TotalCount` }) as const;

/** ScenarioId of the operations whose vendor table marks the legacy field required (see scenarioFromScript). */
export const legacyScenarioId = () =>
  z
    .string()
    .min(1)
    .optional()
    .describe('Legacy scenario ID. The vendor marks it required; when omitted, the ScriptId value is sent in its place.');

/** Input transform: without a ScenarioId, the ScriptId value is sent as ScenarioId (what the vendor recommends). */
export const scenarioFromScript = <T extends { ScenarioId?: string; ScriptId?: string }>(input: T) => ({ ...input, ScenarioId: input.ScenarioId ?? input.ScriptId });

/**
 * Submitted of CreateBatchJobs / ModifyBatchJobs as words: the vendor's boolean is inverted (false = submit),
 * so "submit" / "draft" are taken (a boolean is refused) and mapped back with wireValues.
 */
export const submittedWord = () =>
  z.enum(['submit', 'draft'], {
    error: (issue) =>
      issue.input === undefined
        ? 'is required: "submit" (dial the roster now) or "draft" (dial nothing)'
        : 'must be "submit" (dial the roster now) or "draft" (dial nothing); a boolean is refused because the vendor\'s Submitted boolean is inverted',
  });

const hhmmss = () => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, 'must be "HH:mm:ss" (24-hour)');
const epochMs = () => int(0);

/** StrategyJson: the calling strategy of a job group, sent as a JSON string. */
export const strategyJson = () =>
  z
    .strictObject({
      name: z.string().min(1).optional().describe('Strategy name.'),
      maxAttemptsPerDay: int(1).optional().describe('Most call attempts per number per day.'),
      minAttemptInterval: int(0).optional().describe('Minutes to wait before calling an unanswered number again.'),
      startTime: epochMs().optional().describe('When the campaign may start dialling: Unix time in milliseconds.'),
      endTime: epochMs().optional().describe('When the campaign stops dialling: Unix time in milliseconds; must be after startTime.'),
      workingTime: z
        .array(
          z.strictObject({
            beginTime: hhmmss().describe('Window start, "HH:mm:ss" (24-hour).'),
            endTime: hhmmss().describe('Window end, "HH:mm:ss" (24-hour), after beginTime.'),
          }),
        )
        .min(1)
        .optional()
        .describe('Daily windows in which calls may be placed, e.g. [{"beginTime":"09:00:00","endTime":"12:00:00"}].'),
      repeatBy: z
        .enum(['Once', 'Day', 'Week', 'Month'])
        .optional()
        .describe('Repetition (current vendor docs, not in the 2022 seed): Once, Day, Week or Month.'),
      repeatDays: z
        .array(int(0, 31))
        .optional()
        .describe('Days the campaign runs under repeatBy (current vendor docs): Week 0 = Sunday .. 6 = Saturday; Month 1-31.'),
      routingStrategy: z
        .enum(['None', 'LocalFirst', 'LocalProvinceFirst'])
        .optional()
        .describe('Caller-number routing (current vendor docs): None, LocalFirst (same city first) or LocalProvinceFirst.'),
      repeatable: flag().optional().describe('Whether the campaign repeats (current vendor docs).'),
    })
    .refine((s) => s.startTime === undefined || s.endTime === undefined || s.endTime > s.startTime, {
      message: 'endTime must be after startTime',
      path: ['endTime'],
    })
    .refine((s) => (s.workingTime ?? []).every((w) => w.endTime > w.beginTime), {
      message: 'each workingTime window must end after it begins',
      path: ['workingTime'],
    })
    .describe(
      'Calling strategy as an object; sent as the JSON string StrategyJson. Keys: name, maxAttemptsPerDay, minAttemptInterval (minutes), startTime/endTime (Unix ms), workingTime [{beginTime, endTime} "HH:mm:ss"]; repeatBy, repeatDays, routingStrategy, repeatable come from the current vendor docs. Unknown keys are refused so a typo cannot silently fall back to a default schedule.',
    );

/** One contact of a job (the JSON inside JobsJson.N / JobJson; keys are lower-case camel as the vendor takes them). */
const jobContact = () =>
  z.strictObject({
    phonenumber: phoneNumber().describe('Number to call (key spelt "phonenumber", all lower case, as the vendor expects).'),
    name: z.string().min(1).optional().describe('Contact name.'),
    referenceId: z.string().min(1).optional().describe('Your own ID for this contact; echoed in results and usable with JobReferenceId filters.'),
    honorific: z.string().min(1).optional().describe('How the robot addresses the contact, e.g. "Mr Zhang".'),
  });

/** One job: the contact(s) to call plus business variables the script can read. */
export const jobSpec = () =>
  z
    .strictObject({
      extras: z
        .array(
          z.strictObject({
            key: z.string().min(1).describe('Variable name used by the script.'),
            value: str().describe('Variable value (numbers are sent as text).'),
          }),
        )
        .default([])
        .describe('Business variables for the script, as [{key, value}] (default none).'),
      contacts: z.array(jobContact()).min(1).describe('The contact(s) of this job; normally exactly one.'),
    })
    .describe('One job: {extras: [{key, value}], contacts: [{phonenumber, name, referenceId, honorific}]}.');

/** Job selectors shared by SuspendJobs / ResumeJobs / CancelJobs, with the All guard (seed defect 9). */
export function jobSelection(verb: 'pause' | 'resume' | 'cancel') {
  return z
    .strictObject({
      InstanceId: instanceId(),
      All: flag().describe(
        `Required. true = ${verb} EVERY job of the whole instance (all job groups, all campaigns); then give no other filter. false = ${verb} only the jobs matched by ScenarioId / JobGroupId / JobId / JobReferenceId (give at least one).`,
      ),
      ScenarioId: z.string().min(1).optional().describe(`Filter: ${verb} the jobs of this legacy scenario ID.`),
      JobGroupId: jobGroupId().optional().describe(`Filter: ${verb} the jobs of this job group.`),
      JobId: z.array(jobId()).min(1).optional().describe(`Filter: IDs of the jobs to ${verb}; sent as JobId.1, JobId.2, ...`),
      JobReferenceId: z
        .array(z.string().min(1))
        .min(1)
        .optional()
        .describe(`Filter: your own contact referenceIds of the jobs to ${verb}; sent as JobReferenceId.1, JobReferenceId.2, ...`),
    })
    .superRefine((input, ctx) => {
      const filters = (['ScenarioId', 'JobGroupId', 'JobId', 'JobReferenceId'] as const).filter((k) => input[k] !== undefined);
      if (input.All && filters.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['All'],
          message: `All=true acts on every job of the instance and the vendor ignores filters then; refusing because ${filters.join(', ')} ${filters.length > 1 ? 'were' : 'was'} also given (ambiguous). Use All=false with the filters, or All=true alone`,
        });
      }
      if (!input.All && !filters.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['All'],
          message: `All=false needs at least one filter (ScenarioId, JobGroupId, JobId or JobReferenceId) to say which jobs to ${verb}; the vendor does not document what happens without one`,
        });
      }
    });
}

/** ResourceId.N (1..50) */
export const resourceIds = () =>
  z.array(z.string().min(1)).min(1).max(50).describe('IDs of the resources (outbound-bot instances), 1-50; sent as ResourceId.1, ResourceId.2, ...');

/** Tag.N of the resource-tag operations: [{Key, Value}], 1-20; sent as Tag.1.Key, Tag.1.Value, ... */
export const tagPairs = () =>
  z
    .array(
      z.strictObject({
        Key: z.string().min(1).describe('Tag key.'),
        Value: z.string().optional().describe('Tag value.'),
      }),
    )
    .min(1)
    .max(20);

export const regionId = () => z.string().min(1).default('cn-shanghai').describe('Region; the only documented one is cn-shanghai (default).');
export const resourceType = () => z.string().min(1).default('instance').describe('Resource type; the only documented one is "instance" (default).');

/** The job-group settings besides script, numbers and strategy (CreateJobGroup, ModifyJobGroup); SDK 2019-12-26 names. */
export const jobGroupTuning = () => ({
  Priority: z.enum(['Urgent', 'Daily']).optional().describe('Priority of the group: Urgent or Daily.'),
  MinConcurrency: int(0)
    .optional()
    .describe('Guaranteed concurrent calls while the group runs; 0 lets the platform share idle lines. Groups of one priority together cannot guarantee more than the instance\'s concurrency.'),
  RingingDuration: int(1).optional().describe('How long to let a callee ring, in seconds (default 25).'),
  RecallCallingNumber: z
    .array(phoneNumber())
    .min(1)
    .optional()
    .describe('Caller numbers for redials, as a list; sent as RecallCallingNumber.1, RecallCallingNumber.2, ...'),
  RecallStrategyJson: z
    .strictObject({
      emptyNumberIgnore: z.boolean().optional().describe('Do not redial numbers that do not exist.'),
      inArrearsIgnore: z.boolean().optional().describe('Do not redial numbers in arrears.'),
      outOfServiceIgnore: z.boolean().optional().describe('Do not redial numbers out of service.'),
    })
    .optional()
    .describe('Which failed numbers to skip on redial (each default false); sent as JSON text.'),
  FlashSmsExtras: z
    .strictObject({
      templateId: z.string().min(1).describe('Flash-SMS template ID.'),
      configId: z.string().min(1).describe('Flash-SMS configuration ID.'),
      templateContent: z.string().min(1).optional().describe('Flash-SMS text, as the flash-SMS provider gives it.'),
    })
    .optional()
    .describe('Third-party flash-SMS settings, e.g. {"templateId":"104xx","configId":"8037f524-..."}; sent as JSON text.'),
});

// ---- effects ----

/** What a StrategyJson makes the vendor do: attempts per number and the dialling window (read by the call policy). */
export const strategyEffects: Pick<Effects, 'attempts' | 'window'> = {
  attempts: [{ path: 'StrategyJson.maxAttemptsPerDay', counts: 'total' }],
  window: [
    { path: 'StrategyJson.startTime', form: 'epoch-ms', edge: 'start' },
    { path: 'StrategyJson.endTime', form: 'epoch-ms', edge: 'end' },
    { path: 'StrategyJson.workingTime', form: 'daily-ranges', edge: 'daily' },
  ],
};
