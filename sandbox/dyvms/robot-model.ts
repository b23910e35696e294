import { Dialer } from '../dialer.js';
import { beijingTime } from '../ids.js';
import { pick, randomInt, seededRng } from '../rng.js';
import type { PlacedCall } from '../types.js';
import { statusCode } from './codes.js';

/** The robot scripts every sandbox account has (QueryRobotv2AllList). */
export const ROBOT_SCRIPTS = [
  { id: 1000000000001, robotName: 'Payment reminder', robotType: 'CUSTOM' },
  { id: 1000000000002, robotName: 'Delivery confirmation', robotType: 'CUSTOM' },
  { id: 1000000000003, robotName: 'Satisfaction survey', robotType: 'TEMPLATE' },
];

export type RobotTaskStatus = 'INIT' | 'READY' | 'DISPATCH' | 'EXCUTING' | 'MANUAL_STOP' | 'SYSTEM_STOP' | 'CANCEL' | 'SYSTEM_CANCEL' | 'FINISH';

export interface RobotCallee {
  number: string;
  params?: Record<string, string>;
  /** Call ids of every attempt, oldest first. */
  attempts: string[];
  /** All attempts (with redials) are over. */
  done: boolean;
  /** Cache of the latest ended attempt. */
  lastEnded?: PlacedCall;
}

export interface RobotTask {
  id: string;
  taskName: string;
  robotId: number;
  robotName: string;
  corpName: string;
  callers: string[];
  numberStatusIdent: boolean;
  retryType: number;
  recallStateCodes: string[];
  recallTimes: number;
  recallInterval: number;
  status: RobotTaskStatus;
  scheduleType: 'SINGLE' | 'ORDER';
  createTime: number;
  scheduleAt?: number;
  fireTime?: number;
  completeTime?: number;
  callees: RobotCallee[];
  byNumber: Map<string, number>;
  files: { fileName: string; ossFilePath: string }[];
  dialer?: Dialer;
}

const FINAL_STATES: RobotTaskStatus[] = ['CANCEL', 'SYSTEM_CANCEL', 'FINISH'];
export const isTerminal = (task: RobotTask) => FINAL_STATES.includes(task.status);

/** Callees finished (all attempts over). */
export function finishCount(task: RobotTask): number {
  let n = 0;
  for (const c of task.callees) if (c.done) n++;
  return n;
}

export function taskSummary(task: RobotTask) {
  return {
    id: Number(task.id),
    taskName: task.taskName,
    robotId: task.robotId,
    robotName: task.robotName,
    status: task.status,
    scheduleType: task.scheduleType,
    createTime: beijingTime(task.createTime),
    fireTime: beijingTime(task.fireTime),
    completeTime: beijingTime(task.completeTime),
    totalCount: task.callees.length,
    finishCount: finishCount(task),
  };
}

export function taskDetail(task: RobotTask) {
  return {
    ...taskSummary(task),
    corpName: task.corpName,
    caller: task.callers.join(','),
    numberStatusIdent: task.numberStatusIdent,
    retryType: task.retryType,
    recallStateCodes: task.recallStateCodes.join(','),
    recallTimes: task.recallTimes,
    recallInterval: task.recallInterval,
    called: task.files,
  };
}

const ROBOT_LINES = [
  'Hello, this is an automated call from your service provider.',
  'We are calling about your recent order. Is now a good time?',
  'Thank you. Could you confirm the delivery address on file?',
  'Would you like us to schedule a callback with an agent?',
  'Thank you for your time. Goodbye.',
];
const USER_LINES = ['Yes.', 'Who is this?', 'Not now, thanks.', 'Sure, go ahead.', 'Please call me later.', 'No.', 'OK.'];

/** Conversation facts of one answered robot call, drawn from its id (stable across queries). */
export function conversation(call: PlacedCall) {
  const rng = seededRng(call.id);
  const answered = call.answerAt !== undefined && call.endAt !== undefined;
  const dialogCount = answered ? randomInt(rng, 1, 5) : 0;
  const counts = { sureCount: 0, denyCount: 0, rejectCount: 0, customCount: 0, konwledgeCount: 0, defaultCount: 0, knowledgeBusinessCount: 0, knowledgeCommonCount: 0 };
  const keys = Object.keys(counts) as (keyof typeof counts)[];
  for (let i = 0; i < dialogCount; i++) counts[pick(rng, keys)]++;
  const dialog: { role: 'robot' | 'user'; content: string; speakTime: string }[] = [];
  if (answered) {
    const start = call.answerAt as number;
    const step = ((call.endAt as number) - start) / (dialogCount * 2 + 1);
    for (let i = 0; i <= dialogCount * 2; i++) {
      const robot = i % 2 === 0;
      dialog.push({
        role: robot ? 'robot' : 'user',
        content: robot ? ROBOT_LINES[Math.min(i / 2, ROBOT_LINES.length - 1)] : pick(rng, USER_LINES),
        speakTime: beijingTime(start + step * i),
      });
    }
  }
  return { dialogCount, counts, label: answered ? pick(rng, ['A', 'B', 'C', 'D']) : '', dialog };
}

/** One row of QueryRobotTaskCallList (hangupDirection in the response: 1 = user, 0 = robot). */
export function callRow(task: RobotTask, callee: RobotCallee, call: PlacedCall) {
  const talk = conversation(call);
  return {
    taskId: task.id,
    caller: call.callerNumber ?? '',
    called: callee.number,
    duration: call.durationSeconds ?? 0,
    label: talk.label,
    dialogCount: talk.dialogCount,
    callResult: statusCode(call),
    hangupDirection: call.hangupSide === 'user' ? 1 : 0,
    transferResult: 3,
    transferNumber: '',
    transferFailReason: '',
    callId: call.id,
    recallCurTimes: callee.attempts.length - 1,
    callStartTime: beijingTime(call.answerAt ?? call.createdAt),
    callEndTime: beijingTime(call.endAt),
    ...talk.counts,
  };
}
