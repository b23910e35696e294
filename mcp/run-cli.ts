import { errorLines, EXIT, exitCodeFor } from './commands/exit-codes.js';

/** Runs the command line; every failure ends here: one message on stderr and the exit code from the table. */
async function main(argv: string[]): Promise<number> {
  const program = argv[0] === 'mcp' ? undefined : await import('./commands/program.js');
  try {
    // `callbridge mcp` parses its own flags (commander passes them all on): the MCP server starts without
    // building the command line of every other command.
    if (program) await program.buildProgram(process.env).parseAsync(argv, { from: 'user' });
    else await (await import('./commands/mcp.js')).mcpCommand(argv.slice(1), process.env);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    // commander has printed its own message (and "Did you mean"); help and --version end with 0.
    if (program && error instanceof program.CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const { redactSecrets } = await import('./commands/session.js');
    for (const line of errorLines(error, redactSecrets)) process.stderr.write(`${line}\n`);
    return exitCodeFor(error);
  }
}

void main(process.argv.slice(2)).then((code) => process.exit(code));
