import { CallbridgeError } from '../../core/errors.js';
import { accountsFromEnv, sandboxEnv } from '../../sandbox/accounts.js';
import { FaultSpecError, parseFaultSpec } from '../../sandbox/faults.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import type { Env } from '../env-config.js';

export const DEFAULT_SANDBOX_PORT = 8790;

export interface SandboxCommandOptions {
  port?: string;
  seed?: string;
  speed?: string;
  faults?: string;
  'receipt-url'?: string;
  'print-env'?: boolean;
}

export interface SandboxIo {
  env: Env;
  out: (line: string) => void;
}

function invalid(field: string, message: string): CallbridgeError {
  return new CallbridgeError({ kind: 'validation', field, message });
}

function parseOptions(options: SandboxCommandOptions) {
  const port = options.port === undefined ? DEFAULT_SANDBOX_PORT : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw invalid('port', `--port must be 0-65535, got "${options.port}"`);
  const speed = options.speed === undefined ? 1 : Number(options.speed);
  if (!(speed > 0) || !Number.isFinite(speed)) throw invalid('speed', `--speed must be a positive number, got "${options.speed}"`);
  const seed = options.seed === undefined ? 1 : /^\d+$/.test(options.seed) ? Number(options.seed) : options.seed;
  const receiptUrl = options['receipt-url'];
  if (receiptUrl !== undefined && !/^https?:\/\/\S+$/.test(receiptUrl)) throw invalid('receipt-url', `--receipt-url must be an http(s) URL, got "${receiptUrl}"`);
  if (options.faults) {
    try {
      parseFaultSpec(options.faults);
    } catch (error) {
      if (error instanceof FaultSpecError) throw invalid('faults', `--faults: ${error.message}`);
      throw error;
    }
  }
  return { port, speed, seed, receiptUrl, faults: options.faults };
}

const envLines = (env: Record<string, string>) => Object.entries(env).map(([k, v]) => `${k}=${v}`);

/**
 * `callbridge sandbox`: with --print-env, prints the KEY=value lines for the port (default 8790)
 * and exits without starting; otherwise serves until SIGINT/SIGTERM, printing a banner (lines
 * starting with #) and the same env lines first.
 */
export async function sandboxCommand(options: SandboxCommandOptions, io: SandboxIo): Promise<RunningSandbox | undefined> {
  const parsed = parseOptions(options);
  if (options['print-env']) {
    if (parsed.port === 0) throw invalid('port', '--print-env needs a fixed --port (the env names it); start the sandbox to learn a random port');
    for (const line of envLines(sandboxEnv(`http://127.0.0.1:${parsed.port}`, accountsFromEnv(io.env)))) io.out(line);
    return undefined;
  }
  const sandbox = await startSandbox({
    port: parsed.port,
    seed: parsed.seed,
    speed: parsed.speed,
    faults: parsed.faults,
    env: io.env,
    config: parsed.receiptUrl ? { receiptUrl: parsed.receiptUrl } : undefined,
  });
  io.out(`# callbridge sandbox on ${sandbox.url} (seed ${parsed.seed}, speed ${parsed.speed}x): no real calls are placed.`);
  io.out('# Point callbridge at it with these variables (e.g. export them), then: callbridge invoke dyvms.SingleCallByTts --input ...');
  for (const line of envLines(sandbox.env)) io.out(line);
  io.out(`# Control: GET ${sandbox.url}/_sandbox/calls, POST ${sandbox.url}/_sandbox/faults, POST ${sandbox.url}/_sandbox/reset, POST ${sandbox.url}/_sandbox/config`);
  if (parsed.faults) io.out(`# Faults: ${sandbox.faults.spec}`);
  if (parsed.receiptUrl) io.out(`# Alibaba receipts are pushed to ${parsed.receiptUrl}`);
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
