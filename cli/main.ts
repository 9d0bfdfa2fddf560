/**
 * The `cgct` command: dispatches a subcommand to its module. Each subcommand lives in its own
 * file under cli/ and exports `run(args): Promise<number>` (the exit code).
 */
type Command = { describe: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> };

const COMMANDS: Record<string, Command> = {};

/** Registers a subcommand; called by the lines below, one per command. */
function addCommand(name: string, command: Command): void {
  COMMANDS[name] = command;
}

// Subcommands are added here as the issues land (db, query, extract, ingest, replay, serve, start, bench).

/** Runs the command line; returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    if (name && name !== '--help' && name !== 'help') console.error(`cgct: unknown command "${name}"`);
    console.error('Usage: cgct <command> [options]\n\nCommands:');
    for (const [commandName, { describe }] of Object.entries(COMMANDS)) console.error(`  ${commandName.padEnd(10)} ${describe}`);
    return name && name !== '--help' && name !== 'help' ? 2 : 0;
  }
  const module = await command.load();
  return module.run(args);
}

export { addCommand };
