import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packedCallbridgeBin } from './packed-callbridge.js';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** No sandbox answers here: commands without credentials start an in-process one, whatever runs on the developer's port 8790. */
export const NO_SHARED_SANDBOX = 'http://127.0.0.1:9';

/**
 * Runs the shipped callbridge CLI (the packed tarball, installed) with exactly the given environment
 * (plus PATH, HOME, CALLBRIDGE_SANDBOX_URL and a new, empty state directory for its policy store,
 * unless given); `stdin` is written to its standard input.
 */
export function runCli(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(packedCallbridgeBin(), args, {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'callbridge-cli-state-')), CALLBRIDGE_SANDBOX_URL: NO_SHARED_SANDBOX, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end(stdin ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
