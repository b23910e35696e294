import { parseArgs } from 'node:util';
import { CallbridgeError, withSettingHelp } from '../core/errors.js';
import { SETTING_HELP } from './env-config.js';
import { openClientFromEnv } from './client-factory.js';
import { invoke, readInput } from './commands/invoke.js';
import { opsDescribe, opsList } from './commands/ops.js';

const USAGE = `callbridge — phone calls and robot call campaigns on Alibaba Cloud, Volcengine and Yeastar-style PBXs

Usage:
  callbridge ops list [--json] [--product dyvms|outboundbot|volcengine|pbx]
  callbridge ops describe <operation-id>
  callbridge invoke <operation-id> --input '<json>' [--input-file path] [--dry-run]
  callbridge mcp [--http] [options]      MCP server for AI agents (callbridge mcp --help)
  callbridge sandbox [--port N] [--seed S] [--speed X] [--faults SPEC] [--receipt-url URL] [--print-env]

Exit codes: 0 success, 1 vendor/network/configuration error, 2 invalid input (nothing was sent).
Credentials come from the environment; see the README's configuration reference. With no credentials
at all, commands run against an in-process sandbox (no real calls are placed).`;

async function main(argv: string[]): Promise<number> {
  // Each command loads only what it needs, so start-up stays fast.
  if (argv[0] === 'mcp') return (await import('./server/command.js')).runMcp(argv.slice(1), { env: process.env, openClient: (env) => openClientFromEnv({ env }) });
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      product: { type: 'string' },
      input: { type: 'string' },
      'input-file': { type: 'string' },
      'dry-run': { type: 'boolean' },
      port: { type: 'string' },
      seed: { type: 'string' },
      speed: { type: 'string' },
      faults: { type: 'string' },
      'receipt-url': { type: 'string' },
      'print-env': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (command === 'ops' && sub === 'list') {
    console.log(opsList(values));
    return 0;
  }
  if (command === 'ops' && sub === 'describe' && arg) {
    console.log(opsDescribe(arg));
    return 0;
  }
  if (command === 'invoke' && sub) {
    const input = readInput(values);
    const { client, close } = await openClientFromEnv({ env: process.env });
    try {
      console.log(await invoke(client, sub, input, values['dry-run'] ?? false));
    } catch (error) {
      if (error instanceof CallbridgeError) throw error;
      throw new Error(client.redact(String((error as Error).message ?? error)));
    } finally {
      await close();
    }
    return 0;
  }
  if (command === 'sandbox') {
    const { sandboxCommand, serveUntilSignal } = await import('./commands/sandbox.js');
    const sandbox = await sandboxCommand(values, { env: process.env, out: (line) => console.log(line) });
    if (sandbox) await serveUntilSignal(sandbox);
    return 0;
  }
  console.error(`Unknown command: ${positionals.join(' ')}\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CallbridgeError) {
      console.error(`error: ${withSettingHelp(error, SETTING_HELP)}`);
      const meta = [error.code && `code=${error.code}`, error.requestId && `requestId=${error.requestId}`, error.kind === 'outcome_unknown' && 'outcome=unknown']
        .filter(Boolean)
        .join(' ');
      if (meta) console.error(meta);
      process.exit(error.kind === 'validation' ? 2 : 1);
    }
    console.error(`error: ${(error as Error).message ?? String(error)}`);
    process.exit(error instanceof TypeError && /parseArgs|Unknown option/i.test(String(error)) ? 2 : 1);
  },
);
