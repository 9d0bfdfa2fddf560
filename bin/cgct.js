#!/usr/bin/env node
// Entry point of the `cgct` command: registers tsx so the TypeScript sources run as they are
// (no build step between editing and running), then hands over to the command dispatcher.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
