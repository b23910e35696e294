// Diagnostic: callbridge dyvms.SingleCallByTts without input validation and without the output schema (see bench/lib/unchecked.ts).
import { uncheckedDyvms } from '../lib/unchecked.js';
import { runWorker } from '../lib/worker.js';

await runWorker('callbridge-dyvms-no-checks', (target) => uncheckedDyvms(target, 'input+output'));
