/**
 * The whole citation graph as a download (issue 14), what `cgct export` writes, for a tool or a
 * spreadsheet that should not page through GraphQL:
 *   /export/graphe-des-citations.graphml|csv|json?date=YYYY-MM-DD&code=CODE
 * The date defaults to today, the code to every code loaded (a folder, name or abbreviation
 * otherwise). Reading the whole graph costs seconds and tens of megabytes: one export is made at a
 * time (others wait for it), and the last few are kept while the graph's revision stands.
 */
import { Router, type Response } from 'express';
import type { Driver } from 'neo4j-driver';
import type { DatabaseMonitor } from '../database-monitor.ts';
import { refuseUnavailable } from '../errors.ts';
import { isCalendarDate, today } from '../../graph-schema/today.ts';
import { codesNamed } from '../../ingest/codes/code-registry.ts';
import { readCitationGraph } from './read-citation-graph.ts';
import { formatCitationGraph, type ExportFormat } from './write-graph-formats.ts';

const CONTENT_TYPES: Record<string, string> = {
  graphml: 'application/graphml+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};
/** Exports kept: the formats of one date, or today's of a few codes. */
const KEPT = 4;

function refuse(response: Response, message: string): void {
  response.status(400).type('text/plain; charset=utf-8').send(`${message}\n`);
}

/** The download route; `readRevision` tells when the graph changed (kept exports are then dropped). */
export function createExportRouter(driver: Driver, monitor: DatabaseMonitor, readRevision: () => Promise<string>): Router {
  const router = Router();
  const kept = new Map<string, Promise<string>>();
  let keptRevision = '';
  // One export at a time: the next waits for the one running (a queue of promises).
  let running: Promise<unknown> = Promise.resolve();

  router.get('/export/graphe-des-citations.:format', async (request, response, next) => {
    const format = request.params.format;
    if (!(format in CONTENT_TYPES)) return refuse(response, `Format inconnu : ${format} (graphml, csv ou json).`);
    const date = typeof request.query.date === 'string' && request.query.date !== '' ? request.query.date : today();
    if (!isCalendarDate(date)) return refuse(response, `Date illisible : ${date} (AAAA-MM-JJ).`);
    const codeName = typeof request.query.code === 'string' && request.query.code !== '' ? request.query.code : null;
    const code = codeName === null ? null : (codesNamed(codeName)[0]?.id ?? null);
    if (codeName !== null && code === null) return refuse(response, `Code inconnu : ${codeName}.`);
    if (!monitor.isAvailable()) return refuseUnavailable(response);
    try {
      const revision = await readRevision();
      if (revision !== keptRevision) {
        kept.clear();
        keptRevision = revision;
      }
      const key = `${format}|${date}|${code ?? '*'}`;
      let text = kept.get(key);
      if (!text) {
        text = running.then(async () => formatCitationGraph(await readCitationGraph(driver, date, code), format as ExportFormat));
        running = text.catch(() => undefined);
        kept.set(key, text);
        text.catch(() => kept.delete(key));
        while (kept.size > KEPT) kept.delete(kept.keys().next().value!);
      }
      const body = await text;
      const name = `graphe-des-citations-${code ?? 'tous-les-codes'}-${date}.${format}`;
      response.status(200).type(CONTENT_TYPES[format]!).set('Content-Disposition', `attachment; filename="${name}"`).send(body);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
