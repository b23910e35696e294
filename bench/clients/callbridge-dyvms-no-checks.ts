// Diagnostic: callbridge dyvms.SingleCallByTts without input validation (see bench/lib/unchecked.ts).
import { uncheckedDyvms } from '../lib/unchecked.js';
import { runWorker } from '../lib/worker.js';

await runWorker('callbridge-dyvms-no-checks', (target) => uncheckedDyvms(target, 'no-input-validation'));
