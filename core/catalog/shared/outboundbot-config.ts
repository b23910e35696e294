// Building blocks shared by the Outbound Bot (outboundbot 2019-12-26) configuration operations:
// instances, scripts, dialogue flows, intents, global questions, tags, TTS and voice settings.
// Not an operation file (scripts/gen.ts reads only core/catalog/<product>/).
import { z } from 'zod';
import { listedBy } from '../../lookup.js';
import { LOOKUPS } from './lookups.js';
import { alibabaResponse, aliased, bool, int, list, num, resourceId, str } from '../../fields.js';

// ---- inputs ----

/** InstanceId of the script-level operations. */
export const instanceIdParam = () => listedBy(resourceId(), LOOKUPS.instance).describe('Outbound-bot instance ID, from outboundbot.ListInstances.');

/** ScriptId of the script-level operations. */
export const scriptIdParam = () => listedBy(resourceId(), LOOKUPS.script).describe('Script ID, from outboundbot.ListScripts.');

export const pageNumberParam = () => int(1).describe('Page number, starting at 1.');
export const pageSizeParam = () => int(1, 100).describe('Items per page, 1-100 (the docs state no maximum; 100 is the largest page they show).');

/** Automatic paging, as for the job lists (at most 100 a page, the largest page the docs show). */
export { pagedBy } from './outboundbot-jobs.js';

/** A non-empty list of phrases, sent as ONE JSON string; JSON text or a single phrase are accepted too. */
export const phrases = (what: string) =>
  list(z.string().min(1, `an empty ${what} is not allowed`)).refine((a) => a.length > 0, `must list at least one ${what}`);

/** Intent keywords: a list (possibly empty) of non-empty strings, sent as ONE JSON string. */
export const keywords = () => list(z.string().min(1, 'an empty keyword is not allowed'));

export const speechRateParam = () => int(-500, 500).describe('Speech rate, -500 (slowest) to 500 (fastest); 0 is normal.');
export const volumeParam = () => int(0, 100).describe('Volume, 0 to 100; 50 is the default.');

// ---- outputs ----

/** Response envelope of the script-level operations: HttpStatusCode and Success may arrive as strings. */
export function scriptResponse<S extends z.ZodRawShape>(shape: S) {
  return alibabaResponse({
    HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success); may arrive as "200".'),
    Success: bool().optional().describe('Whether the call succeeded; may arrive as "true".'),
    ...shape,
  });
}

/** One page of a list: { List, PageNumber, PageSize, TotalCount }, described as `items` ("scripts", ...). */
export function pageOf<T extends z.ZodType>(item: T, items: string) {
  return z
    .looseObject({
      List: list(item).describe(`${items.charAt(0).toUpperCase()}${items.slice(1)} on this page.`),
      PageNumber: num().optional().describe('Page number returned.'),
      PageSize: num().optional().describe('Page size returned.'),
      TotalCount: num().optional().describe('Total number of items across all pages.'),
    })
    .optional()
    .describe(`One page of ${items}.`);
}

// The docs' examples answer with lower-case keys (creationTime, requestId, success): accept both, expose the documented names.

/** Response envelope of the instance operations, whose keys may arrive in lower case. */
export function instanceResponse<S extends z.ZodRawShape>(shape: S) {
  return aliased(
    { RequestId: ['requestId'], Success: ['success'], HttpStatusCode: ['httpStatusCode'] },
    alibabaResponse({
      HttpStatusCode: num().optional().describe('HTTP status echoed in the body (200 on success).'),
      Success: bool().optional().describe('Whether the call succeeded.'),
      ...shape,
    }),
  );
}

/** An outbound-bot instance; `idDescription` says what to do with its InstanceId. */
export const instanceOut = (idDescription: string) =>
  aliased(
    {
      CreationTime: ['creationTime'],
      InstanceId: ['instanceId'],
      InstanceName: ['instanceName'],
      InstanceDescription: ['instanceDescription'],
      MaxConcurrentConversation: ['maxConcurrentConversation'],
    },
    z.looseObject({
      InstanceId: str().optional().describe(idDescription),
      InstanceName: str().optional().describe('Instance name.'),
      InstanceDescription: str().optional().describe('Instance description.'),
      MaxConcurrentConversation: num().optional().describe('Maximum number of concurrent robot conversations.'),
      CreationTime: num().optional().describe('Creation time, Unix epoch milliseconds.'),
    }),
  );

/** A script's metadata and status, as returned by CreateScript / DescribeScript / ModifyScript. */
export const scriptOut = () =>
  z.looseObject({
    ScriptId: str().optional().describe('Script ID.'),
    ScriptName: str().optional().describe('Script name.'),
    ScriptDescription: str().optional().describe('Script description.'),
    Industry: str().optional().describe('Industry, e.g. education or finance.'),
    Scene: str().optional().describe('Scenario, e.g. follow-up or telesales.'),
    Status: str().optional().describe('Status of the applied (production) version, e.g. DRAFTED, EXAMINE_IN_PROGRESS, PUBLISHED.'),
    DebugStatus: str().optional().describe('Status of the debug version, e.g. DRAFTED, PUBLISHED.'),
    IsDrafted: bool().optional().describe('Whether the production version has unpublished draft changes.'),
    IsDebugDrafted: bool().optional().describe('Whether the debug version has unpublished draft changes.'),
    UpdateTime: num().optional().describe('Last update time, Unix epoch milliseconds.'),
  });

// The docs' table names the config ID 'Id', their examples 'TTSConfigId': accept both, expose TTSConfigId.
/** A script's TTS settings (DescribeTTSConfig / ModifyTTSConfig). */
export const ttsConfigOut = () =>
  aliased(
    { TTSConfigId: ['Id'] },
    z.looseObject({
      TTSConfigId: str().optional().describe('TTS configuration ID.'),
      Voice: str().optional().describe('Voice (speaker), e.g. xiaoyun.'),
      SpeechRate: num().optional().describe('Speech rate, -500 to 500 (0 is normal); the vendor sends it as text.'),
      Volume: num().optional().describe('Volume, 0 to 100; the vendor sends it as text.'),
      ScriptId: str().optional().describe('Script ID.'),
      InstanceId: str().optional().describe('Instance ID.'),
    }),
  );

const waveformRelationOut = () =>
  z.looseObject({
    ScriptContent: str().optional().describe('Piece of the script text.'),
    ScriptWaveformId: str().optional().describe('Recording that speaks it (from outboundbot.CreateScriptWaveform).'),
  });

/** How one piece of script text is spoken (DescribeScriptVoiceConfig / ListScriptVoiceConfigs / ModifyScriptVoiceConfig). */
export const voiceConfigOut = () =>
  z.looseObject({
    ScriptVoiceConfigId: str().optional().describe('Voice configuration ID (may arrive as a number).'),
    ScriptContent: str().optional().describe('The script text this configuration is for.'),
    Type: str().optional().describe('TTS (synthesised) or WAVEFORM (recordings).'),
    Source: str().optional().describe('Where the text comes from, e.g. DIALOGUE_FLOW.'),
    ScriptWaveformRelation: list(waveformRelationOut())
      .optional()
      .describe('Text-to-recording mapping, as an array (parsed from the JSON text the vendor sends; [] when none).'),
    ScriptId: str().optional().describe('Script ID.'),
    InstanceId: str().optional().describe('Instance ID.'),
  });

/** An intent with its Utterances and Keywords as arrays (DescribeIntent / ListIntents). */
export const intentOut = () =>
  z.looseObject({
    IntentId: str().optional().describe('Intent ID.'),
    IntentName: str().optional().describe('Intent name.'),
    IntentDescription: str().optional().describe('Intent description.'),
    Utterances: list(str()).optional().describe('Example user utterances, as an array.'),
    Keywords: list(str()).optional().describe('Keywords, as an array.'),
    ScriptId: str().optional().describe('Script ID.'),
    CreateTime: num().optional().describe('Creation time, Unix epoch milliseconds.'),
    UpdateTime: num().optional().describe('Last update time, Unix epoch milliseconds.'),
  });

/** A tag group as returned by ListTags / ModifyTagGroups. */
export const tagGroupOut = () =>
  z.looseObject({
    TagGroupId: str().optional().describe('Tag group ID (send it back as Id in outboundbot.ModifyTagGroups).'),
    TagGroup: str().optional().describe('Tag group name.'),
    TagGroupIndex: num().optional().describe('Display position of the group.'),
    ScriptId: str().optional().describe('Script ID.'),
  });

/** A tag as returned by ListTags / ModifyTagGroups. */
export const tagOut = () =>
  z.looseObject({
    TagId: str().optional().describe('Tag ID (send it back as Id in outboundbot.ModifyTagGroups).'),
    TagName: str().optional().describe('Tag name.'),
    TagGroup: str().optional().describe('Name of the group the tag belongs to.'),
    TagIndex: num().optional().describe('Display position of the tag in its group.'),
    ScriptId: str().optional().describe('Script ID.'),
  });
