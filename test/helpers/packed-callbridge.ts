// The shipped `callbridge` package, installed as a user installs it: `npm i artifacts/callbridge-<v>.tgz`
// into a temporary directory, run through its bin. The CLI and MCP end-to-end tests run this, not the source.
// CALLBRIDGE_TGZ=<path> tests that tarball; otherwise the one in artifacts/, packed again (`npm run pack`)
// when missing or older than the sources. Each tarball is installed once (keyed by its hash), whichever
// test file asks first; the others wait on a lock directory.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'artifacts');
/** What the callbridge bundle is built from (scripts/pack.sh, tsup.config.ts). */
const SOURCES = ['core', 'mcp', 'sandbox', 'packaging', 'scripts', 'tsup.config.ts', 'package.json', 'README.md'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Runs `work` while holding a lock directory (other test processes wait; 5 minutes at most). */
function withLock<T>(lock: string, work: () => T): T {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} held for 5 minutes; remove it if no pack or install is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], cwd: string): void {
  try {
    execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe', timeout: 5 * 60_000 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

/** artifacts/callbridge-<version>.tgz, packed again when missing or older than the sources. */
export function callbridgeTarball(): string {
  const given = process.env.CALLBRIDGE_TGZ;
  if (given) {
    if (!existsSync(given)) throw new Error(`CALLBRIDGE_TGZ=${given} does not exist`);
    return given;
  }
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const tgz = join(ARTIFACTS, `callbridge-${version}.tgz`);
  const fresh = () => existsSync(tgz) && statSync(tgz).mtimeMs >= Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (fresh()) return tgz;
  mkdirSync(ARTIFACTS, { recursive: true });
  // The same lock as test/e2e-n8n/harness.ts: `npm run pack` writes both tarballs.
  return withLock(join(ARTIFACTS, '.e2e-n8n-pack.lock'), () => {
    if (!fresh()) run('npm', ['run', '--silent', 'pack'], ROOT);
    if (!existsSync(tgz)) throw new Error(`npm run pack wrote no ${tgz}`);
    return tgz;
  });
}

let installed: string | undefined;

/** The `callbridge` bin of the packed tarball, installed into a temporary directory with `npm i`. */
export function packedCallbridgeBin(): string {
  if (installed) return installed;
  const tgz = callbridgeTarball();
  const hash = createHash('sha256').update(readFileSync(tgz)).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `callbridge-packed-${hash}`);
  const bin = join(dir, 'node_modules', '.bin', 'callbridge');
  const done = join(dir, '.installed');
  if (!existsSync(done)) {
    withLock(`${dir}.lock`, () => {
      if (existsSync(done)) return;
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
      run('npm', ['i', '--no-audit', '--no-fund', '--prefer-offline', tgz], dir);
      if (!existsSync(bin)) throw new Error(`npm i ${tgz} installed no node_modules/.bin/callbridge`);
      writeFileSync(done, `${tgz}\n`);
    });
  }
  installed = bin;
  return bin;
}
