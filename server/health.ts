/**
 * `/health`: the process answers (for a supervisor deciding to restart it).
 * `/ready`: Neo4j answers a read too (for a load balancer deciding to send traffic); 503 otherwise,
 * at once while the database monitor knows Neo4j is away, else within one probe (1 s at most).
 */
import express, { type Router } from 'express';
import type { DatabaseMonitor } from './database-monitor.ts';
import { RETRY_AFTER_SECONDS } from './errors.ts';

/** The two probes. */
export function createHealthRouter(monitor: DatabaseMonitor): Router {
  const router = express.Router();
  router.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  router.get('/ready', async (_request, response) => {
    if (await monitor.check()) {
      response.json({ status: 'ready', neo4j: 'ok' });
      return;
    }
    response.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS)).json({ status: 'unavailable', neo4j: 'unreachable', message: 'The graph database (Neo4j) cannot be reached.' });
  });
  return router;
}
