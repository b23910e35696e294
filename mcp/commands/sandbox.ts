import { CallbridgeError } from '../../core/errors.js';
import { accountsFromEnv, DEFAULT_ACCOUNTS, sandboxEnv } from '../../sandbox/accounts.js';
import { FaultSpecError, parseFaultSpec } from '../../sandbox/faults.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import type { Env } from '../env-config.js';
import { UsageError } from './exit-codes.js';

/** The options of `callbridge sandbox`, as parsed by the command line (see sandbox-command.ts). */
export interface SandboxCommandOptions {
  port: number;
  seed: string | number;
  speed: number;
  faults?: string;
  receiptUrl?: string;
  printEnv?: boolean;
}

export interface SandboxIo {
  env: Env;
  out: (line: string) => void;
  /** Notes that must not mix with --print-env's KEY=value lines. */
  note: (line: string) => void;
}

function checkFaults(spec: string): void {
  try {
    parseFaultSpec(spec);
  } catch (error) {
    if (error instanceof FaultSpecError) throw new CallbridgeError({ kind: 'validation', field: 'faults', message: `--faults: ${error.message}` });
    throw error;
  }
}

/** The sandbox's own default secrets: the only secret values ever printed. */
const DEFAULT_SECRETS = new Set([DEFAULT_ACCOUNTS.alibaba.accessKeySecret, DEFAULT_ACCOUNTS.volcengine.secretKey, DEFAULT_ACCOUNTS.pbx.password]);
const SECRET_VARIABLES = new Set(['ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'VOLCENGINE_SECRET_KEY', 'CALLBRIDGE_PBX_PASSWORD']);

/** A secret the sandbox took from the environment (not its own default): never printed; the environment already holds it. */
const withheld = ([k, v]: [string, string]) => SECRET_VARIABLES.has(k) && !DEFAULT_SECRETS.has(v);

const envLines = (env: Record<string, string>) => Object.entries(env).filter((e) => !withheld(e)).map(([k, v]) => `${k}=${v}`);

const withheldNotes = (env: Record<string, string>) =>
  Object.entries(env)
    .filter(withheld)
    .map(([k]) => `# ${k} is taken from your environment and not printed.`);

/**
 * `callbridge sandbox`: with --print-env, prints the KEY=value lines for the port (default 8790)
 * and exits without starting; otherwise serves until SIGINT/SIGTERM, printing a banner (lines
 * starting with #) and the same env lines first.
 */
export async function sandboxCommand(options: SandboxCommandOptions, io: SandboxIo): Promise<RunningSandbox | undefined> {
  if (options.faults) checkFaults(options.faults);
  if (options.printEnv) {
    if (options.port === 0) throw new UsageError('--print-env needs a fixed --port (the env names it); start the sandbox to learn a random port');
    const env = sandboxEnv(`http://127.0.0.1:${options.port}`, accountsFromEnv(io.env));
    for (const line of envLines(env)) io.out(line);
    for (const line of withheldNotes(env)) io.note(line);
    return undefined;
  }
  const sandbox = await startSandbox({
    port: options.port,
    seed: options.seed,
    speed: options.speed,
    faults: options.faults,
    env: io.env,
    config: options.receiptUrl ? { receiptUrl: options.receiptUrl } : undefined,
  });
  io.out(`# callbridge sandbox on ${sandbox.url} (seed ${options.seed}, speed ${options.speed}x): no real calls are placed.`);
  io.out('# Commands without vendor credentials use it (callbridge call, task add, result, invoke); calls and tasks last until it stops.');
  io.out('# Other programs: point them at it with these variables (e.g. export them).');
  for (const line of [...envLines(sandbox.env), ...withheldNotes(sandbox.env)]) io.out(line);
  io.out(`# Control: GET ${sandbox.url}/_sandbox/calls, POST ${sandbox.url}/_sandbox/faults, POST ${sandbox.url}/_sandbox/reset, POST ${sandbox.url}/_sandbox/config`);
  if (options.faults) io.out(`# Faults: ${sandbox.faults.spec}`);
  if (options.receiptUrl) io.out(`# Alibaba receipts are pushed to ${options.receiptUrl}`);
  io.out('# Ctrl-C stops it.');
  return sandbox;
}

/** Resolves once SIGINT or SIGTERM arrives and the sandbox has closed. */
export function serveUntilSignal(sandbox: RunningSandbox): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void sandbox.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
