/**
 * `/health`: the process answers (for a supervisor deciding to restart it).
 * `/ready`: Neo4j answers a read too (for a load balancer deciding to send traffic); 503 otherwise.
 */
import express, { type Router } from 'express';
import type { GraphRepository } from './graph-repository.ts';
import { RETRY_AFTER_SECONDS } from './errors.ts';

/** How long /ready waits for Neo4j before saying it is not ready. */
const READY_TIMEOUT_MS = 3000;

/** The two probes. */
export function createHealthRouter(repository: GraphRepository): Router {
  const router = express.Router();
  router.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  router.get('/ready', async (_request, response) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    });
    try {
      await Promise.race([repository.ping(), timeout]);
      response.json({ status: 'ready', neo4j: 'ok' });
    } catch {
      response.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS)).json({ status: 'unavailable', neo4j: 'unreachable', message: 'The graph database (Neo4j) cannot be reached.' });
    } finally {
      clearTimeout(timer);
    }
  });
  return router;
}
