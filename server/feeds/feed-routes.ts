/**
 * Change alerts as Atom feeds (issue 14), for a feed reader to follow:
 *   /changements.atom: the code's latest amendments, with the articles each created, modified and
 *     repealed;
 *   /articles/<id>/changements.atom (and /codes/<code>/articles/<id>/changements.atom): what
 *     changed in the article and in what it depends on (Query.dependencyChanges), the last ten years.
 * The feeds read the graph as the GraphQL API does (the repository), on the server's today.
 */
import { Router, type Request, type Response } from 'express';
import { parseArticleKey } from '../article-key.ts';
import type { DatabaseMonitor } from '../database-monitor.ts';
import type { DependencyChangeKind, DependencyChangeRecord } from '../dependency-changes.ts';
import { refuseUnavailable } from '../errors.ts';
import type { GraphRepository } from '../graph-repository.ts';
import type { ChangeRecord } from '../types.ts';
import { today } from '../../graph-schema/today.ts';
import { CGCT_CODE, splitArticleKey } from '../../ingest/codes/code-registry.ts';
import { writeArticleSegment } from '../../web/src/route.ts';
import { escapeXml, renderAtomFeed, type AtomEntry } from './atom.ts';

/** Entries per feed: what a reader keeps; older ones are on the web pages. */
export const FEED_ENTRIES = 50;
/** How far back an article's feed looks, and how many citations away. */
const ARTICLE_FEED_YEARS = 10;
const ARTICLE_FEED_DEPTH = 3;
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

const frenchDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
const yearsBefore = (day: string, years: number) => `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;

/** The web page of an article key ("L1115-1", "code-de-lurbanisme:L300-5"), as the web UI writes it ("R2131-1 A" → /articles/R2131-1-A). */
export function articlePagePath(key: string): string {
  const { code, number } = splitArticleKey(key);
  return code === CGCT_CODE ? `/articles/${encodeURIComponent(writeArticleSegment(number))}` : `/codes/${encodeURIComponent(code)}/articles/${encodeURIComponent(number)}`;
}

/** The scheme and host the request came to: feeds carry absolute links. */
const baseOf = (request: Request) => `${request.protocol}://${request.get('host') ?? 'localhost'}`;

function articleLinks(base: string, ids: string[]): string {
  return ids.map((id) => `<a href="${escapeXml(base + articlePagePath(id))}">${escapeXml(splitArticleKey(id).number)}</a>`).join(', ');
}

/** An amendment as an entry: its title, and its change set as links. */
function amendmentEntry(base: string, change: ChangeRecord): AtomEntry {
  const date = change.date ?? '0001-01-01';
  const groups: Array<[string, string[]]> = [['Articles créés', change.added], ['Articles modifiés', change.modified], ['Articles abrogés', change.repealed]];
  const present = groups.filter(([, ids]) => ids.length > 0);
  return {
    id: `urn:cgct-graph:amendement:${change.id}`,
    title: change.title,
    updated: date,
    link: `${base}/modifications?du=${date}&au=${date}`,
    summary: present.length > 0 ? present.map(([label, ids]) => `${label} : ${ids.length}`).join(' ; ') : 'Aucun article changé.',
    contentHtml: present.length > 0
      ? present.map(([label, ids]) => `<p>${label} (${ids.length}) : ${articleLinks(base, ids)}</p>`).join('')
      : '<p>Aucun article créé, modifié ou abrogé.</p>',
  };
}

const KIND_WORDS: Record<DependencyChangeKind, string> = { ENTERED_INTO_FORCE: 'entré en vigueur', AMENDED: 'modifié', REPEALED: 'abrogé' };

/** Where a change stands from the article followed: itself, or a dependency at some distance. */
function relationOf(change: DependencyChangeRecord, followed: string): string {
  if (change.distance === 0) return `l’article ${splitArticleKey(followed).number} lui-même`;
  const via = splitArticleKey(change.via!).number;
  return change.distance === 1 ? `cité directement par ${via}` : `cité par ${via}, à ${change.distance} renvois de ${splitArticleKey(followed).number}`;
}

function dependencyEntry(base: string, followed: string, change: DependencyChangeRecord): AtomEntry {
  const number = splitArticleKey(change.articleId).number;
  const titles = change.amendments.map((amendment) => amendment.title);
  const by = titles.length > 0 ? ` par ${titles.join(' ; ')}` : '';
  return {
    id: `urn:cgct-graph:changement:${change.articleId}:${change.kind}:${change.date}`,
    title: `Article ${number} ${KIND_WORDS[change.kind]} le ${frenchDate(change.date)}`,
    updated: change.date,
    link: base + articlePagePath(change.articleId),
    summary: `Article ${number} ${KIND_WORDS[change.kind]}${by} (${relationOf(change, followed)}).`,
    contentHtml: `<p>Article ${articleLinks(base, [change.articleId])} ${KIND_WORDS[change.kind]} le ${frenchDate(change.date)}${escapeXml(by)}.</p>` +
      `<p>${escapeXml(relationOf(change, followed))}.</p>`,
  };
}

function sendFeed(response: Response, xml: string): void {
  response.status(200).type(ATOM_TYPE).set('Cache-Control', 'no-cache').send(xml);
}

function sendNotFound(response: Response, message: string): void {
  response.status(404).type('text/plain; charset=utf-8').send(`${message}\n`);
}

/** The routes of the feeds, before the web UI's (which would answer its page for /articles/…). */
export function createFeedRouter(repository: GraphRepository, monitor: DatabaseMonitor): Router {
  const router = Router();
  // While Neo4j is away, a 503 at once (a reader retries later), as the API answers.
  router.use(['/changements.atom', '/articles/:id/changements.atom', '/codes/:code/articles/:id/changements.atom'], (_request, response, next) => {
    if (monitor.isAvailable()) next();
    else refuseUnavailable(response);
  });

  router.get('/changements.atom', async (request, response, next) => {
    try {
      const day = today();
      const all = await repository.getChanges('0001-01-01', day, 0, 1);
      const { changes } = await repository.getChanges('0001-01-01', day, Math.max(0, all.total - FEED_ENTRIES), FEED_ENTRIES);
      const base = baseOf(request);
      sendFeed(response, renderAtomFeed({
        id: 'urn:cgct-graph:changements',
        title: 'Modifications du code général des collectivités territoriales',
        subtitle: `Les ${FEED_ENTRIES} derniers textes modificatifs entrés en vigueur au ${frenchDate(day)}, avec les articles créés, modifiés et abrogés.`,
        self: `${base}/changements.atom`,
        alternate: `${base}/modifications`,
        updatedWhenEmpty: day,
        // Latest first; the texts of one day in the order the changes page lists them.
        entries: changes.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id)).map((change) => amendmentEntry(base, change)),
      }));
    } catch (error) {
      next(error);
    }
  });

  const articleFeed = async (request: Request, response: Response, next: (error: unknown) => void) => {
    try {
      const { id: raw, code } = request.params as { id: string; code?: string };
      const parsed = parseArticleKey(raw, code ?? null);
      if (!('key' in parsed)) return sendNotFound(response, parsed.problem === 'unknown-code' ? `Code inconnu : ${code}` : `Numéro d’article illisible : ${raw}`);
      const summaries = await repository.getArticleSummaries([parsed.key]);
      if (!summaries.has(parsed.key)) return sendNotFound(response, `Article inexistant : ${raw}`);
      const day = today();
      const since = yearsBefore(day, ARTICLE_FEED_YEARS);
      const found = await repository.getDependencyChanges({ id: parsed.key, since, until: day, maxDepth: ARTICLE_FEED_DEPTH });
      const base = baseOf(request);
      const number = splitArticleKey(parsed.key).number;
      const untracked = found.untrackedCount > 0 ? ` ${found.untrackedCount} d’entre eux, d’autres codes, n’ont pas d’historique ici.` : '';
      sendFeed(response, renderAtomFeed({
        id: `urn:cgct-graph:changements:${parsed.key}`,
        title: `Article ${number} : ce qui a changé dans ce dont il dépend`,
        subtitle: `Les modifications de l’article ${number} et des ${found.dependencyCount} articles qu’il cite (jusqu’à ${ARTICLE_FEED_DEPTH} renvois), du ${frenchDate(since)} au ${frenchDate(day)}.${untracked}`,
        self: base + request.originalUrl.split('?')[0],
        alternate: base + articlePagePath(parsed.key),
        updatedWhenEmpty: day,
        entries: found.changes.slice(0, FEED_ENTRIES).map((change) => dependencyEntry(base, parsed.key, change)),
      }));
    } catch (error) {
      next(error);
    }
  };
  router.get('/articles/:id/changements.atom', articleFeed);
  router.get('/codes/:code/articles/:id/changements.atom', articleFeed);
  return router;
}
