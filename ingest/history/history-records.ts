/**
 * Turns the merged history into the rows of the whole graph (pure). Two layers:
 * - today's graph, made by the same stages as `cgct ingest` of each corpus's snapshot of today
 *   (to-graph-records → plan-graph-changes), so that the nodes and relationships carry the
 *   `recordHash` and per-source `evidence` a later `cgct ingest` or `cgct replay` plans against;
 *   the text citations come from the resolution over time instead of a one-snapshot resolution;
 * - the history: every version, every amendment with its change set, repeals, renumberings and
 *   every citation interval (graph-schema/README.md, "Time").
 */
import { articleSortKeyString } from '../article-id.ts';
import { edgeKeyOf, nodeKeyOf } from '../graph/graph-records.ts';
import type { Evidence, NodeLabel } from '../graph/graph-records.ts';
import { applyPlanToState, contentHashOf, edgePropsOf, planGraphChanges, type GraphState } from '../graph/plan-graph-changes.ts';
import { toGraphRecords } from '../graph/to-graph-records.ts';
import { buildAccentDictionary } from '../parsing/restore-accents.ts';
import { textKindOf, THIS_CODE } from '../references/text-name.ts';
import type { Article, FreeTextDocument, ResolvedReference } from '../types.ts';
import type { Renumbering } from './build-timelines.ts';
import { currentFactsOf, periodHolds, versionOn, type ArticleLife, type MergedHistory } from './merge-timelines.ts';
import type { HistoryCommit } from './read-history.ts';
import { reasonAt, type DatedCitations, type TimeLookup } from './resolve-over-time.ts';

/** A node to create. */
export interface HistoryNode {
  label: NodeLabel | 'ArticleVersion' | 'Amendment';
  id: string;
  props: Record<string, unknown>;
}

/** A relationship to create. */
export interface HistoryEdge {
  type: string;
  fromLabel: HistoryNode['label'];
  from: string;
  toLabel: HistoryNode['label'];
  to: string;
  props: Record<string, unknown>;
}

/** The whole graph, as rows. */
export interface HistoryRows {
  nodes: HistoryNode[];
  edges: HistoryEdge[];
}

/** What history rows are made of. */
export interface HistoryRowsInput {
  merged: MergedHistory;
  lookup: TimeLookup;
  citations: DatedCitations;
  today: string;
  /** Free-text documents (a guide for mayors) and their references resolved as of today, by source. */
  documents?: Array<{ source: string; documents: FreeTextDocument[]; references: ResolvedReference[] }>;
}

/** Builds every row of the graph. */
export function buildHistoryRows(input: HistoryRowsInput): HistoryRows {
  const { merged, lookup, citations, today } = input;
  const inForceToday = new Set([...lookup.periods].filter(([, periods]) => periods.some((period) => periodHolds(period, today))).map(([id]) => id));
  const current = planTodaysGraph(merged, today, inForceToday, input.documents ?? []);
  const nodes = new Map<string, HistoryNode>();
  const addNode = (label: HistoryNode['label'], id: string, props: Record<string, unknown>) => {
    const key = nodeKeyOf(label as NodeLabel, id);
    const existing = nodes.get(key);
    nodes.set(key, existing ? { ...existing, props: { ...existing.props, ...props } } : { label, id, props });
  };
  for (const upsert of current.nodes) addNode(upsert.label, upsert.id, upsert.props);
  for (const node of citations.nodes) {
    const existing = nodes.get(nodeKeyOf(node.label, node.id));
    if (!existing) addNode(node.label, node.id, { ...node.props, recordHash: contentHashOf(node.props) });
    // Today's graph named the text without a link; an older version's link gives its Légifrance id.
    else if (node.label === 'LegalText' && existing.props.legifranceId === undefined && node.props.legifranceId !== undefined) {
      addNode(node.label, node.id, { legifranceId: node.props.legifranceId });
    }
  }
  addArticleLives(merged, today, addNode);
  // An article only a source's repealed copy holds (lexlib keeps them, with no version and no date): no dates at all.
  for (const node of nodes.values()) {
    if (node.label === 'Article' && !merged.lives.has(node.id)) Object.assign(node.props, { status: 'repealed', validFrom: null, validTo: null, periods: [] });
  }
  const edges: HistoryEdge[] = [];
  const citationReasons = addCitations(current, citations, today, inForceToday, edges);
  markUnresolvedTargets(nodes, lookup, merged, today, citationReasons);
  pruneEmptySections(nodes, edges);
  addVersionsAndAmendments(merged, citations, nodes, edges);
  addVersionTexts(merged, nodes, edges);
  addRenumberings(merged, edges);
  return { nodes: [...nodes.values()], edges };
}

/** Today's graph from each corpus's facts of today, as `cgct ingest` would plan it on an empty graph. */
function planTodaysGraph(merged: MergedHistory, today: string, inForceToday: ReadonlySet<string>, documents: NonNullable<HistoryRowsInput['documents']>) {
  const state: GraphState = { nodes: new Map(), edges: new Map() };
  const nodes = new Map<string, { label: NodeLabel; id: string; props: Record<string, unknown> }>();
  const edges = new Map<string, { identity: { type: string; fromLabel: NodeLabel; from: string; toLabel: NodeLabel; to: string; key: string }; evidence: Record<string, Evidence>; props: Record<string, unknown> }>();
  const factDates = new Map<string, string>();
  const accents = buildAccentDictionary([...merged.lives.values()].flatMap((life) => life.versions.slice(-1).map((version) => version.article.text)));
  const plan = (source: string, articles: Article[], docs: FreeTextDocument[], references: ResolvedReference[]) => {
    const records = toGraphRecords({ source, date: today, articles, documents: docs, references, accents, knownArticleIds: inForceToday });
    const changes = planGraphChanges(records, state);
    applyPlanToState(state, changes);
    for (const upsert of changes.nodeUpserts) {
      const key = nodeKeyOf(upsert.label, upsert.id);
      nodes.set(key, { label: upsert.label, id: upsert.id, props: { ...nodes.get(key)?.props, ...upsert.props } });
    }
    for (const upsert of changes.edgeUpserts) {
      const { props, isNew: _isNew, evidence, ...identity } = upsert;
      // An article's place in the table of contents comes from its text source: lexlib infers
      // chapters from numbers where legifrance-md has the sections, and two parents would show.
      if (identity.type === 'CONTAINS' && identity.toLabel === 'Article' && (merged.lives.get(identity.to)?.textSource ?? source) !== source) continue;
      edges.set(edgeKeyOf(identity), { identity, evidence, props });
    }
  };
  for (const timeline of merged.timelines) {
    const articles: Article[] = [];
    // The text source's articles as in force today.
    for (const life of merged.lives.values()) {
      const version = life.textSource === timeline.source ? versionOn(life, today) : undefined;
      if (!version) continue;
      articles.push(version.article);
      factDates.set(`${timeline.source}|${life.id}`, version.validFrom);
    }
    // Another source's facts only where no newer change of the article overrides them.
    for (const [id, fact] of currentFactsOf(timeline, merged, today)) {
      if (merged.lives.get(id)?.textSource === timeline.source) continue;
      articles.push(fact.article);
      factDates.set(`${timeline.source}|${id}`, fact.date);
    }
    plan(timeline.source, articles, [], []);
  }
  for (const group of documents) plan(group.source, [], group.documents, group.references);
  const periodStarts = new Map<string, string>();
  for (const life of merged.lives.values()) {
    const period = life.periods.find((item) => periodHolds(item, today));
    if (period) periodStarts.set(life.id, period.from);
  }
  return { nodes: [...nodes.values()], edges, factDates, periodStarts };
}

/** Sections that hold no article (any more) go, with their place in their parent, from the leaves up. */
function pruneEmptySections(nodes: Map<string, HistoryNode>, edges: HistoryEdge[]): void {
  for (;;) {
    const parents = new Set(edges.filter((edge) => edge.type === 'CONTAINS').map((edge) => `${edge.fromLabel}:${edge.from}`));
    const empty = [...nodes.values()].filter((node) => node.label === 'Section' && !parents.has(`Section:${node.id}`));
    if (empty.length === 0) return;
    const gone = new Set(empty.map((node) => node.id));
    for (const node of empty) nodes.delete(nodeKeyOf('Section', node.id));
    for (let index = edges.length - 1; index >= 0; index--) {
      const edge = edges[index]!;
      if (edge.type === 'CONTAINS' && edge.toLabel === 'Section' && gone.has(edge.to)) edges.splice(index, 1);
    }
  }
}

/**
 * Each article's Légifrance id (LEGIARTI…) from whichever source names it: lexlib's file names
 * keep it across the article's versions ("Article L1115-1 - 6389099.md"), legifrance-md has none,
 * and its rows, which give the article its text, would leave it null. The best-ranked source that
 * names one wins; within a source, its latest state.
 */
function collectLegiarti(merged: MergedHistory): Map<string, string> {
  const ids = new Map<string, string>();
  for (const timeline of merged.timelines) {
    for (const [id, states] of timeline.states) {
      if (ids.has(id)) continue;
      const named = states.findLast((state) => state.article?.legiarti)?.article?.legiarti;
      if (named) ids.set(id, named);
    }
  }
  return ids;
}

/** Every article: today's properties where a source holds it today, else its last (or first, deferred) version's; then its life. */
function addArticleLives(merged: MergedHistory, today: string, addNode: (label: HistoryNode['label'], id: string, props: Record<string, unknown>) => void): void {
  const legiarti = collectLegiarti(merged);
  const missing: Article[] = [];
  for (const life of merged.lives.values()) if (!versionOn(life, today)) missing.push(shownVersion(life, today).article);
  // Articles no source holds today: the row their last text gives, with no source and no place in today's table of contents.
  const records = toGraphRecords({ source: 'history', date: today, articles: missing, documents: [], references: [] });
  for (const row of records.nodes) {
    if (row.label !== 'Article') continue;
    const life = merged.lives.get(row.id)!;
    addNode('Article', row.id, { ...row.props, sources: [], textSource: life.textSource, recordHash: contentHashOf(row.props) });
  }
  for (const life of merged.lives.values()) {
    const shown = shownVersion(life, today);
    const last = life.periods[life.periods.length - 1]!;
    const inForce = versionOn(life, today) !== undefined;
    const status = inForce ? 'in-force' : life.periods[0]!.from > today ? 'deferred' : 'repealed';
    const repealedOn = last.to;
    const repealedBy = repealedOn ? (life.endNotes.get(repealedOn) ?? titlesOf(life.endedBy.get(repealedOn) ?? [])) : null;
    addNode('Article', life.id, {
      status,
      validFrom: shown.validFrom,
      validTo: shown.validTo,
      inForceFrom: life.periods[0]!.from,
      repealedOn,
      repealedBy,
      periods: life.periods.map((period) => `${period.from}/${period.to ?? ''}`),
      sortKey: articleSortKeyString(life.id),
      legiarti: legiarti.get(life.id) ?? null,
    });
  }
}

/** The version an article's page shows today: the one in force, else the last one before today, else the first (deferred). */
function shownVersion(life: ArticleLife, today: string) {
  return versionOn(life, today) ?? [...life.versions].reverse().find((version) => version.validFrom <= today) ?? life.versions[0]!;
}

function titlesOf(commits: HistoryCommit[]): string {
  return commits.map((commit) => commit.subject).join(' ; ');
}

/**
 * The citations: every interval from the resolution over time, today's merged with the metadata
 * facts of the same relationship (lexlib's "Cite"), and the metadata facts the text does not make.
 * Returns, per unresolved target, the reason of its latest citation.
 */
function addCitations(current: ReturnType<typeof planTodaysGraph>, citations: DatedCitations, today: string, inForceToday: ReadonlySet<string>, edges: HistoryEdge[]): Map<string, { date: string; reason: string }> {
  const reasons = new Map<string, { date: string; reason: string }>();
  const metadata = new Map(current.edges);
  for (const dated of citations.edges) {
    const isCurrent = dated.validFrom <= today && (dated.validTo === null || dated.validTo > today);
    const key = edgeKeyOf(dated.edge);
    const known = isCurrent ? metadata.get(key) : undefined;
    if (known) metadata.delete(key);
    const evidence = { ...(known?.evidence ?? {}), [dated.source]: dated.evidence };
    const props: Record<string, unknown> = { ...edgePropsOf(evidence, dated.validFrom), validTo: dated.validTo, key: dated.edge.key };
    // Only today's relationships carry the evidence a later ingest plans against; a future one must not look current to it.
    if (!isCurrent) delete props.evidence;
    if (dated.reason) props.reason = dated.reason;
    edges.push({ ...dated.edge, props });
    if (dated.edge.toLabel === 'UnresolvedTarget' && dated.reason) {
      const seen = reasons.get(dated.edge.to);
      if (!seen || seen.date <= dated.validFrom) reasons.set(dated.edge.to, { date: dated.validFrom, reason: dated.reason });
    }
  }
  // An external article belongs to its text whatever the date: one relationship, as today's graph has it.
  for (const { row, source } of citations.timeless) {
    const key = edgeKeyOf(row);
    if (metadata.has(key)) continue;
    const { evidence, ...identity } = row;
    metadata.set(key, { identity, evidence: { [source]: evidence }, props: edgePropsOf({ [source]: evidence }, today) });
  }
  for (const { identity, props, evidence } of metadata.values()) {
    // A metadata citation is of today: not when one of its articles is out of force today (a repealed copy's "Cité par").
    const outOfForce = (label: string, id: string) => label === 'Article' && !inForceToday.has(id);
    if (identity.type === 'CITES' && (outOfForce(identity.fromLabel, identity.from) || outOfForce(identity.toLabel, identity.to))) continue;
    // A fact holds from the date of the state that states it (the citing article's, or the cited one's for "Cité par").
    const sources = Object.keys(evidence);
    const dates = sources.flatMap((source) => [current.factDates.get(`${source}|${identity.from}`), current.factDates.get(`${source}|${identity.to}`)]).filter((date): date is string => date !== undefined);
    // …and not before either end's current period began (the metadata of today names today's articles).
    const starts = [identity.from, identity.to].map((id) => current.periodStarts.get(id)).filter((date): date is string => date !== undefined);
    if (identity.type !== 'CITES' && identity.type !== 'MENTIONS') {
      // The table of contents, the metadata and an external article's text hold whatever the date: no validity.
      const { validFrom: _validFrom, ...timeless } = props;
      edges.push({ ...identity, props: { ...timeless, key: identity.key } });
      continue;
    }
    edges.push({ ...identity, props: { ...props, validFrom: [...dates, ...starts].sort().pop() ?? today, validTo: null, key: identity.key } });
  }
  return reasons;
}

/** Unresolved CGCT numbers: the reason as of their latest citation, and when the number did exist, its dates. */
function markUnresolvedTargets(nodes: Map<string, HistoryNode>, lookup: TimeLookup, merged: MergedHistory, today: string, reasons: Map<string, { date: string; reason: string }>): void {
  for (const node of nodes.values()) {
    if (node.label !== 'UnresolvedTarget' || node.props.code !== THIS_CODE) continue;
    const number = String(node.props.number);
    const life = merged.lives.get(number);
    // A number only a source's repealed copy holds (lexlib keeps them) did exist: repealed, not "never existed".
    const knownRepealed = !life && nodes.has(nodeKeyOf('Article', number));
    const reason = reasons.get(node.id)?.reason ?? (life ? reasonAt(lookup, number, today) : knownRepealed ? 'repealed' : node.props.reason);
    const last = life?.periods[life.periods.length - 1];
    Object.assign(node.props, {
      reason,
      inForceFrom: life?.periods[0]!.from ?? null,
      repealedOn: last?.to ?? null,
      repealedBy: last?.to ? (life!.endNotes.get(last.to) ?? titlesOf(life!.endedBy.get(last.to) ?? [])) : null,
      ...(life || knownRepealed ? { candidates: [] } : {}),
    });
  }
}

/** Versions, the amendments that made them with their change sets, and repeals. */
function addVersionsAndAmendments(merged: MergedHistory, citations: DatedCitations, nodes: Map<string, HistoryNode>, edges: HistoryEdge[]): void {
  const changeSets = new Map<string, { added: Set<string>; modified: Set<string>; repealed: Set<string>; gained: Set<string>; lost: Set<string> }>();
  const changeSetOf = (commit: HistoryCommit) => {
    let set = changeSets.get(commit.hash);
    if (!set) changeSets.set(commit.hash, (set = { added: new Set(), modified: new Set(), repealed: new Set(), gained: new Set(), lost: new Set() }));
    return set;
  };
  for (const life of merged.lives.values()) {
    let previous: (typeof life.versions)[number] | undefined;
    for (const version of life.versions) {
      const versionId = `${life.id}@${version.validFrom}`;
      const { article } = version;
      nodes.set(nodeKeyOf('ArticleVersion' as NodeLabel, versionId), {
        label: 'ArticleVersion',
        id: versionId,
        props: {
          articleId: life.id, validFrom: version.validFrom, validTo: version.validTo, text: article.text, html: article.html,
          contentHash: article.contentHash, status: article.status, source: version.source, sourceFile: article.sourceFile,
        },
      });
      edges.push({ type: 'HAS_VERSION', fromLabel: 'Article', from: life.id, toLabel: 'ArticleVersion', to: versionId, props: {} });
      version.commits.forEach((commit, order) => edges.push({ type: 'MADE_BY', fromLabel: 'ArticleVersion', from: versionId, toLabel: 'Amendment', to: commit.hash, props: { order } }));
      const continues = previous !== undefined && previous.validTo === version.validFrom;
      const cited = citations.citedNumbers.get(versionId) ?? new Set<string>();
      const before = continues ? (citations.citedNumbersAtEnd.get(`${life.id}@${previous!.validFrom}`) ?? new Set<string>()) : new Set<string>();
      for (const commit of version.commits) {
        const set = changeSetOf(commit);
        if (!continues) set.added.add(life.id);
        else if (previous!.article.contentHash !== article.contentHash || previous!.article.status !== article.status) set.modified.add(life.id);
        for (const number of cited) if (!before.has(number)) set.gained.add(`${life.id}>${number}`);
        for (const number of before) if (!cited.has(number)) set.lost.add(`${life.id}>${number}`);
      }
      previous = version;
    }
    for (const [date, commits] of life.endedBy) {
      const last = life.versions.filter((version) => version.validFrom < date).pop();
      const cited = last ? (citations.citedNumbersAtEnd.get(`${life.id}@${last.validFrom}`) ?? new Set<string>()) : new Set<string>();
      for (const commit of commits) {
        const set = changeSetOf(commit);
        set.repealed.add(life.id);
        for (const number of cited) set.lost.add(`${life.id}>${number}`);
        edges.push({ type: 'REPEALED_IN', fromLabel: 'Article', from: life.id, toLabel: 'Amendment', to: commit.hash, props: { date } });
      }
    }
  }
  for (const timeline of merged.timelines) {
    for (const { commit, date } of timeline.commits) {
      const set = changeSets.get(commit.hash);
      const sorted = (values: Set<string> | undefined) => [...(values ?? [])].sort();
      nodes.set(nodeKeyOf('Amendment' as NodeLabel, commit.hash), {
        label: 'Amendment',
        id: commit.hash,
        props: {
          title: commit.subject, date, source: timeline.source, applied: true, kind: kindOf(commit),
          added: sorted(set?.added), modified: sorted(set?.modified), repealed: sorted(set?.repealed),
          citationsGained: sorted(set?.gained), citationsLost: sorted(set?.lost),
        },
      });
    }
  }
}

/**
 * The law or decree that made a version, where a source of "Liens relatifs" names it for the state
 * of that same day (lexlib's L1115-1 of 2014-07-09: "Modifié par: Loi n°2014-773 du 7 juillet 2014 -
 * art. 14 (V)"): `(:ArticleVersion)-[:ENACTED_BY {article, status, heading, source}]->(:LegalText)`.
 */
function addVersionTexts(merged: MergedHistory, nodes: Map<string, HistoryNode>, edges: HistoryEdge[]): void {
  for (const timeline of merged.timelines) {
    for (const [id, states] of timeline.states) {
      const life = merged.lives.get(id);
      if (!life) continue;
      for (const state of states) {
        const version = life.versions.find((item) => item.validFrom === state.date);
        if (!version || !state.article) continue;
        const seen = new Set<string>();
        for (const link of state.article.relatedLinks) {
          const made = link.type === 'created-by' || (link.type === 'modified-by' && (link.status === undefined || link.status === 'V'));
          if (!made || seen.has(`${link.textId}|${link.article ?? ''}`)) continue;
          seen.add(`${link.textId}|${link.article ?? ''}`);
          if (!nodes.has(nodeKeyOf('LegalText', link.textId))) {
            const props = { kind: textKindOf(link.textId), title: link.textTitle };
            nodes.set(nodeKeyOf('LegalText', link.textId), { label: 'LegalText', id: link.textId, props: { ...props, recordHash: contentHashOf(props) } });
          }
          edges.push({
            type: 'ENACTED_BY', fromLabel: 'ArticleVersion', from: `${id}@${version.validFrom}`, toLabel: 'LegalText', to: link.textId,
            props: { article: link.article ?? null, status: link.status ?? null, heading: link.heading, source: timeline.source },
          });
        }
      }
    }
  }
}

/** lexlib's commits are consolidated snapshots ("Version consolidée du 2014-07-09"), not amending texts. */
function kindOf(commit: HistoryCommit): 'amendment' | 'consolidation' {
  return /^Version consolidée/i.test(commit.subject) ? 'consolidation' : 'amendment';
}

/** Renumberings from git renames, and from the "Anciens textes … (T)" of the metadata, between articles that both exist. */
function addRenumberings(merged: MergedHistory, edges: HistoryEdge[]): void {
  const found = new Map<string, Renumbering>();
  for (const timeline of merged.timelines) {
    for (const renumbering of timeline.renumberings) {
      const key = `${renumbering.from}>${renumbering.to}`;
      if (!found.has(key)) found.set(key, renumbering);
    }
    for (const [id, states] of timeline.states) {
      for (const state of states) {
        for (const link of state.article?.relatedLinks ?? []) {
          if (link.type !== 'former-texts' || link.textId !== THIS_CODE || !link.article || link.status !== 'T') continue;
          const key = `${link.article}>${id}`;
          const life = merged.lives.get(id);
          if (!found.has(key) && life) found.set(key, { from: link.article, to: id, date: life.periods[0]!.from, source: timeline.source, evidence: 'metadata' });
        }
      }
    }
  }
  for (const renumbering of found.values()) {
    if (!merged.lives.has(renumbering.from) || !merged.lives.has(renumbering.to) || renumbering.from === renumbering.to) continue;
    edges.push({
      type: 'RENUMBERED_AS', fromLabel: 'Article', from: renumbering.from, toLabel: 'Article', to: renumbering.to,
      props: { date: renumbering.date, source: renumbering.source, evidence: renumbering.evidence },
    });
  }
}
