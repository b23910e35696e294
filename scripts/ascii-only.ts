// Makes a built bundle ASCII-only (tsup.config.ts runs it on the CLI; bench/mcp.ts on its own build).
// V8 keeps a script's source in memory, and a single character outside Latin-1 makes it two bytes per
// character: twice the memory for the whole file. esbuild's `charset: 'ascii'` escapes strings and names
// but leaves comments and regular expression literals alone (the bundled libraries' comments have dashes
// and quotes); this escapes those too. `\uXXXX` is the same character in a regular expression and plain
// text in a comment.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function asciiOnly(dir: string): void {
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.js')) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    const ascii = text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (ascii !== text) writeFileSync(join(dir, file), ascii);
  }
}
