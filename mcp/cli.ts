import { CommanderError } from 'commander';
import { buildProgram } from './commands/program.js';
import { errorLines, EXIT, exitCodeFor } from './commands/exit-codes.js';

/** Runs the command line; every failure ends here: one message on stderr and the exit code from the table. */
async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram(process.env).parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    // commander has printed its own message (and "Did you mean"); help and --version end with 0.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const { redactSecrets } = await import('./commands/session.js');
    for (const line of errorLines(error, redactSecrets)) process.stderr.write(`${line}\n`);
    return exitCodeFor(error);
  }
}

void main(process.argv.slice(2)).then((code) => process.exit(code));
