/**
 * Hands /graphql to yoga and sends its answer, unless Neo4j goes away first: a request in flight
 * when the database monitor finds Neo4j unreachable (a stop, a restart, a network cut) is told 503
 * at that moment instead of waiting for the driver's timeouts (a request caught by a graceful
 * stop of Neo4j waited 6 s before; during a restart, 14–17 s for a QUERY_TIMEOUT).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { DatabaseMonitor } from './database-monitor.ts';
import { refuseUnavailable } from './errors.ts';

/** What is used of yoga: its Node adapter's handler returning a Fetch Response. */
export interface GraphQLHandler {
  handleNodeRequestAndResponse: (request: IncomingMessage, response: ServerResponse, context: Record<string, unknown>) => Response | Promise<Response>;
}

/** The last handler of /graphql. */
export function serveGraphQL(yoga: GraphQLHandler, monitor: DatabaseMonitor): RequestHandler {
  return async (request, response, next) => {
    let unsubscribe: () => void = () => undefined;
    const away = new Promise<'away'>((resolve) => {
      unsubscribe = monitor.onUnavailable(() => resolve('away'));
    });
    try {
      // The server context yoga's own Node listener gives: the request and response as `req`, `res`.
      const answering = Promise.resolve(yoga.handleNodeRequestAndResponse(request, response, { req: request, res: response }));
      // Still settled if Neo4j's absence answered first; its outcome no longer matters.
      answering.catch(() => undefined);
      const answer = await Promise.race([answering, away]);
      if (answer === 'away') return refuseUnavailable(response);
      response.status(answer.status);
      answer.headers.forEach((value, name) => response.append(name, value));
      response.end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      next(error);
    } finally {
      unsubscribe();
    }
  };
}
