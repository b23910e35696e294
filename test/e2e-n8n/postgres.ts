// A throwaway PostgreSQL (the Debian package's binaries) for n8n's queue mode: a fresh cluster in a
// temporary directory, loopback only, trust authentication, fsync off. PostgreSQL refuses to run as
// root, so as root (CI) it runs as the `postgres` user the package creates.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './harness.js';

export interface TestPostgres {
  port: number;
  user: string;
  database: string;
  stop(): Promise<void>;
}

/** /usr/lib/postgresql/<newest>/bin, where Debian installs the server binaries. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  if (!versions.length) throw new Error('PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin: apt-get install -y postgresql (listed in scripts/system-packages)');
  return join(root, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'callbridge-pg-'));
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const run = (tool: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(bin, tool), asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args, { encoding: 'utf8', stdio: 'pipe', timeout: 60_000 });
  const port = await freePort();
  const user = 'n8n';
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8']);
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', user, 'n8n']);
  return {
    port,
    user,
    database: 'n8n',
    stop: async () => {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
