/** `cgct serve [--port N] [--host H]`: the GraphQL API, GraphiQL and the web UI on one port. */
// First: sets NODE_ENV before the server's libraries load.
import '../../server/production-mode.ts';
import { startServer } from '../../server/start-server.ts';

export const describe = 'serve the GraphQL API (/graphql) and the web UI (default port 4000, or PORT)';

function readOption(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index >= 0) return args[index + 1];
  return args.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
}

export async function run(args: string[]): Promise<number> {
  const rawPort = readOption(args, '--port') ?? process.env.PORT ?? '4000';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`cgct serve: --port must be a TCP port (0-65535), got "${rawPort}".`);
    return 2;
  }
  const started = await startServer({ port, host: readOption(args, '--host') ?? process.env.HOST });
  console.log(`cgct-graph: ${started.url}  (GraphQL: ${started.url}graphql, Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await started.close();
  return 0;
}
