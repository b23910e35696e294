import { beijingTime } from '../ids.js';
import { alibabaPushAccepted } from '../push.js';
import type { PlacedCall, SandboxContext } from '../types.js';
import { hangupDirectionText, smartStatusCode, statusCode } from './codes.js';

export type ReceiptType = 'VoiceReport' | 'VoiceCallReport' | 'VoiceRecordReport';

interface Tracked {
  id: string;
  record: boolean;
  /** Intermediate stages already reported: started, ringing, answered, dtmf. */
  sent: Set<string>;
}

/** Messages per POST (the HTTP batch push carries a JSON array). */
const BATCH = 100;

/**
 * Alibaba HTTP batch push of dyvms receipts. Calls placed while a receipt URL is configured are
 * tracked; each tick reports the stages they passed (VoiceCallReport), and on hang-up the CDR
 * (VoiceReport) and, for recorded calls, VoiceRecordReport. Retried 1, 5, 10 minutes later
 * (sandbox time) unless the receiver answers HTTP 200 with a numeric "code".
 */
export class ReceiptTracker {
  private tracked = new Map<string, Tracked>();

  track(call: PlacedCall, ctx: SandboxContext, options: { record: boolean }): void {
    if (!(ctx.config.receiptUrl || ctx.config.receiptUrls)) return;
    this.tracked.set(call.id, { id: call.id, record: options.record, sent: new Set() });
  }

  get pending(): number {
    return this.tracked.size;
  }

  tick(context: SandboxContext): void {
    if (!this.tracked.size) return;
    const batches: Record<ReceiptType, Record<string, unknown>[]> = { VoiceReport: [], VoiceCallReport: [], VoiceRecordReport: [] };
    for (const t of this.tracked.values()) {
      const call = context.getCall(t.id);
      if (!call) {
        this.tracked.delete(t.id);
        continue;
      }
      const stages: [string, number | undefined, string][] = [
        ['started', call.createdAt, '200101'],
        ['ringing', call.ringAt, '200201'],
        ['answered', call.answerAt, '200102'],
        ['ended', call.endAt, '200100'],
      ];
      for (const [stage, at, code] of stages) {
        if (at === undefined || t.sent.has(stage)) continue;
        t.sent.add(stage);
        batches.VoiceCallReport.push({
          call_id: call.id,
          status_code: code,
          smart_status_code: stage === 'ended' ? smartStatusCode(call) : stage === 'answered' ? 'ANSWERED' : '',
          status_time: beijingTime(at),
          out_id: call.outId ?? '',
        });
      }
      if (call.dtmf && !t.sent.has('dtmf')) {
        t.sent.add('dtmf');
        batches.VoiceCallReport.push({
          call_id: call.id,
          status_code: '300000',
          smart_status_code: 'ANSWERED',
          dtmf: call.dtmf,
          status_time: beijingTime(call.answerAt),
          out_id: call.outId ?? '',
        });
      }
      if (call.endAt === undefined) continue;
      this.tracked.delete(t.id);
      batches.VoiceReport.push(voiceReport(call));
      if (t.record && call.answerAt !== undefined) {
        batches.VoiceRecordReport.push({
          call_id: call.id,
          start_time: beijingTime(call.answerAt),
          end_time: beijingTime(call.endAt),
          duration: String(call.durationSeconds ?? 0),
          status_code: statusCode(call),
          record_file: context.recordingUrl(call.id),
          out_id: call.outId ?? '',
        });
      }
    }
    for (const type of Object.keys(batches) as ReceiptType[]) {
      const url = context.config.receiptUrls?.[type] ?? context.config.receiptUrl;
      const messages = batches[type];
      if (!url) continue;
      for (let i = 0; i < messages.length; i += BATCH) {
        context.push(url, messages.slice(i, i + BATCH), context.config.alibabaRetryDelaysMs, { accept: alibabaPushAccepted, timeoutMs: 700, kind: type });
      }
    }
  }

  reset(): void {
    this.tracked.clear();
  }
}

/** VoiceReport (CDR), the current superset of fields. */
export function voiceReport(call: PlacedCall): Record<string, unknown> {
  const answered = call.answerAt !== undefined;
  return {
    call_id: call.id,
    caller: call.callerNumber ?? '',
    callee: call.number,
    originate_time: beijingTime(call.createdAt),
    ring_time: beijingTime(call.ringAt),
    start_time: beijingTime(call.answerAt),
    end_time: beijingTime(call.endAt),
    duration: String(call.durationSeconds ?? 0),
    b_originate_time: beijingTime(call.createdAt),
    b_ring_time: beijingTime(call.ringAt),
    b_start_time: beijingTime(call.answerAt),
    b_end_time: beijingTime(call.endAt),
    b_duration: call.durationSeconds ?? 0,
    status_code: statusCode(call),
    smart_status_code: smartStatusCode(call),
    status_msg: answered ? '执行完成' : '呼叫失败',
    hangup_direction: hangupDirectionText(call),
    out_id: call.outId ?? '',
    dtmf: call.dtmf ?? '',
    voice_type: 'voice',
    toll_type: 'UNKNOWN',
  };
}
