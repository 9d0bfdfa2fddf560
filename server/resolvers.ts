/**
 * Resolvers of graph-schema/schema.graphql: check arguments, call the repository, shape nothing
 * more than the SDL needs. The Cypher lives in graph-repository.ts.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { parseArticleKey } from './article-key.ts';
import { CGCT_CODE, CODES, codeById, codesNamed, splitArticleKey } from '../ingest/codes/code-registry.ts';
import { createBatchLoader, type BatchLoader } from './batch-loader.ts';
import { encodeCursor, offsetAfter } from './cursor.ts';
import { DateScalar } from './date-scalar.ts';
import type { DependencyChangeRecord } from './dependency-changes.ts';
import { badUserInput, notFound } from './errors.ts';
import { toExcerpt } from './excerpt.ts';
import type { GraphRepository } from './graph-repository.ts';
import { highlight } from './highlight.ts';
import { pageImpact } from './impact.ts';
import { ARGUMENT_LIMITS as L, checkRange } from './limits.ts';
import type { SearchFilters } from './search-filters.ts';
import { parseSearch } from './search-query.ts';
import { suggesterOf } from './search-suggestions.ts';
import { today } from '../graph-schema/today.ts';
import { LINK_TYPES, type ArticleLifeRecord, type ArticleRecord, type ArticleSummary, type ChangeRecord, type DependantRecord, type DirectionName, type LinkTypeName, type NumberSearch, type ReferenceRecord, type SearchHit, type SectionRecord } from './types.ts';

/** What every resolver receives; one per request. */
export interface ServerContext {
  repository: GraphRepository;
  /** Batch loaders of the table of contents (one query per level of a nested query). */
  childSections: BatchLoader<string, SectionRecord[]>;
  sectionArticles: BatchLoader<string, ArticleSummary[]>;
  /** Article summaries by id, for the change sets of `changes` (one query for a whole page). */
  articleSummaries: BatchLoader<string, ArticleSummary | null>;
  /** Every section's article count in a code at a date (null: today), read once per request. */
  sectionArticleCounts: (code: string, asOf: string | null) => Promise<Map<string, number>>;
}

/** The context of one request. */
export function createServerContext(repository: GraphRepository): ServerContext {
  return {
    repository,
    childSections: createBatchLoader((ids) => repository.getChildSections(ids), []),
    sectionArticles: createBatchLoader((ids) => repository.getSectionArticles(ids), []),
    articleSummaries: createBatchLoader<string, ArticleSummary | null>((ids) => repository.getArticleSummaries(ids), null),
    sectionArticleCounts: memoizeSectionCounts(repository),
  };
}

// The table of contents asks every section's count: one statement for the whole code, not one per section.
function memoizeSectionCounts(repository: GraphRepository): ServerContext['sectionArticleCounts'] {
  const counts = new Map<string, Promise<Map<string, number>>>();
  return (code, asOf) => {
    const key = `${code}|${asOf ?? ''}`;
    let pending = counts.get(key);
    if (!pending) counts.set(key, (pending = repository.getSectionArticleCounts(code, asOf)));
    return pending;
  };
}

/** The id of the code a `code` argument names (folder, name or abbreviation); the CGCT when none. */
function codeArg(raw: unknown): string {
  if (raw === undefined || raw === null || String(raw).trim() === '') return CGCT_CODE;
  const named = codesNamed(String(raw));
  if (named.length === 0) throw badUserInput(`"code" names no code: "${String(raw)}" (see Query.codes).`, 'code');
  return named[0]!.id;
}

// "LEGIARTI000006389099", as Légifrance writes it; lower case accepted.
const LEGIARTI = /^LEGIARTI\d{12}$/;

type Args = Record<string, unknown>;
type Resolver<P = unknown> = (parent: P, args: Args, context: ServerContext, info: GraphQLResolveInfo) => unknown;
/** An article as resolved: the record and the date it was read at, for its fields. */
type ArticleParent = ArticleRecord & { asOf: string | null };
/** An article's life (ArticleLife), or an article (whose life fields are the same). */
type LifeParent = ArticleLifeRecord;

// The window of full-text hits counted: "totalCount may be approximate above 1000" (SDL).
const COUNT_WINDOW = 1000;

/** The graph key of the article an argument names, or undefined when it names none; an unknown code is the caller's error. */
function articleKeyArg(raw: unknown, code: unknown, codeArgument = 'code'): string | undefined {
  const parsed = parseArticleKey(String(raw), code === undefined || code === null ? null : String(code));
  if ('key' in parsed) return parsed.key;
  if (parsed.problem === 'unknown-code') {
    throw badUserInput(`"${codeArgument}" names no code: "${String(code)}" (expected a code's folder such as "code-de-lurbanisme", its name, or an abbreviation such as "CGI"; see Query.codes).`, codeArgument);
  }
  return undefined;
}

function requireArticleId(raw: unknown, argumentName: string, code?: unknown, codeArgument = 'code'): string {
  const id = articleKeyArg(raw, code, codeArgument);
  if (!id) throw badUserInput(`"${argumentName}" is not an article number: "${String(raw)}" (expected e.g. "L1115-1", "L. 1115-1", "LO 1112-1", or "L. 300-5 du code de l'urbanisme").`, argumentName);
  return id;
}

const asOfOf = (args: Args) => (args.asOf as string | null | undefined) ?? null;
const previousNextCache = new WeakMap<object, Promise<Awaited<ReturnType<GraphRepository['getPreviousNext']>>>>();

function previousNext(parent: ArticleParent, repository: GraphRepository) {
  if (!previousNextCache.has(parent)) previousNextCache.set(parent, repository.getPreviousNext(parent.sortKey, parent.asOf));
  return previousNextCache.get(parent)!;
}

// formerNumbers and renumberedAs come from one statement.
const renumberingCache = new WeakMap<object, ReturnType<GraphRepository['getRenumbering']>>();

function renumbering(parent: LifeParent, repository: GraphRepository) {
  if (!renumberingCache.has(parent)) renumberingCache.set(parent, repository.getRenumbering(parent.id));
  return renumberingCache.get(parent)!;
}

// The fields an Article and an ArticleLife share, read whatever the date.
const lifeResolvers: Record<string, Resolver<LifeParent>> = {
  versions: (article, _, { repository }) => repository.getVersions(article.id),
  formerNumbers: async (article, _, { repository }) => (await renumbering(article, repository)).formerNumbers,
  renumberedAs: async (article, _, { repository }) => (await renumbering(article, repository)).renumberedAs,
};

// "L1115-1>L2131-1" → {from, to}; a string without ">" is kept whole as `from` rather than lost.
function toCitationChange(pair: string): { from: string; to: string } {
  const at = pair.indexOf('>');
  return at < 0 ? { from: pair, to: '' } : { from: pair.slice(0, at), to: pair.slice(at + 1) };
}

function changedArticles(ids: string[], { articleSummaries }: ServerContext) {
  return ids.map((id) => ({ id, article: articleSummaries(id) }));
}

/**
 * "Vouliez-vous dire": a number that names no article (no key found, none as a prefix either:
 * "L. 2131" lists L2131-1…) gets the closest existing ones, as summaries.
 */
async function suggestionsFor(request: NumberSearch, hits: SearchHit[], repository: GraphRepository): Promise<ArticleSummary[]> {
  if (hits.some((hit) => request.keys.some((key) => hit.article.id.startsWith(key)))) return [];
  const keys = await suggesterOf(repository).suggest(request.keys);
  const summaries = await repository.getArticleSummaries(keys);
  return keys.flatMap((key) => summaries.get(key) ?? []);
}

/** The filters of `search`, checked: inForceOnly (default true), part, partie (1 to 7). */
function searchFiltersOf(args: Args): SearchFilters {
  const partie = args.partie === undefined || args.partie === null ? null : checkRange(Number(args.partie), L.searchPartie, 'partie');
  return { inForceOnly: args.inForceOnly !== false, part: (args.part as SearchFilters['part'] | undefined) ?? null, partie };
}

const Query: Record<string, Resolver> = {
  async article(_, args, { repository }) {
    const id = articleKeyArg(args.id, args.code);
    if (!id) return null;
    const article = await repository.getArticle(id, asOfOf(args));
    return article ? { ...article, asOf: asOfOf(args) } : null;
  },

  async search(_, args, { repository }) {
    const query = String(args.query);
    checkRange(query.trim().length, L.searchQueryLength, 'query length');
    const first = checkRange(Number(args.first), L.searchFirst, 'first');
    const offset = checkRange(offsetAfter('search', args.after as string | null), L.searchOffset, 'after');
    const code = args.code === undefined || args.code === null || String(args.code).trim() === '' ? null : String(args.code);
    if (code && codesNamed(code).length === 0) throw badUserInput(`"code" names no code: "${code}" (see Query.codes).`, 'code');
    const codeId = code ? codesNamed(code)[0]!.id : null;
    const filters = searchFiltersOf(args);
    const request = parseSearch(query, codeId);
    if (request.kind === 'empty') return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0, totalCountIsExact: true, notInForceCount: 0, suggestions: [] };
    const page =
      request.kind === 'number'
        ? await repository.searchNumbers(request, offset, first + 1, asOfOf(args), filters)
        : await repository.searchByWords(request.lucene, codeId, offset, first + 1, Math.max(COUNT_WINDOW + 1, offset + first + 1), asOfOf(args), filters);
    const hits = page.hits.slice(0, first);
    const edges = hits.map((hit, i) => ({
      cursor: encodeCursor('search', offset + i),
      node: hit.article,
      score: hit.score,
      exact: request.kind === 'number' && request.keys.includes(hit.article.id),
      highlights: request.kind === 'words' ? highlight(hit.text, request.terms) : [],
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hits.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.total,
      // The full-text count stops at its window: past it, "more than 1,000", never "1001".
      totalCountIsExact: request.kind === 'number' || page.total <= COUNT_WINDOW,
      notInForceCount: page.notInForce,
      // A number the part filters hide is no typo: no "did you mean" then.
      suggestions: request.kind === 'number' && offset === 0 && filters.part === null && filters.partie === null ? suggestionsFor(request, page.hits, repository) : [],
    };
  },

  section: (_, args, { repository }) => repository.getSection(String(args.id)),
  tableOfContents: (_, args, { repository }) => repository.getTableOfContents(codeArg(args.code)),

  articleByLegiarti(_, args, { repository }) {
    const id = String(args.id).trim().toUpperCase();
    if (!LEGIARTI.test(id)) throw badUserInput(`"id" is no Légifrance article id: "${String(args.id)}" (expected "LEGIARTI" and 12 digits, as "LEGIARTI000006389099").`, 'id');
    return repository.getArticleByLegiarti(id);
  },

  async neighborhood(_, args, { repository }) {
    const id = requireArticleId(args.id, 'id', args.code);
    const depth = checkRange(Number(args.depth), L.neighborhoodDepth, 'depth');
    const limit = checkRange(Number(args.limit), L.neighborhoodLimit, 'limit');
    const types = (args.types as LinkTypeName[] | null | undefined) ?? [...LINK_TYPES];
    const result = await repository.getNeighborhood(id, depth, args.direction as DirectionName, types, limit, asOfOf(args));
    if (!result) throw notFound(`No article ${id}.`);
    return result;
  },

  async path(_, args, { repository }) {
    const from = requireArticleId(args.from, 'from', args.fromCode, 'fromCode');
    const to = requireArticleId(args.to, 'to', args.toCode, 'toCode');
    const maxLength = checkRange(Number(args.maxLength), L.pathMaxLength, 'maxLength');
    const { missing, path } = await repository.getPath(from, to, maxLength, args.directed !== false, asOfOf(args));
    // `missing` names them for a client that says « article inexistant » rather than « aucun chemin ».
    if (missing.length > 0) throw notFound(`No article ${missing.join(', ')}.`, { missing });
    return path;
  },

  async impact(_, args, { repository }) {
    const id = requireArticleId(args.id, 'id', args.code);
    const maxDepth = checkRange(Number(args.maxDepth), L.impactMaxDepth, 'maxDepth');
    const first = checkRange(Number(args.first), L.impactFirst, 'first');
    const offset = offsetAfter('impact', args.after as string | null);
    const walk = await repository.getImpact(id, maxDepth, asOfOf(args));
    if (!walk) throw notFound(`No article ${id}.`);
    return pageImpact(id, walk, { offset, first });
  },

  async unresolvedReferences(_, args, { repository }) {
    const first = checkRange(Number(args.first), L.unresolvedFirst, 'first');
    const offset = offsetAfter('unresolved', args.after as string | null);
    const { total, targets } = await repository.getUnresolved(offset, first);
    const edges = targets.map((target, i) => ({ ...target, cursor: encodeCursor('unresolved', offset + i) }));
    return { edges, totalCount: total, pageInfo: { hasNextPage: offset + edges.length < total, endCursor: edges.at(-1)?.cursor ?? null } };
  },

  stats: (_, __, { repository }) => repository.getStats(),

  today: () => today(),

  codes: async (_, __, { repository }) => {
    const loaded = await repository.getLoadedCodes();
    return CODES.filter((code) => loaded.has(code.id)).map((code) => ({ ...toCodeInfo(code), ...loaded.get(code.id)! }));
  },

  async articleLife(_, args, { repository }) {
    const id = articleKeyArg(args.id, args.code);
    return id ? repository.getArticleLife(id) : null;
  },

  async changes(_, args, { repository }) {
    const since = String(args.since);
    const until = (args.until as string | null | undefined) ?? today();
    if (until < since) throw badUserInput(`"until" (${until}) is before "since" (${since}).`, 'until');
    const first = checkRange(Number(args.first), L.changesFirst, 'first');
    const offset = offsetAfter('changes', args.after as string | null);
    const section = args.section === undefined || args.section === null ? null : String(args.section);
    const page = section === null ? await repository.getChanges(since, until, offset, first) : await repository.getChangesInSection(section, since, until, offset, first);
    if (!page) throw notFound(`No section ${section}.`);
    const { total, changes } = page;
    const edges = changes.map((node, i) => ({ node, cursor: encodeCursor('changes', offset + i) }));
    return { edges, totalCount: total, pageInfo: { hasNextPage: offset + edges.length < total, endCursor: edges.at(-1)?.cursor ?? null } };
  },

  async dependencyChanges(_, args, context) {
    const id = requireArticleId(args.id, 'id', args.code);
    const since = String(args.since);
    const until = (args.until as string | null | undefined) ?? today();
    if (until < since) throw badUserInput(`"until" (${until}) is before "since" (${since}).`, 'until');
    const maxDepth = checkRange(Number(args.maxDepth), L.dependencyChangesMaxDepth, 'maxDepth');
    const first = checkRange(Number(args.first), L.dependencyChangesFirst, 'first');
    const article = await context.articleSummaries(id);
    if (!article) throw notFound(`No article ${id}.`);
    const found = await context.repository.getDependencyChanges({ id, since, until, maxDepth });
    return { ...found, article, since, until, totalCount: found.changes.length, changes: found.changes.slice(0, first) };
  },
};

const DependencyChange: Record<string, Resolver<DependencyChangeRecord>> = {
  // The dependency as of today, whatever became of it: a repealed one is shown as such.
  article: async (change, _, { articleSummaries }) => (await articleSummaries(change.articleId)) ?? { id: change.articleId, number: change.articleId, status: 'REPEALED', excerpt: '' },
  via: (change, _, { articleSummaries }) => (change.via ? articleSummaries(change.via) : null),
};

const Article: Record<string, Resolver<ArticleParent>> = {
  excerpt: (article) => toExcerpt(article.text),
  breadcrumb: (article, _, { repository }) => repository.getBreadcrumb('Article', article.id),
  previous: async (article, _, { repository }) => (await previousNext(article, repository)).previous,
  next: async (article, _, { repository }) => (await previousNext(article, repository)).next,
  references: async (article, _, { repository }) => {
    const references = await repository.getReferences(article.id, article.asOf);
    if (article.spansApply) return references;
    // Another text than the current one is shown: a citation read in it (its interval within the
    // version's, as the history build cuts them) keeps its offsets; the others point elsewhere.
    const readInShown = (r: ReferenceRecord) =>
      r.validFrom !== null && article.validFrom !== null && r.validFrom >= article.validFrom && (article.validTo === null || (r.validTo !== null && r.validTo <= article.validTo));
    return references.map((reference) => (readInShown(reference) ? reference : { ...reference, spans: [] }));
  },
  outgoing: (article, _, { repository }) => repository.getLinkGroups(article.id, 'OUTGOING', article.asOf),
  incoming: (article, _, { repository }) => repository.getLinkGroups(article.id, 'INCOMING', article.asOf),
  relatedLinks: (article, _, { repository }) => repository.getRelatedLinks(article.id, article.asOf),
  code: (article) => codeOf(article.id),
  ...lifeResolvers,
};

const ArticleLife: Record<string, Resolver<LifeParent>> = { ...lifeResolvers, code: (article) => codeOf(article.id) };

/** The code of an article key, as the SDL's Code. */
function codeOf(id: string) {
  return toCodeInfo(codeById(splitArticleKey(id).code)!);
}

function toCodeInfo(code: (typeof CODES)[number]) {
  return {
    id: code.id,
    folder: code.folder,
    title: code.title,
    abbreviations: code.abbreviations,
    legitext: code.legitext ?? null,
    legifranceUrl: code.legitext ? `https://www.legifrance.gouv.fr/codes/texte_lc/${code.legitext}` : null,
  };
}

const Change: Record<string, Resolver<ChangeRecord>> = {
  articlesAdded: (change, _, context) => changedArticles(change.added, context),
  articlesModified: (change, _, context) => changedArticles(change.modified, context),
  articlesRepealed: (change, _, context) => changedArticles(change.repealed, context),
  citationsGained: (change) => change.citationsGained.map(toCitationChange),
  citationsLost: (change) => change.citationsLost.map(toCitationChange),
};

// Counts and dependants name their code by id; the SDL's Code is built here, as for Article.code.
const ImpactCodeCount: Record<string, Resolver<{ codeId: string }>> = { code: (group) => toCodeInfo(codeById(group.codeId)!) };
const Dependant: Record<string, Resolver<DependantRecord>> = { code: (dependant) => codeOf(dependant.article.id) };

const Section: Record<string, Resolver<SectionRecord>> = {
  sections: (section, _, { childSections }) => childSections(section.id),
  articles: (section, _, { sectionArticles }) => sectionArticles(section.id),
  breadcrumb: (section, _, { repository }) => repository.getBreadcrumb('Section', section.id),
  articleCount: async (section, args, { sectionArticleCounts }) => (await sectionArticleCounts(section.code ?? CGCT_CODE, asOfOf(args))).get(section.id) ?? 0,
};

const Stats: Record<string, Resolver> = {
  mostCited: (_, args, { repository }) => repository.getMostCited(checkRange(Number(args.first), L.mostCitedFirst, 'first')),
};

/** The resolver map for createSchema. */
export const resolvers = { Date: DateScalar, Query, Article, ArticleLife, Change, DependencyChange, Section, Stats, Dependant, ImpactCodeCount, ImpactSectionCount: ImpactCodeCount };
