// Diagnostic: callbridge dyvms.SingleCallByTts without the output schema (see bench/lib/unchecked.ts).
import { uncheckedDyvms } from '../lib/unchecked.js';
import { runWorker } from '../lib/worker.js';

await runWorker('callbridge-dyvms-no-output-check', (target) => uncheckedDyvms(target, 'output'));
