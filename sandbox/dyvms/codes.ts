import type { PlacedCall } from '../types.js';

/** Carrier status code of a call (VoiceReport status_code, QueryCallDetailByCallId state). */
export function statusCode(call: PlacedCall): string {
  switch (call.status) {
    case 'queued':
      return '200101';
    case 'ringing':
      return '200201';
    case 'answered':
      return '200102';
    case 'completed':
      return call.hangupSide === 'user' ? '200001' : '200000';
    case 'no_answer':
      return '200003';
    case 'busy':
      return '200002';
    case 'power_off':
      return '200010';
    default:
      return '200005';
  }
}

export function smartStatusCode(call: PlacedCall): string {
  switch (call.status) {
    case 'answered':
    case 'completed':
      return 'ANSWERED';
    case 'no_answer':
      return 'NO_ANSWER';
    case 'busy':
      return 'USER_BUSY';
    case 'power_off':
      return 'POWERED_OFF';
    case 'failed':
      return 'UNAVAILABLE';
    default:
      return '';
  }
}

export function isFinal(call: PlacedCall): boolean {
  return call.endAt !== undefined;
}

/** VoiceReport hangup_direction: the vendor sends these Chinese words ("user" / "machine"). */
export function hangupDirectionText(call: PlacedCall): string {
  if (!call.answerAt) return '';
  return call.hangupSide === 'user' ? '用户' : '机器';
}
