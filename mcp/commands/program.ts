// The command line, built with commander: every command, its flags, help with examples, "did you
// mean" for commands and flags, and flags of other commands refused. Each command's module is
// loaded only when it runs, so start-up stays fast.
import { Argument, Command, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { PRODUCTS, type Product } from '../../core/operation.js';
import { CALL_PROVIDERS, PROVIDER_NAMES, TASK_PROVIDERS, type ProviderName } from '../../core/providers/types.js';
import type { Env } from '../env-config.js';
import type { CallOptions } from './call.js';
import type { ResultOptions } from './result.js';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import { httpUrl, integerIn, keyValue, positiveNumber, seed } from './option-values.js';

/** For the entry (mcp/run-cli.ts): commander's own errors (it has printed them) end with a usage exit code. */
export { CommanderError } from 'commander';

const ENVIRONMENT_HELP = `Credentials come from the environment (README: configuration reference). With none at all,
commands use the sandbox started by \`callbridge sandbox\` (at CALLBRIDGE_SANDBOX_URL, default
http://127.0.0.1:8790), or else an in-process sandbox whose state ends with the command.
No real calls are placed on a sandbox.`;

const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;

const jsonOption = () => new Option('--json', 'print JSON (the default when the output is not a terminal)');
const dryRunOption = (what = 'show the signed requests instead of sending them (secrets redacted); reads are still sent') => new Option('--dry-run', what);
const timeoutOption = () => new Option('--timeout <seconds>', 'how long --wait waits').argParser(integerIn(1, 3600)).default(120);

function opsCommand(): Command {
  const ops = new Command('ops').description('list and describe the catalog operations');
  ops
    .command('list')
    .description('every operation, with its access level (read, write, call = billed)')
    .addOption(new Option('--product <product>', 'only this product').choices(PRODUCTS))
    .addOption(jsonOption())
    .addHelpText('after', examples('callbridge ops list', 'callbridge ops list --product volcengine', 'callbridge ops list --json | jq -r ".[].id"'))
    .action(async (options: { product?: Product; json?: boolean }) => (await import('./ops.js')).opsList(options));
  ops
    .command('describe')
    .description('an operation in full: description, input and output JSON Schema, examples')
    .argument('<operation-id>', 'e.g. dyvms.SingleCallByTts (any letter case; the product prefix may be left out)')
    .addHelpText('after', examples('callbridge ops describe dyvms.SingleCallByTts', 'callbridge ops describe singlecallbytts'))
    .action(async (id: string) => (await import('./ops.js')).opsDescribe(id));
  return ops;
}

function invokeCommand(env: Env): Command {
  return new Command('invoke')
    .description('run any catalog operation with its native input (see: callbridge ops describe <id>)')
    .argument('<operation-id>', 'e.g. dyvms.SingleCallByTts (any letter case; the product prefix may be left out)')
    .addOption(new Option('--input <json>', 'the input as JSON text').conflicts('inputFile'))
    .addOption(new Option('--input-file <path>', 'read the JSON input from a file; "-" reads standard input'))
    .addOption(dryRunOption('show the signed request instead of sending it (secrets redacted)'))
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples(
        `callbridge invoke dyvms.SingleCallByTts --input '{"CalledNumber":"13800000000","TtsCode":"TTS_100001","TtsParam":{"code":"1234"}}'`,
        'callbridge invoke volcengine.NumberPoolList --input-file query.json',
        `echo '{"TaskOpenId":"123"}' | callbridge invoke volcengine.PauseTask --input-file -`,
        `callbridge invoke dyvms.SingleCallByTts --dry-run --input '{"CalledNumber":"13800000000","TtsCode":"TTS_1"}'`,
      ) + '\nPer-request limits are checked before sending; to add any number of callees use `callbridge task add`.\n',
    )
    .action(async (id: string, options: { input?: string; inputFile?: string; dryRun?: boolean; json?: boolean }) => (await import('./invoke.js')).invokeCommand(id, options, env));
}

function callCommand(env: Env): Command {
  return new Command('call')
    .description('place one call and, with --wait, follow it to its final result')
    .addArgument(new Argument('<provider>', 'where to place it').choices(CALL_PROVIDERS))
    .argument('<number>', 'the number to call')
    .option('--tts <template>', 'play this approved TTS template (dyvms: TTS_..., volcengine: its resource ID)')
    .option('--params <key=value...>', 'template variables, e.g. --params code=1234 name=Wang', keyValue)
    .option('--voice-file <id>', 'play this uploaded voice file instead')
    .option('--prompt <file>', 'pbx: play this prompt file')
    .option('--caller-id <number>', 'dyvms: your purchased number; volcengine: a number pool NP...; pbx: the extension')
    .option('--out-id <id>', 'your reference, echoed in receipts')
    .option('--wait', 'follow the call until its result is final, with progress on stderr')
    .addOption(timeoutOption())
    .addOption(dryRunOption())
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples(
        'callbridge call dyvms 13800000000 --tts TTS_100001 --params code=1234 --wait',
        'callbridge call volcengine 13800000000 --tts sandbox-tts-001 --caller-id NP162212345678900001',
        'callbridge call pbx 13800000000 --prompt welcome --caller-id 1000 --wait --timeout 300',
      ),
    )
    .action(async (provider: (typeof CALL_PROVIDERS)[number], number: string, options: CallOptions) => (await import('./call.js')).callCommand(provider, number, options, env));
}

function resultCommand(env: Env): Command {
  return new Command('result')
    .description('the result of one call: status, times, talk time, hang-up side, keys pressed')
    .addArgument(new Argument('<provider>', 'where the call was placed').choices(PROVIDER_NAMES))
    .argument('<call-id>', 'the call ID printed by `callbridge call` (outboundbot: a job ID)')
    .option('--date <yyyy-MM-dd>', 'dyvms: the day of the call, when it was not today (Beijing time)')
    .option('--wait', 'wait until the result is final, with progress on stderr')
    .addOption(timeoutOption())
    .addOption(jsonOption())
    .addHelpText('after', examples(`callbridge result dyvms '116012354148^102813780001'`, `callbridge result dyvms '116012354148^102813780001' --date 2026-05-18 --json`, 'callbridge result volcengine 7ef2c... --wait'))
    .action(async (provider: ProviderName, callId: string, options: ResultOptions) => (await import('./result.js')).resultCommand(provider, callId, options, env));
}

function taskCommand(env: Env): Command {
  const task = new Command('task').description('robot call tasks (campaigns)');
  task
    .command('add')
    .description('add any number of callees from a CSV file: sent in chunks of the per-request limit, paced to the vendor rate')
    .addArgument(new Argument('<provider>', 'the task\'s back end').choices(TASK_PROVIDERS))
    .argument('<task>', 'the task ID (outboundbot: <instance>:<job group> or set CALLBRIDGE_OUTBOUNDBOT_INSTANCE_ID)')
    .requiredOption('--file <callees.csv>', 'CSV with a header row: "number", optional "ref" and "name", other columns are script variables; "-" reads standard input')
    .addOption(dryRunOption())
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples('callbridge task add dyvms 10450000 --file callees.csv', 'callbridge task add volcengine 5678 --file callees.csv --json > report.json') +
        '\ncallees.csv:\n  number,name,code\n  13800000000,Wang,1234\n  13800000001,Li,5678\n\n' +
        'outboundbot and volcengine (when the task runs) dial added callees right away: real, billed calls.\n' +
        'Exit 0 when every chunk was sent (rejected numbers are listed with their reasons), 1 when some were not sent.\n',
    )
    .action(async (provider: ProviderName, taskId: string, options: { file: string; dryRun?: boolean; json?: boolean }) => {
      const outcome = await (await import('./task-add.js')).taskAddCommand(provider, taskId, options, env);
      if (outcome.incomplete) {
        process.stderr.write(`error: ${outcome.incomplete}\n`);
        process.exitCode = EXIT.vendorOrNetwork;
      }
    });
  task
    .command('calls')
    .description('every call of a task with its result, read page by page')
    .addArgument(new Argument('<provider>', 'the task\'s back end').choices(['dyvms', 'outboundbot']))
    .argument('<task>', 'the task ID')
    .addOption(jsonOption())
    .addHelpText('after', examples('callbridge task calls dyvms 10450000', 'callbridge task calls outboundbot <instance>:<job group> --json > calls.json'))
    .action(async (provider: ProviderName, taskId: string, options: { json?: boolean }) => (await import('./task-calls.js')).taskCallsCommand(provider, taskId, options, env));
  return task;
}

function sandboxCommand(env: Env): Command {
  return new Command('sandbox')
    .description('serve the vendor simulator on 127.0.0.1 until Ctrl-C; other commands use it while it runs')
    .addOption(new Option('--port <port>', 'port (0: any free port)').argParser(integerIn(0, 65535)).default(8790))
    .addOption(new Option('--seed <seed>', 'seed of every random draw (same seed, same calls)').argParser(seed).default(1))
    .addOption(new Option('--speed <factor>', 'sandbox time runs this many times faster (60: a one-minute call takes a second)').argParser(positiveNumber).default(1))
    .option('--faults <spec>', 'inject faults, e.g. "dyvms.SingleCallByTts:reset-after-processing=0.2" (docs/sandbox.md)')
    .addOption(new Option('--receipt-url <url>', 'push Alibaba call receipts to this URL').argParser(httpUrl))
    .option('--print-env', 'print the KEY=value lines that point other programs at the sandbox, and exit')
    .addHelpText('after', examples('callbridge sandbox --speed 60', 'callbridge sandbox --port 0 --faults "*:latency=200"', 'export $(callbridge sandbox --print-env | xargs)'))
    .action(async (options: { port: number; seed: string | number; speed: number; faults?: string; receiptUrl?: string; printEnv?: boolean }) => {
      const { sandboxCommand: run, serveUntilSignal } = await import('./sandbox.js');
      const sandbox = await run(options, { env, out: (line) => process.stdout.write(`${line}\n`), note: (line) => process.stderr.write(`${line}\n`) });
      if (sandbox) await serveUntilSignal(sandbox);
    });
}

function mcpCommand(env: Env): Command {
  // The MCP server parses its own flags (shared with its config file and environment): all are passed on.
  return new Command('mcp')
    .description('the MCP server for AI agents, over stdio or --http (callbridge mcp --help)')
    .usage('[options]')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText(
      'after',
      '\nEvery flag, with its environment variable and config-file key: callbridge mcp --help (and docs/mcp.md).\n' +
        examples('callbridge mcp', 'callbridge mcp --http --port 3030', 'callbridge mcp --allow-calls --calling-hours 09:00-20:00 --max-calls-per-day 200'),
    )
    .action(async (_options: unknown, command: Command) => (await import('./mcp.js')).mcpCommand(command.args, env));
}

/** Commands (by full name) that have each long flag. */
function flagOwners(program: Command): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  const walk = (command: Command, path: string) => {
    for (const option of command.options) if (option.long) owners.set(option.long, [...(owners.get(option.long) ?? []), path]);
    for (const sub of command.commands) walk(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  walk(program, '');
  return owners;
}

/** An unknown flag that belongs to another command: say which, instead of leaving the user guessing. */
function withOwnerOfFlag(text: string, program: Command): string {
  const flag = /unknown option '(--[^'=]+)'/.exec(text)?.[1];
  if (!flag || text.includes('Did you mean')) return text;
  const owners = (flagOwners(program).get(flag) ?? []).filter(Boolean);
  return owners.length ? `${text.trimEnd()}\n(${flag} is a flag of: ${owners.map((o) => `callbridge ${o}`).join(', ')})\n` : text;
}

export function buildProgram(env: Env): Command {
  const program = new Command('callbridge')
    .description('Phone calls and robot call campaigns on Alibaba Cloud, Volcengine and Yeastar-style PBXs')
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help (callbridge help <command> for a command)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n\n${ENVIRONMENT_HELP}\n` + examples(
      'callbridge sandbox --speed 60            # terminal 1: a sandbox that lasts',
      'callbridge call dyvms 13800000000 --tts TTS_100001 --params code=1234 --wait',
      'callbridge task add dyvms 10450000 --file callees.csv',
      'callbridge help call',
    ));
  for (const command of [opsCommand(), invokeCommand(env), callCommand(env), resultCommand(env), taskCommand(env), sandboxCommand(env), mcpCommand(env)]) {
    program.addCommand(command);
  }
  // Commands added with addCommand() do not inherit these settings: set them on each.
  const output = { outputError: (text: string, write: (text: string) => void) => write(withOwnerOfFlag(text, program)) };
  const configure = (command: Command) => {
    command.exitOverride().showSuggestionAfterError(true).configureOutput(output);
    command.commands.forEach(configure);
  };
  configure(program);
  return program;
}
