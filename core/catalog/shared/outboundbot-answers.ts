// The answers of the Outbound Bot (outboundbot 2019-12-26) operations of seed 003 §14-§20, read
// leniently and normalised: the response envelope, job groups, jobs, strategies, paged lists.
// Not an operation file (scripts/gen.ts reads only core/catalog/<product>/).
import { z } from 'zod';
import { alibabaResponse, bool, list, num, str } from '../../fields.js';

/** Outbound Bot response envelope: HttpStatusCode and Success sometimes arrive as strings ("200", "true"). */
export function outboundbotResponse<S extends z.ZodRawShape>(shape: S) {
  return alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (sometimes sent as a string; returned as a number).'),
    Success: bool().optional().describe('Whether the call succeeded (sometimes sent as the string "true"; returned as a boolean).'),
    ...shape,
  });
}

function flattenScalars(value: unknown, out: Array<string | number>): void {
  if (value === undefined || value === null || value === '') return;
  if (Array.isArray(value)) {
    for (const item of value) flattenScalars(item, out);
    return;
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.startsWith('[')) {
      try {
        flattenScalars(JSON.parse(trimmed) as unknown, out);
        return;
      } catch {
        // not JSON after all: keep the text
      }
    }
    out.push(trimmed);
    return;
  }
  if (typeof value === 'number') out.push(value);
  else out.push(String(value));
}

/**
 * CallingNumbers arrives as a number (95187), a list (["95187"]), a JSON string ("[\"95187\"]") or a list holding
 * a JSON string (["[\"95187\"]"]) (seed defect 18); always returned as a flat list of strings.
 */
export const callingNumbersOut = () =>
  z
    .preprocess((v) => {
      const out: Array<string | number> = [];
      flattenScalars(v, out);
      return out.map(String);
    }, z.array(z.string()))
    .describe('Caller numbers, normalised to a list of strings.');

/** RepeatDays arrives as [1,2,3] or ["[1,2,3,4,5]"]; returned as a list of numbers. */
const repeatDaysOut = () =>
  z
    .preprocess((v) => {
      const out: Array<string | number> = [];
      flattenScalars(v, out);
      return out;
    }, z.array(num()))
    .describe('Days the strategy repeats on (week: 0 = Sunday; month: 1-31), normalised to numbers.');

/** Key/value pairs; StartJob's examples use lower-case key/value, normalised to Key/Value. */
export const keyValue = () =>
  z.preprocess(
    (v) => {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const o = v as Record<string, unknown>;
        return { ...o, Key: o.Key ?? o.key, Value: o.Value ?? o.value };
      }
      return v;
    },
    z.looseObject({ Key: str().optional(), Value: str().optional() }),
  );

export const strategyOut = () =>
  z
    .looseObject({
      StrategyId: str().optional(),
      StrategyName: str().optional(),
      StrategyDescription: str().optional(),
      Type: str().optional().describe('Strategy type, e.g. Repeatable.'),
      StartTime: num().optional().describe('Strategy start, Unix ms (one vendor table swaps the StartTime/EndTime descriptions; the values are what they say).'),
      EndTime: num().optional().describe('Strategy end, Unix ms.'),
      MaxAttemptsPerDay: num().optional().describe('Most call attempts per number per day.'),
      MinAttemptInterval: num().optional().describe('Minutes between attempts on an unanswered number.'),
      RepeatBy: str().optional().describe('Once, Day, Week or Month.'),
      RepeatDays: repeatDaysOut().optional(),
      RoutingStrategy: str().optional().describe('Caller-number routing, e.g. LocalFirst.'),
      FollowUpStrategy: str().optional().describe('What happens to unfinished jobs after a cycle: CONTINUE or NONE.'),
      IsTemplate: bool().optional(),
      Customized: str().optional().describe('Vendor-specific customisation, a JSON text such as "{}".'),
      WorkingTime: list(z.looseObject({ BeginTime: str().optional(), EndTime: str().optional() }))
        .optional()
        .describe('Daily calling windows {BeginTime, EndTime} ("HH:mm:ss"; one vendor example shows Unix ms).'),
    })
    .describe('Calling strategy of the job group.');

const exportProgressOut = () =>
  z.looseObject({ Status: str().optional(), FileHttpUrl: str().optional(), Progress: str().optional() });

/** Job group as returned by CreateJobGroup / ModifyJobGroup / DescribeJobGroup / ModifyBatchJobs. */
export const jobGroupOut = () =>
  z.looseObject({
    JobGroupId: str().optional(),
    JobGroupName: str().optional(),
    JobGroupDescription: str().optional(),
    Status: str().optional().describe('Group status, e.g. Draft, Scheduling, Executing, Paused, Completed, Cancelled.'),
    ScriptId: str().optional(),
    ScriptName: str().optional(),
    ScriptVersion: str().optional(),
    ScenarioId: str().optional(),
    CallingNumbers: callingNumbersOut().optional(),
    CreationTime: num().optional().describe('Unix ms.'),
    ModifyTime: num().optional().describe('Unix ms.'),
    JobFilePath: str().optional(),
    JobDataParsingTaskId: str().optional(),
    ExportProgress: exportProgressOut().optional(),
    Strategy: strategyOut().optional(),
  });

const contactOut = () =>
  z.looseObject({
    ContactId: str().optional(),
    ContactName: str().optional(),
    Honorific: str().optional(),
    PhoneNumber: str().optional(),
    ReferenceId: str().optional().describe('Your referenceId of the contact.'),
    Role: str().optional(),
    State: str().optional().describe('e.g. Available.'),
    JobId: str().optional(),
  });

const summaryOut = () =>
  z.looseObject({
    SummaryId: str().optional(),
    SummaryName: str().optional(),
    Category: str().optional(),
    Content: str().optional(),
    ConversationDetailId: str().optional(),
    JobGroupId: str().optional(),
    GroupId: str().optional(),
    JobId: str().optional(),
    TaskId: str().optional(),
  });

const conversationOut = () =>
  z.looseObject({
    Speaker: str().optional().describe('Robot or Contact.'),
    Script: str().optional().describe('What was said.'),
    Timestamp: num().optional().describe('Unix ms.'),
    Action: str().optional(),
    ActionParams: str().optional(),
    Summary: list(summaryOut()).optional(),
  });

/** One call attempt of a job. PlanedTime keeps the vendor's misspelling. */
const taskOut = () =>
  z.looseObject({
    TaskId: str().optional().describe('Call attempt ID; use it with outboundbot.DownloadRecording.'),
    Status: str().optional(),
    PlanedTime: num().optional().describe('Planned dialling time, Unix ms (the vendor spells it "PlanedTime").'),
    ActualTime: num().optional().describe('When the call was actually placed, Unix ms.'),
    EndTime: num().optional().describe('When the call ended, Unix ms.'),
    ChatbotId: str().optional(),
    CalledNumber: str().optional(),
    CallingNumber: str().optional(),
    CallId: str().optional(),
    Brief: str().optional().describe('Business result of the call.'),
    Duration: num().optional().describe('Call duration in seconds.'),
    EndReason: str().optional().describe('Why the call ended, e.g. FINISHED.'),
    HangUpDirection: str().optional().describe('Who hung up, e.g. client.'),
    ScenarioId: str().optional(),
    JobId: str().optional(),
    Conversation: list(conversationOut()).optional().describe('Transcript: one entry per utterance.'),
    Contact: contactOut().optional(),
  });

/** A job (one callee) with its attempts. */
export const jobOut = () =>
  z.looseObject({
    JobId: str().optional(),
    JobGroupId: str().optional(),
    ScenarioId: str().optional(),
    StrategyId: str().optional(),
    ReferenceId: str().optional(),
    InstanceId: str().optional(),
    Status: str().optional().describe('Job status, e.g. Scheduling, Executing, Succeeded, Paused, Failed, Cancelled, Drafted.'),
    FailureReason: str().optional().describe('e.g. NoAnswer.'),
    EndReason: str().optional().describe('Why the job ended (a number on jobs, a word on tasks; returned as text).'),
    Priority: num().optional(),
    SystemPriority: num().optional(),
    ActualTime: num().optional().describe('Unix ms.'),
    NextExecutionTime: num().optional().describe('Unix ms.'),
    CalledNumber: str().optional(),
    DsReport: str().optional().describe('Tag hits of the job.'),
    CallingNumbers: callingNumbersOut().optional(),
    Contacts: list(contactOut()).optional(),
    Extras: list(keyValue()).optional().describe('Business variables {Key, Value}.'),
    Summary: list(summaryOut()).optional(),
    Tasks: list(taskOut()).optional().describe('Call attempts of this job.'),
  });

/** A paged list struct {List, PageNumber, PageSize, TotalCount}; a bare array or a bare item is wrapped. */
export function pagedOut<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) => {
      if (Array.isArray(v)) return { List: v };
      if (v && typeof v === 'object' && Object.keys(v).length && !('List' in v) && !('TotalCount' in v) && !('PageNumber' in v)) return { List: [v] };
      return v;
    },
    z.looseObject({
      List: list(item).optional(),
      PageNumber: num().optional(),
      PageSize: num().optional(),
      TotalCount: num().optional().describe('Items in all pages.'),
    }),
  );
}
