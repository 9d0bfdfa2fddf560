/**
 * The `cgct` command: each subcommand is one file in cli/commands/ (`db.ts` serves `cgct db …`)
 * exporting `describe` (one line for the help) and `run(args)` resolving to the exit code.
 * Discovering them from the folder lets each command be added without touching this file.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** What a file of cli/commands/ exports. */
export interface CommandModule {
  /** One line for `cgct --help`. */
  describe: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run: (args: string[]) => Promise<number>;
}

const COMMANDS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'commands');

function listCommandNames(): string[] {
  return readdirSync(COMMANDS_DIR)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

async function loadCommand(name: string): Promise<CommandModule> {
  return (await import(path.join(COMMANDS_DIR, `${name}.ts`))) as CommandModule;
}

async function printUsage(): Promise<void> {
  console.error('Usage: cgct <command> [options]\n\nCommands:');
  for (const name of listCommandNames()) console.error(`  ${name.padEnd(10)} ${(await loadCommand(name)).describe}`);
}

/** Runs the command line; returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === 'help') {
    await printUsage();
    return 0;
  }
  if (!listCommandNames().includes(name)) {
    console.error(`cgct: unknown command "${name}"`);
    await printUsage();
    return 2;
  }
  return (await loadCommand(name)).run(args);
}
