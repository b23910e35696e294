// Building blocks shared by the dyvms operation files. This folder is not an operation
// (scripts/gen.ts only picks up the .ts files directly inside core/catalog/dyvms/).
import { z } from 'zod';
import { bool, int, jsonValue, list, num, str, templateParams, unixTimeMs } from '../../../fields.js';
import { listedBy } from '../../../lookup.js';
import { isRecord } from '../../../vendors/read.js';
import { LOOKUPS } from '../../shared/lookups.js';
import { PROD_ID } from './prod-ids.js';

// ---- inputs ----

/**
 * A numeric vendor ID (task, robot, qualification...): digits only, sent as text. Numbers are accepted and
 * turned into text, so IDs longer than JavaScript's safe-integer range can be passed as strings without loss.
 */
export function numericId() {
  return z.preprocess(
    (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? String(v) : v),
    z.string().regex(/^\d{1,20}$/, 'must be a numeric ID (digits only)'),
  );
}

/** A robot task's ID (picked from dyvms.QueryRobotTaskList). */
export const robotTaskId = () => listedBy(numericId(), LOOKUPS.robotTask);

/** A Task Center call task's ID (picked from dyvms.ListCallTask). */
export const callTaskId = () => listedBy(numericId(), LOOKUPS.callTask);

/** A robot script's ID (picked from dyvms.QueryRobotv2AllList). */
export const robotId = () => listedBy(numericId(), LOOKUPS.robot);

/** A CallId as the call APIs return it: <digits>^<digits>. */
export function callId() {
  return z.string().regex(/^\d+\^\d+$/, 'must be a CallId as returned by the call APIs: <digits>^<digits>, e.g. 116012354148^102813780000');
}

/** A mainland China number (mobile, fixed line or service number): digits only, no + or country code. */
export function mainlandNumber() {
  return z.string().regex(/^\d{3,20}$/, 'must be a mainland China number: 3-20 digits, no + or country code');
}

/** A caller ID that may be left empty (public-mode templates): empty, or a number. */
export function optionalShowNumber() {
  return z.string().regex(/^(\+?\d{3,20})?$/, 'must be a purchased number (digits, optionally starting with +) or empty');
}

/** Template variables: an object (or its JSON text); sent as a JSON string. */
export function templateVars() {
  return jsonValue(templateParams());
}

/** A Unix time in milliseconds (years 2000-2099); catches seconds passed by mistake. */
export function epochMs() {
  return unixTimeMs(int(946_684_800_000, 4_102_444_800_000));
}

/** 'yyyy-MM-dd' */
export function day() {
  return z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be "yyyy-MM-dd"');
}

/** Page number, 1-based. */
export function pageNo() {
  return int(1);
}

/** True when the template/voice code is a TTS template (TTS_...) rather than a voice file ID. */
export function isTtsCode(code: unknown): boolean {
  return typeof code === 'string' && /^TTS_/i.test(code.trim());
}

// ---- outputs ----

/**
 * Parses JSON text the way the dyvms docs show it: after a failed parse, retries with the typographic
 * quotes and full-width separators between tokens (“ ” ， ：) that the examples contain replaced by ASCII.
 * Returns undefined when the text still is not JSON.
 */
export function parseLenientJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[') && !trimmed.startsWith('“')) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    const repaired = trimmed
      .replace(/[“”]/g, '"')
      .replace(/，(\s*")/g, ',$1')
      .replace(/"\s*：/g, '":');
    try {
      return JSON.parse(repaired) as unknown;
    } catch {
      return undefined;
    }
  }
}

/**
 * A value the vendor declares as a JSON string but may send as the parsed value. Returned parsed; when the
 * text is not JSON even after repair, the raw string is handed back unchanged instead of failing the call.
 */
export function jsonData<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? (parseLenientJson(v) ?? v) : v),
    z.union([schema, z.string().describe('The raw text, when the vendor sent something that is not JSON.')]),
  );
}

/** A list sent as a JSON string, an array, or a single object; returned as an array (or the raw text). */
export function jsonList<T extends z.ZodType>(item: T) {
  return jsonData(list(item));
}

/** Robot-call HangupDirection: request codes (QueryRobotTaskCallList filter) are the inverse of response codes. */
export const HANGUP_DIRECTION_REQUEST_CODES = { user: '0', robot: '1' } as const;
/** Response codes of QueryRobotTaskCallList and QueryRobotTaskCallDetail: 1 = user, 0 = robot. */
export const HANGUP_DIRECTION_RESPONSE_SIDES: Record<string, 'user' | 'robot'> = { '1': 'user', '0': 'robot' };

/** Copies a value found under a misspelled key to the documented key (keeping the misspelled key too). */
function withAliases(v: Record<string, unknown>, aliases: Record<string, string>): Record<string, unknown> {
  const out = { ...v };
  for (const [documented, misspelled] of Object.entries(aliases)) {
    if (out[documented] === undefined && out[misspelled] !== undefined) out[documented] = out[misspelled];
  }
  return out;
}

const robotCallFields = () => ({
  taskId: str().optional().describe('Robot task ID.'),
  callId: str().optional().describe(`CallId of this call (taskId^bizId); use with QueryCallDetailByCallId (ProdId ${PROD_ID.robot}).`),
  caller: str().optional().describe('Caller number used.'),
  called: str().optional().describe('Callee number.'),
  duration: num().optional().describe('Talk time in seconds.'),
  label: str().optional().describe('Labels the robot script assigned to the callee, comma-separated text.'),
  dialogCount: num().optional().describe('Number of dialogue rounds.'),
  callResult: str().optional().describe('Call result (text or carrier code, e.g. 200002 busy, 200005 unreachable, 200010 power-off, 200011 suspended, 200012 call loss).'),
  hangupDirection: str()
    .optional()
    .describe("Who hung up, as the vendor sent it: in responses 1 = user, 0 = robot (the request filter uses the opposite codes). Read hangupSide instead."),
  hangupSide: z
    .enum(['user', 'robot'])
    .optional()
    .describe('Who hung up, decoded from hangupDirection with the response meaning (1 = user, 0 = robot).'),
  transferResult: str().optional().describe('Transfer to an agent: 1 = succeeded, 0 = failed, 3 = not transferred.'),
  transferNumber: str().optional().describe('Number the call was transferred to.'),
  transferFailReason: str().optional().describe('Why the transfer failed (also read from the misspelled "transferFailReson").'),
  recallCurTimes: num().optional().describe('Redial attempt this record belongs to.'),
  callStartTime: str().optional().describe('Call start time (documented yyyy.MM.dd HH:mm:ss; yyyy-MM-dd also seen).'),
  callEndTime: str().optional().describe('Call end time.'),
  sureCount: num().optional().describe('Times the callee answered affirmatively.'),
  denyCount: num().optional().describe('Times the callee answered negatively.'),
  rejectCount: num().optional().describe('Times the callee refused.'),
  customCount: num().optional().describe('Custom-intent hits.'),
  knowledgeCount: num().optional().describe('Knowledge-base hits (the vendor sends it misspelled as "konwledgeCount"; both are read).'),
  konwledgeCount: num().optional().describe('The vendor\'s misspelled name of knowledgeCount, kept as sent.'),
  defaultCount: num().optional().describe('Fallback (default reply) hits.'),
  knowledgeBusinessCount: num().optional().describe('Business knowledge-base hits.'),
  knowledgeCommonCount: num().optional().describe('Common knowledge-base hits.'),
});

function normaliseRobotCall(v: unknown): unknown {
  if (!isRecord(v)) return v;
  const out = withAliases(v, { knowledgeCount: 'konwledgeCount', transferFailReason: 'transferFailReson', callId: 'Calld' });
  const raw = out.hangupDirection;
  const side = raw === undefined || raw === null ? undefined : HANGUP_DIRECTION_RESPONSE_SIDES[String(raw).trim()];
  if (side) out.hangupSide = side;
  else delete out.hangupSide;
  return out;
}

/** One robot call record (QueryRobotTaskCallList item). */
export const robotCallRecord = () => z.preprocess(normaliseRobotCall, z.looseObject(robotCallFields()));

/** One robot call in full (QueryRobotTaskCallDetail Data). */
export const robotCallDetail = () => z.preprocess(
  normaliseRobotCall,
  z.looseObject({
    ...robotCallFields(),
    recordStatus: num().optional().describe('1 = a recording exists, 2 = no recording.'),
    recordFile: str().optional().describe('Recording URL (signed, expires; contains personal data).'),
    dialogDetail: list(
      z.looseObject({
        role: str().optional().describe('Who spoke: robot or user.'),
        content: str().optional().describe('What was said (transcript).'),
        speakTime: str().optional().describe('When it was said.'),
      }),
    )
      .optional()
      .describe('Dialogue transcript, in order.'),
  }),
);

/** QueryRobotTaskDetail's called[] item: the vendor documents "filename" but sends "fileName". */
export const calledFile = () => z.preprocess(
  (v) => (isRecord(v) ? withAliases(v, { fileName: 'filename' }) : v),
  z.looseObject({
    fileName: str().optional().describe('Name of the uploaded callee file.'),
    ossFilePath: str().optional().describe('Where the file is stored (internal OSS URL).'),
  }),
);

/** Data of the robot-task control APIs: true/false, sometimes as text. */
export function okFlag() {
  return bool().optional().describe('Whether the vendor accepted the request.');
}
