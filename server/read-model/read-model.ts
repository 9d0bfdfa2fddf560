/**
 * The hot queries answered from the read model, as the rows graph-repository.ts's Cypher returns
 * them (same fields, same nulls, same order), so that the repository maps both the same way and
 * a test can compare them (tests/server/read-model.test.ts). Each function mirrors one statement
 * of graph-repository.ts, named in its comment; the date rules are those of graph-schema/README.md
 * ("Time"): ISO strings compared as strings, intervals half-open.
 */
import { DEFAULT_SEARCH_FILTERS, isInFilteredPart, type SearchFilters } from '../search-filters.ts';
import type { NumberSearch } from '../types.ts';
import type { ModelNode, ModelRelationship, ReadModelData } from './types.ts';

type Row = Record<string, unknown>;

// periodHolds: "from/to", "to" empty while open.
function periodHolds(period: string, asOf: string): boolean {
  const parts = period.split('/');
  const from = parts[0]!;
  const to = parts[1];
  return from <= asOf && to !== undefined && (to === '' || to > asOf);
}

const hasPeriods = (node: ModelNode) => (node.periods?.length ?? 0) > 0;
const versionHolds = (v: { validFrom: string | null; validTo: string | null }, asOf: string) => v.validFrom !== null && v.validFrom <= asOf && (v.validTo === null || v.validTo > asOf);

/** articleInForce: by its periods, else its versions, else its own dates and status. */
export function isArticleInForce(a: ModelNode, asOf: string): boolean {
  if (hasPeriods(a)) return a.periods!.some((p) => periodHolds(p, asOf));
  if (a.versions.length > 0) return a.versions.some((v) => versionHolds(v, asOf));
  return (a.validFrom === null || a.validFrom <= asOf) && (a.validTo === null || a.validTo > asOf) && (a.validTo !== null || (a.status ?? '') !== 'repealed');
}

/** articleValid: any node but an article out of force. */
const isValid = (n: ModelNode, asOf: string) => !n.isArticle || isArticleInForce(n, asOf);

/** statusAt. */
function statusAt(n: ModelNode, asOf: string): string | null {
  if (!hasPeriods(n)) return n.status;
  if (n.periods!.some((p) => periodHolds(p, asOf))) return 'in-force';
  if (n.periods!.every((p) => p.split('/')[0]! > asOf)) return 'deferred';
  return 'repealed';
}

/** citesValid: a CITES relationship holds at the date; the other types always. */
const isRelationshipValid = (r: ModelRelationship, asOf: string) =>
  r.type !== 'CITES' || ((r.validFrom ?? '') <= asOf && (r.validTo === null || r.validTo > asOf));

/** nodeFields; one object per node and status, handed out again (the repository keeps its conversion with it). */
export function nodeFields(n: ModelNode, asOf: string): Row {
  const status = statusAt(n, asOf);
  let row = n.rows.get(status);
  if (!row) n.rows.set(status, (row = { id: n.id, labels: n.labels, number: n.number, status, part: n.part, title: n.title, textId: n.textId, reason: n.reason, code: n.code, excerpt: n.excerpt160, legifranceId: n.legifranceId }));
  return row;
}

/** summaryFields. */
const summaryFields = (n: ModelNode, asOf: string): Row => ({ id: n.id, number: n.number, status: statusAt(n, asOf), excerpt: n.excerpt240 });

/** repealTitle: the REPEALED_IN amendment of the repeal day. */
const repealTitle = (a: ModelNode) => a.repealedIn.find(([date]) => date !== null && date === a.repealedOn)?.[1] ?? null;

// Cypher's ORDER BY on strings, nulls last.
function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** ORDER BY CASE WHEN n:Article THEN 0 ELSE 1 END, n.sortKey, n.id. */
export function compareCodeOrder(a: ModelNode, b: ModelNode): number {
  return Number(!a.isArticle) - Number(!b.isArticle) || compareNullable(a.sortKey, b.sortKey) || compareNullable(a.id, b.id);
}

/** ARTICLE: the article in force at the date and its version of that date. */
export function readArticle(model: ReadModelData, id: string, asOf: string): Row | undefined {
  const a = model.articles.get(id);
  if (!a || !isArticleInForce(a, asOf)) return undefined;
  let version = null;
  for (const v of a.versions) if (versionHolds(v, asOf) && (version === null || v.validFrom! > version.validFrom!)) version = v;
  let oldestVersionFrom: string | null = null;
  if (a.inForceFrom === null) {
    let oldest: string | null = null;
    for (const v of a.versions) if (oldest === null || (v.validFrom !== null && v.validFrom < oldest)) oldest = v.validFrom;
    oldestVersionFrom = oldest;
  }
  return {
    article: {
      id: a.id, number: a.number, part: a.part, text: a.text, html: a.html, validFrom: a.validFrom, validTo: a.validTo, sources: a.sources,
      sortKey: a.sortKey, contentHash: a.contentHash, status: statusAt(a, asOf), inForceFrom: a.inForceFrom, repealedOn: a.repealedOn,
      periods: a.periods, repealedBy: a.repealedBy ?? repealTitle(a), oldestVersionFrom, snapshotDate: a.snapshotDate, legiarti: a.legiarti,
    },
    version: version && { text: version.text, html: version.html, validFrom: version.validFrom, validTo: version.validTo, contentHash: version.contentHash },
  };
}

/** REFERENCES: the citations the article makes at the date. */
export function readReferences(model: ReadModelData, id: string, asOf: string): Row[] {
  const a = model.articles.get(id);
  if (!a) return [];
  const rows: Row[] = [];
  for (const index of a.outgoing) {
    const r = model.relationships[index]!;
    if (r.type !== 'CITES' || !isRelationshipValid(r, asOf)) continue;
    const t = model.nodes[r.to]!;
    const same = t.isUnresolved && (t.code ?? 'CGCT') === 'CGCT' && t.number !== null ? model.articles.get(t.number) : undefined;
    rows.push({
      target: nodeFields(t, asOf), code: t.code, candidates: t.candidates, sortKey: t.sortKey,
      rel: { via: r.via, sources: r.sources, pinpoints: r.pinpoints, spans: r.spans, hrefDisagrees: r.hrefDisagrees, viaRange: r.viaRange, validFrom: r.validFrom, validTo: r.validTo },
      reason: r.reason ?? t.reason,
      life: t.isUnresolved
        ? { inForceFrom: t.inForceFrom ?? same?.inForceFrom ?? null, repealedOn: t.repealedOn ?? same?.repealedOn ?? null,
            repealedBy: t.repealedBy ?? same?.repealedBy ?? (same ? repealTitle(same) : null), article: same?.id ?? null }
        : null,
    });
  }
  return rows;
}

/** OUTGOING / INCOMING: the linked nodes by type, in code order, 200 at most per type. */
export function readLinkGroups(model: ReadModelData, id: string, direction: 'OUTGOING' | 'INCOMING', types: readonly string[], asOf: string): Row[] {
  const a = model.articles.get(id);
  if (!a) return [];
  const byType = new Map<string, Set<ModelNode>>();
  for (const index of direction === 'OUTGOING' ? a.outgoing : a.incoming) {
    const r = model.relationships[index]!;
    if (!types.includes(r.type) || !isRelationshipValid(r, asOf)) continue;
    const other = model.nodes[direction === 'OUTGOING' ? r.to : r.from]!;
    let others = byType.get(r.type);
    if (!others) byType.set(r.type, (others = new Set()));
    others.add(other);
  }
  return [...byType.keys()].sort().map((type) => {
    const others = [...byType.get(type)!].sort(compareCodeOrder);
    return { type, count: others.length, nodes: others.slice(0, 200).map((n) => nodeFields(n, asOf)) };
  });
}

/** VERSIONS: every version, newest first, with its amending texts and the texts that enacted it. */
export function readVersions(model: ReadModelData, id: string, asOf: string): Row[] {
  const a = model.articles.get(id);
  if (!a) return [];
  // ORDER BY v.validFrom DESC: nulls first.
  const versions = [...a.versions].sort((x, y) => -compareNullable(x.validFrom, y.validFrom));
  return versions.map((v) => ({
    version: { validFrom: v.validFrom, validTo: v.validTo, text: v.text, html: v.html, status: v.status, source: v.source },
    amendments: v.amendments,
    enactedBy: v.enactedBy.map((e) => ({ text: nodeFields(model.nodes[e.text]!, asOf), heading: e.heading, article: e.article, status: e.status, source: e.source })),
  }));
}

/** RENUMBERING: the numbers the article had before and the ones it went to (statuses as of the date). */
export function readRenumbering(model: ReadModelData, id: string, asOf: string): Row | undefined {
  const a = model.articles.get(id);
  if (!a) return undefined;
  const list = (renumberings: ModelNode['renumberedFrom']) => renumberings.map((r) => ({ article: summaryFields(r.article, asOf), date: r.date, evidence: r.evidence }));
  return { formerNumbers: list(a.renumberedFrom), renumberedAs: list(a.renumberedTo) };
}

/** PREVIOUS_NEXT: the nearest articles in force at the date before and after `key` in code order, within the family's bounds. */
export function readPreviousNext(model: ReadModelData, key: string, familyStart: string, familyEnd: string, asOf: string): Row {
  const sorted = model.articlesBySortKey;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.sortKey! < key) low = middle + 1;
    else high = middle;
  }
  let previous: ModelNode | null = null;
  for (let i = low - 1; i >= 0 && sorted[i]!.sortKey! > familyStart; i--) {
    if (isArticleInForce(sorted[i]!, asOf)) {
      previous = sorted[i]!;
      break;
    }
  }
  let next: ModelNode | null = null;
  for (let i = low; i < sorted.length && sorted[i]!.sortKey! < familyEnd; i++) {
    if (sorted[i]!.sortKey! > key && isArticleInForce(sorted[i]!, asOf)) {
      next = sorted[i]!;
      break;
    }
  }
  return { previous: previous && summaryFields(previous, asOf), next: next && summaryFields(next, asOf) };
}

/** SEARCH_NUMBER: the keys asked for first, in their order, then the CGCT's, then each code's in its order; the filters as its own. */
export function readSearchByNumber(model: ReadModelData, search: NumberSearch, skip: number, limit: number, asOf: string, filters: SearchFilters = DEFAULT_SEARCH_FILTERS): Row {
  const found = new Set<ModelNode>();
  const collect = (sorted: ModelNode[], start: number, holds: (n: ModelNode) => boolean, keep: (n: ModelNode) => boolean = () => true) => {
    for (let i = start; i < sorted.length && holds(sorted[i]!); i++) if (keep(sorted[i]!) && isInFilteredPart(sorted[i]!.id, sorted[i]!.part, filters)) found.add(sorted[i]!);
  };
  for (const prefix of search.prefixes) collect(model.articlesById, lowerBound(model.articlesById, prefix, (n) => n.id), (n) => n.id.startsWith(prefix));
  // The same number in the other codes: their keys are "<code>:<number>".
  for (const number of search.numbers) {
    for (const code of model.otherCodes) collect(model.articlesById, lowerBound(model.articlesById, `${code}:${number}`, (n) => n.id), (n) => n.id.startsWith(`${code}:${number}`));
  }
  const range = search.range;
  if (range) collect(model.articlesBySortKey, lowerBound(model.articlesBySortKey, range.from, (n) => n.sortKey!), (n) => n.sortKey! <= range.to, (n) => (n.code ?? 'CGCT') === range.code);
  const rankOf = (n: ModelNode) => {
    const rank = search.keys.indexOf(n.id);
    return rank < 0 ? search.keys.length : rank;
  };
  // An article the query names exactly is kept whatever its status (search-filters.ts).
  const named = (n: ModelNode) => rankOf(n) < search.keys.length;
  const outOfForce = new Set([...found].filter((n) => !isArticleInForce(n, asOf) && !named(n)));
  const hits = filters.inForceOnly ? [...found].filter((n) => !outOfForce.has(n)) : [...found];
  const isOther = (n: ModelNode) => Number(n.code !== null);
  hits.sort((a, b) => rankOf(a) - rankOf(b) || isOther(a) - isOther(b) || compareNullable(a.sortKey, b.sortKey) || compareNullable(a.id, b.id));
  return {
    total: hits.length,
    notInForce: outOfForce.size,
    page: hits.slice(skip, skip + limit).map((x) => ({ article: summaryFields(x, asOf), text: x.text, score: named(x) ? 2.0 : 1.0 })),
  };
}

function lowerBound(sorted: ModelNode[], value: string, keyOf: (n: ModelNode) => string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyOf(sorted[middle]!) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * SEARCH_WORDS, given the full-text index's hits (id and score, best first, as Neo4j's Lucene
 * ranks them): those of the code and part asked, in force at the date unless `inForceOnly` is
 * off, projected. Undefined when a hit is not in the model.
 */
export function readSearchByWords(model: ReadModelData, found: Array<[string, number]>, code: string | null, skip: number, limit: number, asOf: string, filters: SearchFilters = DEFAULT_SEARCH_FILTERS): Row | undefined {
  const hits: Array<{ node: ModelNode; score: number }> = [];
  let notInForce = 0;
  for (const [id, score] of found) {
    const node = model.articles.get(id);
    if (!node) return undefined;
    if ((code !== null && (node.code ?? 'CGCT') !== code) || !isInFilteredPart(node.id, node.part, filters)) continue;
    const inForce = isArticleInForce(node, asOf);
    if (!inForce) notInForce++;
    if (inForce || !filters.inForceOnly) hits.push({ node, score });
  }
  // ORDER BY node.code IS NOT NULL, score DESC: the CGCT's first (a stable sort keeps Lucene's order within each).
  hits.sort((a, b) => Number(a.node.code !== null) - Number(b.node.code !== null) || b.score - a.score);
  return { total: hits.length, notInForce, page: hits.slice(skip, skip + limit).map((x) => ({ article: summaryFields(x.node, asOf), text: x.node.text, score: x.score })) };
}

/** The neighbourhood walk of getNeighborhood (NEIGHBOUR_STEPS then EDGES_AMONG), breadth first. */
export function readNeighborhood(model: ReadModelData, id: string, depth: number, direction: 'OUTGOING' | 'INCOMING' | 'BOTH', types: readonly string[], limit: number, asOf: string): Row | undefined {
  const center = model.articles.get(id);
  if (!center || !isArticleInForce(center, asOf)) return undefined;
  const typeSet = new Set(types);
  const kept: ModelNode[] = [center];
  const seen = new Set<ModelNode>([center]);
  let frontier: ModelNode[] = [center];
  let truncated = false;
  const follow = (f: ModelNode, indexes: number[], outward: boolean, found: Set<ModelNode>) => {
    for (const index of indexes) {
      const r = model.relationships[index]!;
      if (!typeSet.has(r.type) || !isRelationshipValid(r, asOf)) continue;
      const n = model.nodes[outward ? r.to : r.from]!;
      if (!seen.has(n) && isValid(n, asOf)) found.add(n);
    }
  };
  for (let hop = 0; hop < depth; hop++) {
    const room = limit - kept.length;
    const found = new Set<ModelNode>();
    for (const f of frontier) {
      if (f.isLegalText) continue;
      if (direction !== 'INCOMING') follow(f, f.outgoing, true, found);
      if (direction !== 'OUTGOING') follow(f, f.incoming, false, found);
    }
    const ordered = [...found].sort(compareCodeOrder).slice(0, room + 1);
    if (ordered.length > room) truncated = true;
    frontier = ordered.slice(0, room);
    for (const n of frontier) {
      kept.push(n);
      seen.add(n);
    }
    if (truncated || frontier.length === 0) break;
  }
  const edges: unknown[][] = [];
  for (const a of kept) {
    for (const index of a.outgoing) {
      const r = model.relationships[index]!;
      if (typeSet.has(r.type) && seen.has(model.nodes[r.to]!) && isRelationshipValid(r, asOf)) edges.push((r.row ??= [a.id, model.nodes[r.to]!.id, r.type, r.via, r.pinpoints]));
    }
  }
  return { truncated, nodes: kept.map((n) => nodeFields(n, asOf)), edges };
}
