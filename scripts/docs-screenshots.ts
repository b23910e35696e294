// Copies the screenshots docs/n8n.md shows from the editor test's output (test/e2e-n8n/screenshots, made by
// `npx vitest run test/e2e-n8n/editor.test.ts`) to docs/images, only those whose bytes changed, so that
// a commit holds new images only when a screen changed. Usage: npm run docs:screenshots
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const FROM = join(ROOT, 'test/e2e-n8n/screenshots');
const TO = join(ROOT, 'docs/images');

/** Test screenshot -> the image docs/n8n.md links. */
const CHOSEN: Record<string, string> = {
  '02-dependent-list-before-instance.png': 'n8n-dependent-list.png',
  '03-list-search.png': 'n8n-list-search.png',
  '06-campaign-from-items.png': 'n8n-campaign-from-items.png',
  '07-campaign-results.png': 'n8n-campaign-results.png',
  '08-billed-notice.png': 'n8n-billed-notice.png',
};

const missing = Object.keys(CHOSEN).filter((name) => !existsSync(join(FROM, name)));
if (missing.length) {
  console.error(`Missing in ${FROM}: ${missing.join(', ')}. Run the editor test first: npx vitest run test/e2e-n8n/editor.test.ts`);
  process.exit(1);
}
mkdirSync(TO, { recursive: true });
for (const [source, target] of Object.entries(CHOSEN)) {
  const from = join(FROM, source);
  const to = join(TO, target);
  const same = existsSync(to) && readFileSync(to).equals(readFileSync(from));
  if (!same) copyFileSync(from, to);
  console.log(`${same ? 'unchanged' : 'updated  '} docs/images/${target}`);
}
