/**
 * Turns one source's parsed and resolved articles into graph rows (pure: no I/O).
 * Articles, their sections, the texts they name, every resolved, external or unresolved
 * reference and every "Liens relatifs" entry become nodes and relationships with evidence.
 */
import { externalArticleKey } from '../codes/text-target.ts';
import { articleSortKeyString, tocPositionOf } from '../article-id.ts';
import { canonicalizeToc } from '../parsing/canonical-toc.ts';
import { edgeKeyOf, nodeKeyOf } from './graph-records.ts';
import type { EdgeRow, Evidence, GraphRecords, NodeLabel, NodeRow, RelationshipType } from './graph-records.ts';
import { normalizeArticleId } from '../article-id.ts';
import { THIS_CODE, textKindOf } from '../references/text-name.ts';
import { buildAccentDictionary, restoreAccents, type AccentDictionary } from '../parsing/restore-accents.ts';
import type { Article, FreeTextDocument, RelatedLink, RelatedLinkType, ResolvedReference } from '../types.ts';

/** One source's snapshot, ready to become rows. */
export interface SourceSnapshot {
  /** Corpus label ("legifrance-md", "lexlib", …). */
  source: string;
  /** Date the snapshot is valid from (YYYY-MM-DD). */
  date: string;
  articles: Article[];
  documents: FreeTextDocument[];
  references: ResolvedReference[];
  /** Spellings for section titles; learnt from the articles when absent (a replay learns them once). */
  accents?: AccentDictionary;
  /** The CGCT numbers a "Liens relatifs" entry may point to as articles (default: the articles of this snapshot); the history build passes those in force on the snapshot's date in any source. */
  knownArticleIds?: ReadonlySet<string>;
}

const METADATA_TYPES: Record<Exclude<RelatedLinkType, 'cites' | 'cited-by'>, RelationshipType> = {
  'created-by': 'CREATED_BY',
  'modified-by': 'MODIFIED_BY',
  'repealed-by': 'REPEALED_BY',
  'codified-by': 'CODIFIED_BY',
  'transferred-by': 'TRANSFERRED_BY',
  'former-texts': 'FORMER_TEXT',
  'new-texts': 'NEW_TEXT',
  other: 'RELATED_TO',
};

// Unresolved targets known only from "Liens relatifs" (no suggestions computed for them there):
// the first row of a node wins, except that one of these gives way to the text's resolution of
// the same number, which has the likely articles ("Vouliez-vous dire").
const GUESSED_FROM_METADATA = new WeakSet<NodeRow>();

/** Collects rows; a relationship seen several times gets one row whose evidence merges them all. */
class RecordCollector {
  readonly nodes = new Map<string, NodeRow>();
  readonly edges = new Map<string, EdgeRow>();

  addNode(label: NodeLabel, id: string, props: NodeRow['props'] = {}): void {
    this.addNodeRow({ label, id, props });
  }

  addNodeRow(row: NodeRow): void {
    const key = nodeKeyOf(row.label, row.id);
    const existing = this.nodes.get(key);
    if (!existing || (GUESSED_FROM_METADATA.has(existing) && !GUESSED_FROM_METADATA.has(row))) this.nodes.set(key, row);
    // A text named first without a link ("Liens relatifs", or the body's bare words) takes the
    // Légifrance id a later link gives; of two ids, the first one read stays (articles go in id order).
    else if (row.label === 'LegalText' && existing.props.legifranceId === undefined && row.props.legifranceId !== undefined) {
      this.nodes.set(key, { ...existing, props: { ...existing.props, legifranceId: row.props.legifranceId } });
    }
  }

  addEdge(edge: Omit<EdgeRow, 'evidence'>, evidence: Partial<Evidence>): void {
    this.addEdgeRow({ ...edge, evidence: { via: [], pinpoints: [], spans: [], count: 0, ...evidence } });
  }

  /** Adds a row as it is, or, when the relationship is there already, a merged copy (rows may be shared through a memo). */
  addEdgeRow(row: EdgeRow): void {
    const key = edgeKeyOf(row);
    const existing = this.edges.get(key);
    if (!existing) {
      this.edges.set(key, row);
      return;
    }
    // Every article of a chapter repeats the chapter's place in its parent: once is enough.
    if (row.type === 'CONTAINS') return;
    const merged: Evidence = { ...existing.evidence, via: [...existing.evidence.via], pinpoints: [...existing.evidence.pinpoints], spans: [...existing.evidence.spans] };
    mergeEvidenceInto(merged, row.evidence);
    this.edges.set(key, { ...existing, evidence: merged });
  }
}

/** Adds what another occurrence of the same relationship says. */
export function mergeEvidenceInto(target: Evidence, extra: Evidence): void {
  target.via = [...new Set([...target.via, ...extra.via])].sort();
  target.pinpoints = [...new Set([...target.pinpoints, ...extra.pinpoints])];
  target.spans.push(...extra.spans);
  target.count += extra.count;
  target.hrefDisagrees ??= extra.hrefDisagrees;
  if (extra.viaRange === false || target.viaRange === undefined) target.viaRange = extra.viaRange ?? target.viaRange;
  target.status ??= extra.status;
  target.heading ??= extra.heading;
}

/** The rows one article gives, kept from one amendment to the next while nothing they depend on changed. */
interface ArticleRows {
  references: ResolvedReference[];
  /** The CGCT ids its "Liens relatifs" looked up, and whether each existed. */
  lookups: Map<string, boolean>;
  accents: AccentDictionary;
  nodes: NodeRow[];
  edges: EdgeRow[];
}

/** Per-article rows of earlier calls, so that a replay rebuilds only the articles an amendment touched. */
export type RecordsMemo = WeakMap<Article, ArticleRows>;

/** Builds the rows of one source snapshot (articles in id order, so the result does not depend on the order files were read). */
export function toGraphRecords(snapshot: SourceSnapshot, memo?: RecordsMemo): GraphRecords {
  const collector = new RecordCollector();
  const articles = [...snapshot.articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const articleIds: ReadonlySet<string> = snapshot.knownArticleIds ?? new Set(articles.map((article) => article.id));
  const referencesByFrom = groupReferences(snapshot.references);
  collector.addNode('Code', THIS_CODE, { title: 'Code général des collectivités territoriales' });
  const accents = snapshot.accents ?? buildAccentDictionary(articles.map((article) => article.text));
  for (const article of articles) {
    const references = referencesByFrom.get(article.id) ?? [];
    let rows = memo?.get(article);
    if (!rows || rows.accents !== accents || !sameItems(rows.references, references) || [...rows.lookups].some(([id, existed]) => articleIds.has(id) !== existed)) {
      rows = collectArticleRows(article, references, articleIds, accents);
      memo?.set(article, rows);
    }
    for (const node of rows.nodes) collector.addNodeRow(node);
    for (const edge of rows.edges) collector.addEdgeRow(edge);
  }
  for (const document of snapshot.documents) {
    collector.addNode('Document', document.id, { title: document.title, sourceFile: document.sourceFile, contentHash: document.contentHash });
    for (const reference of referencesByFrom.get(document.id) ?? []) addReference(collector, reference);
  }
  return { source: snapshot.source, date: snapshot.date, nodes: [...collector.nodes.values()], edges: [...collector.edges.values()] };
}

function collectArticleRows(article: Article, references: ResolvedReference[], articleIds: ReadonlySet<string>, accents: AccentDictionary): ArticleRows {
  const own = new RecordCollector();
  addArticle(own, article, accents);
  for (const reference of references) addReference(own, reference);
  const lookups = new Map<string, boolean>();
  const recordingIds = { has: (id: string) => {
    const existed = articleIds.has(id);
    lookups.set(id, existed);
    return existed;
  } };
  for (const link of article.relatedLinks) addRelatedLink(own, article.id, link, recordingIds);
  return { references, lookups, accents, nodes: [...own.nodes.values()], edges: [...own.edges.values()] };
}

function groupReferences(references: ResolvedReference[]): Map<string, ResolvedReference[]> {
  const byFrom = new Map<string, ResolvedReference[]>();
  for (const reference of references) {
    const list = byFrom.get(reference.from);
    if (list) list.push(reference);
    else byFrom.set(reference.from, [reference]);
  }
  return byFrom;
}

function sameItems<T>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function addArticle(collector: RecordCollector, article: Article, accents: AccentDictionary): void {
  const sortKey = articleSortKeyString(article.id);
  collector.addNode('Article', article.id, {
    number: article.number,
    part: article.part,
    status: article.status,
    text: article.text,
    html: article.html,
    searchText: foldAccents(article.text),
    sortKey,
    legiarti: article.legiarti ?? null,
    sourceFile: article.sourceFile,
    contentHash: article.contentHash,
  });
  // Repealed articles keep their node but have no place in the table of contents of today.
  if (article.status === 'repealed') return;
  // etalab prints its section titles (README.md); legifrance-md's are rebuilt from folder slugs.
  const sections = canonicalizeToc(article.id, article.toc, article.sourceFormat === 'etalab-md');
  let parent: { label: NodeLabel; id: string } = { label: 'Code', id: THIS_CODE };
  for (const section of sections) {
    const title = section.titleRank === 2 ? restoreAccents(section.title, accents) : section.title;
    collector.addNode('Section', section.id, { kind: section.kind, title, titleRank: section.titleRank, depth: section.depth, sortKey });
    collector.addEdge({ type: 'CONTAINS', fromLabel: parent.label, from: parent.id, toLabel: 'Section', to: section.id, key: '' }, { via: ['toc'], count: 1 });
    parent = { label: 'Section', id: section.id };
  }
  collector.addEdge({ type: 'CONTAINS', fromLabel: parent.label, from: parent.id, toLabel: 'Article', to: article.id, key: '' }, { via: ['toc'], count: 1 });
}

/** The rows a list of resolved references gives on their own: the relationships and the target nodes (the history build dates them). */
export function collectReferenceRows(references: ResolvedReference[]): { nodes: NodeRow[]; edges: EdgeRow[] } {
  const collector = new RecordCollector();
  for (const reference of references) addReference(collector, reference);
  return { nodes: [...collector.nodes.values()], edges: [...collector.edges.values()] };
}

function addReference(collector: RecordCollector, reference: ResolvedReference): void {
  const fromLabel: NodeLabel = reference.from.startsWith('doc:') ? 'Document' : 'Article';
  const type: RelationshipType = fromLabel === 'Document' ? 'MENTIONS' : 'CITES';
  const evidence: Partial<Evidence> = {
    via: reference.via === 'text+link' ? ['link', 'text'] : [reference.via],
    pinpoints: reference.pinpoint ? [reference.pinpoint] : [],
    spans: [reference.start, reference.end],
    count: 1,
    viaRange: reference.kind === 'range',
    ...(reference.hrefDisagrees ? { hrefDisagrees: reference.hrefDisagrees } : {}),
  };
  for (const target of resolveTargetNodes(collector, reference)) {
    collector.addEdge({ type, fromLabel, from: reference.from, toLabel: target.label, to: target.id, key: '' }, evidence);
  }
}

/** The nodes a resolved reference points to, created as needed (texts, external articles, unresolved targets). */
function resolveTargetNodes(collector: RecordCollector, reference: ResolvedReference): Array<{ label: NodeLabel; id: string }> {
  if (reference.resolution === 'resolved') return reference.targets.map((id) => ({ label: 'Article' as const, id }));
  if (reference.resolution === 'external') return [addTextTarget(collector, reference.code, reference.code, reference.target, reference.textLegifranceId)];
  const number = reference.target ?? '';
  const id = `unresolved:${reference.code}|${number}`;
  collector.addNode('UnresolvedTarget', id, { code: reference.code, number, reason: reference.reason ?? 'never-existed', candidates: reference.candidates ?? [] });
  return [{ label: 'UnresolvedTarget', id }];
}

/**
 * A text (and its article, when one is named) as a node: `:LegalText`, or `:ExternalArticle` PART_OF
 * it. `legifranceId` is the text's JORFTEXT / LEGITEXT id when a link gave it (see the web's
 * Légifrance link, server/legal-text-url.ts); absent, not null, so that a source without links
 * does not erase what another source's links gave.
 */
function addTextTarget(collector: RecordCollector, textId: string, title: string, article: string | undefined, legifranceId?: string): { label: NodeLabel; id: string } {
  collector.addNode('LegalText', textId, { kind: textKindOf(textId), title, ...(legifranceId ? { legifranceId } : {}) });
  if (!article) return { label: 'LegalText', id: textId };
  const { id, number, code } = externalArticleKey(textId, article);
  collector.addNode('ExternalArticle', id, { textId, number, ...(code ? { code } : {}) });
  collector.addEdge({ type: 'PART_OF', fromLabel: 'ExternalArticle', from: id, toLabel: 'LegalText', to: textId, key: '' }, { count: 1 });
  return { label: 'ExternalArticle', id };
}

function addRelatedLink(collector: RecordCollector, articleId: string, link: RelatedLink, articleIds: Pick<Set<string>, 'has'>): void {
  const base = { via: ['metadata'], count: 1, ...(link.status ? { status: link.status } : {}), heading: link.heading };
  if (link.type === 'cites' || link.type === 'cited-by') {
    const other = metadataEndpoint(collector, link, articleIds);
    const edge = link.type === 'cites'
      ? { type: 'CITES' as const, fromLabel: 'Article' as const, from: articleId, toLabel: other.label, to: other.id, key: '' }
      : { type: 'CITES' as const, fromLabel: other.label, from: other.id, toLabel: 'Article' as const, to: articleId, key: '' };
    collector.addEdge(edge, base);
    return;
  }
  collector.addNode('LegalText', link.textId, { kind: textKindOf(link.textId), title: link.textTitle });
  const article = link.article ?? '';
  collector.addEdge(
    { type: METADATA_TYPES[link.type], fromLabel: 'Article', from: articleId, toLabel: 'LegalText', to: link.textId, key: article },
    { ...base, ...(article ? { article } : {}) },
  );
}

/** The other end of a Cite / Cité par entry: a CGCT article, another text's article, or a text. */
function metadataEndpoint(collector: RecordCollector, link: RelatedLink, articleIds: Pick<Set<string>, 'has'>): { label: NodeLabel; id: string } {
  if (link.textId === THIS_CODE && link.article) {
    const id = normalizeArticleId(link.article) ?? link.article;
    if (articleIds.has(id)) return { label: 'Article', id };
    const unresolvedId = `unresolved:${THIS_CODE}|${id}`;
    // Every article read is in articleIds, repealed ones included: an absent number never existed,
    // unless it cannot be a CGCT number at all (the reasons of resolve-references.ts).
    const position = tocPositionOf(id);
    const reason = position && position.partie >= 1 && position.partie <= 7 ? 'never-existed' : 'not-in-code';
    const row: NodeRow = { label: 'UnresolvedTarget', id: unresolvedId, props: { code: THIS_CODE, number: id, reason, candidates: [] } };
    GUESSED_FROM_METADATA.add(row);
    collector.addNodeRow(row);
    return { label: 'UnresolvedTarget', id: unresolvedId };
  }
  return addTextTarget(collector, link.textId, link.textTitle, link.article);
}

/** "délibération" → "deliberation": a copy of the text that full-text search can match without accents. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
