/** Runs the server: `tsx server/main.ts` (PORT, default 4000); stops cleanly on Ctrl-C. */
// First: sets NODE_ENV before the server's libraries load.
import './production-mode.ts';
import { startServer } from './start-server.ts';

const started = await startServer({ port: Number(process.env.PORT) || 4000, host: process.env.HOST });
console.log(`cgct-graph: ${started.url} (GraphQL: ${started.url}graphql)`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void started.close().then(() => process.exit(0)));
}
