import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new, empty $XDG_STATE_HOME: a spawned callbridge gets its own policy store, never the developer's or another test's. */
export function freshStateHome(): string {
  return mkdtempSync(join(tmpdir(), 'callbridge-state-'));
}
