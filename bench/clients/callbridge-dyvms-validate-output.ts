// Diagnostic: callbridge dyvms.SingleCallByTts with validateOutput on (every answer checked against the full output schema, as the test suite runs).
import { uncheckedDyvms } from '../lib/unchecked.js';
import { runWorker } from '../lib/worker.js';

await runWorker('callbridge-dyvms-validate-output', (target) => uncheckedDyvms(target, 'validate-output'));
