// The facts each operation file owns besides its wire form: n8n resource group, downloads, what it returns,
// what to check after an unknown outcome, how its calls are tracked. Each names something that exists.
import { describe, expect, it } from 'vitest';
import { checkWith } from '../../core/check.js';
import { CALL_TRACKERS } from '../../core/providers/index.js';
import { catalog } from '../../core/registry.js';
import { validateInput } from '../../core/validate.js';
import { RESOURCES } from '../../nodes/shared/resources.js';
import { schemaHasPath } from './schema-paths.js';

const operations = [...catalog.values()];

describe('operation facts', () => {
  it('every operation names a resource group of its product', () => {
    const wrong = operations.filter((op) => !RESOURCES[op.product].some((group) => group.value === op.resource)).map((op) => `${op.id}: ${op.resource}`);
    expect(wrong).toEqual([]);
  });

  it('downloads and returned IDs name fields of the output; checked IDs name fields of the input', () => {
    const wrong = operations.flatMap((op) => [
      ...[op.download?.urlPath, op.download?.fileNamePath, op.returns?.callId, ...(op.returns?.taskId ?? [])]
        .filter((path): path is string => path !== undefined && !schemaHasPath(op.output, path, 'output'))
        .map((path) => `${op.id} output: ${path}`),
      ...(op.check ?? []).filter((path) => !schemaHasPath(op.input, path)).map((path) => `${op.id} input: ${path}`),
    ]);
    expect(wrong).toEqual([]);
    expect(operations.filter((op) => op.download).map((op) => op.id).sort()).toEqual(['outboundbot.DownloadRecording', 'volcengine.QueryAudioRecordFileUrl']);
  });

  it('what to check after an unknown outcome comes from the declared fields, items counted from 1', () => {
    const op = catalog.get('volcengine.SingleBatchAppend')!;
    const item = { Phone: '13800000000', Type: 1, Resource: 'r1', NumberPoolNo: 'NP1' };
    const input = validateInput(op, { List: [{ ...item, SingleOpenId: 'a' }, { ...item, SingleOpenId: 'b' }] });
    expect(checkWith(op, input)).toEqual({ 'List.1.SingleOpenId': 'a', 'List.2.SingleOpenId': 'b' });
    const tts = catalog.get('dyvms.SingleCallByTts')!;
    expect(checkWith(tts, validateInput(tts, { CalledNumber: '13800000000', TtsCode: 'TTS_1', OutId: 'o-1' }))).toEqual({ CalledNumber: '13800000000', OutId: 'o-1' });
  });

  it('the operations whose calls can be followed are those that declare tracking, polled by the declared read', () => {
    const tracked = operations.filter((op) => op.tracking);
    expect(Object.keys(CALL_TRACKERS).sort()).toEqual(tracked.map((op) => op.id).sort());
    for (const op of tracked) {
      expect(CALL_TRACKERS[op.id].queryOperation, op.id).toBe(op.tracking?.query);
      expect(catalog.get(op.tracking?.query ?? '')?.access, op.id).toBe('read');
    }
    expect(catalog.get('dyvms.SingleCallByTts')?.tracking?.prodIds).toEqual(['11000000300006', '11010000138001']);
  });
});
