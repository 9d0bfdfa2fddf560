/**
 * Amendments applied one at a time on top of a history build (what `cgct replay` does on such a
 * graph), the history's way: the article files of the parent commit are held in memory with the
 * articles' lives read from the graph; each amendment parses only the files it changed, closes the
 * versions it ends and opens new ones made by it, and re-resolves, as of its date, the references of
 * the articles it touched and of those that name a number coming into or leaving force that day
 * (directly or through a range). Citations that go on keep their interval; the others are closed on
 * that day and new ones open. One transaction per amendment (graph/write-amendment.ts).
 */
import { startLaps } from './start-laps.ts';
import type { Driver } from 'neo4j-driver';
import { edgeKeyOf } from '../graph/graph-records.ts';
import type { EdgeRow, Evidence, NodeRow } from '../graph/graph-records.ts';
import { contentHashOf, edgePropsOf } from '../graph/plan-graph-changes.ts';
import { collectReferenceRows, toGraphRecords } from '../graph/to-graph-records.ts';
import { readCodeTargets, readHoldingOn, readLives, writeAmendment, type CodeTargets, type AmendmentWrites, type StoredCitation, type StoredLife, type StoredVersion } from '../graph/write-amendment.ts';
import { buildAccentDictionary, type AccentDictionary } from '../parsing/restore-accents.ts';
import { compareArticleIds } from '../article-id.ts';
import { familyOf, legiDigits } from '../references/resolve-references.ts';
import { createSuggestionIndex } from '../references/suggest-article-ids.ts';
import { IngestRefusedError, MASS_REPEAL_SHARE } from '../run-ingest.ts';
import { THIS_CODE } from '../references/text-name.ts';
import type { Article, UnresolvedReason } from '../types.ts';
import { ArticleFiles, type ParseVersion } from './article-files.ts';
import type { Period } from './merge-timelines.ts';
import type { FileChange, HistoryCommit } from './read-history.ts';
import { citedNumbersOf, namedNumbersOf, resolveVersionOn, type TimeLookup } from './resolve-over-time.ts';

/** What applying one amendment did, as a reader sees it. */
export interface AppliedAmendment {
  articles: { added: string[]; modified: string[]; repealed: string[] };
  references: { gained: Array<{ from: string; to: string }>; lost: Array<{ from: string; to: string }> };
  stagesMs: { read: number; extract: number; records: number; plan: number; write: number };
}

/** Applies amendments of one corpus on top of its history, in order. */
export interface HistoryApplier {
  apply(commit: HistoryCommit, date: string, allowMassRepeal: boolean): Promise<AppliedAmendment>;
}

/** Loads what amendments need: the parent commit's files (as changes from nothing) and the graph's lives. */
export async function createHistoryApplier(driver: Driver, source: string, parentFiles: FileChange[], parse: ParseVersion): Promise<HistoryApplier> {
  const files = new ArticleFiles();
  files.applyChanges(parentFiles, parse);
  const lives = await readLives(driver);
  const lookup = lookupOf(lives);
  // Only the articles whose versions come from this corpus: lexlib's replay does not rewrite legifrance-md's texts.
  const textSources = new Map(lives.map((life) => [life.id, life.textSource ?? source]));
  const accents = buildAccentDictionary(files.ids().flatMap((id) => files.current(id)?.text ?? []));
  // Extracted once here, so that an amendment finds at once which texts name a number it changes.
  for (const id of files.ids()) {
    const article = files.current(id);
    if (article) namedNumbersOf(lookup, article);
  }
  return {
    apply: (commit, date, allowMassRepeal) => applyOne(driver, source, files, lookup, accents, parse, commit, date, allowMassRepeal, (id) => (textSources.get(id) ?? source) === source),
  };
}

function lookupOf(lives: StoredLife[]): TimeLookup {
  const periods = new Map<string, Period[]>();
  const byLegiarti = new Map<string, string>();
  const heldRepealed = new Set<string>();
  const sortedByFamily = new Map<string, string[]>();
  for (const life of lives) {
    if (life.legiarti) byLegiarti.set(legiDigits(life.legiarti), life.id);
    if (life.periods.length === 0) {
      heldRepealed.add(life.id);
      continue;
    }
    periods.set(life.id, life.periods.map((period) => {
      const [from, to] = period.split('/');
      return { from: from!, to: to ? to : null };
    }));
    addToFamily(sortedByFamily, life.id);
  }
  for (const ids of sortedByFamily.values()) ids.sort(compareArticleIds);
  return { periods, sortedByFamily, byLegiarti, heldRepealed, suggestions: createSuggestionIndex(periods.keys()) };
}

function addToFamily(sortedByFamily: Map<string, string[]>, id: string): void {
  const family = familyOf(id);
  if (!sortedByFamily.has(family)) sortedByFamily.set(family, []);
  sortedByFamily.get(family)!.push(id);
}

function inForceOn(lookup: TimeLookup, id: string, date: string): boolean {
  return (lookup.periods.get(id) ?? []).some((period) => period.from <= date && (period.to === null || period.to > date));
}

async function applyOne(
  driver: Driver, source: string, files: ArticleFiles, lookup: TimeLookup, accents: AccentDictionary, parse: ParseVersion, commit: HistoryCommit, date: string,
  allowMassRepeal: boolean, owns: (id: string) => boolean,
): Promise<AppliedAmendment> {
  const lap = startLaps();
  const changes = files.applyChanges(commit.changes, parse);
  const touched = new Set([...changes.touched].filter(owns));
  const renamed = changes.renamed.filter(({ from, to }) => owns(from) && owns(to));
  const read = lap();
  refuseMassRepeal(lookup, touched, files, commit, date, allowMassRepeal);
  // Who comes into force and who leaves it that day; the look-up learns it first.
  const before = new Map([...touched].map((id) => [id, inForceOn(lookup, id, previousDay(date))]));
  const after = new Map([...touched].map((id) => [id, isInForce(files.current(id))]));
  const changed = [...touched].filter((id) => before.get(id) !== after.get(id));
  for (const id of changed) updatePeriods(lookup, id, date, after.get(id)!);
  // Articles to resolve again: the touched ones in force, and those naming a number that changed.
  const concerned = new Set([...touched].filter((id) => after.get(id)));
  if (changed.length > 0) {
    for (const id of files.ids()) {
      const article = files.current(id);
      if (!article || !isInForce(article) || concerned.has(id)) continue;
      if (namesAny(lookup, article, new Set(changed))) concerned.add(id);
    }
  }
  const holding = await readHoldingOn(driver, [...new Set([...touched, ...concerned])], date);
  const extract = lap();

  const writes = emptyWrites(commit, date, source);
  const numbersBefore = new Map<string, Set<string>>();
  const numbersAfter = new Map<string, Set<string>>();
  const existingByArticle = groupCitations(holding.citations);
  const resolvedByArticle = new Map([...concerned].map((id) => {
    const resolved = resolveVersionOn(lookup, id, files.current(id)!, date);
    return [id, { resolved, rows: collectReferenceRows(resolved.references) }] as const;
  }));
  // Another code loaded since the history was built: its articles are no placeholders any more.
  const codeTargets = await readCodeTargets(driver, [...resolvedByArticle.values()].flatMap(({ rows }) => rows.nodes.filter(isCodePlaceholder).map((node) => node.id)));
  for (const { resolved, rows } of resolvedByArticle.values()) adoptCodeTargets(rows, resolved.reasons, codeTargets);
  for (const id of concerned) {
    const { resolved, rows } = resolvedByArticle.get(id)!;
    numbersAfter.set(id, citedNumbersOf(rows.edges));
    for (const node of rows.nodes) writes.targets.push({ label: node.label, id: node.id, props: { ...node.props, recordHash: contentHashOf(node.props) } });
    for (const edge of rows.edges) if (edge.type === 'PART_OF') writes.partOf.push({ from: edge.from, to: edge.to, props: timelessProps(source, edge.evidence) });
    const existing = existingByArticle.get(id) ?? [];
    numbersBefore.set(id, citedNumbersOf(existing.map(asEdgeRow)));
    planCitations(writes, source, date, touched.has(id), existing, rows.edges.filter((edge) => edge.type !== 'PART_OF'), resolved.reasons);
  }
  // Touched articles out of force after the amendment: their citations end that day.
  for (const id of touched) {
    if (after.get(id)) continue;
    const existing = existingByArticle.get(id) ?? [];
    numbersBefore.set(id, citedNumbersOf(existing.map(asEdgeRow)));
    numbersAfter.set(id, new Set());
    for (const citation of existing) closeCitation(writes, citation, date);
  }
  const records = lap();

  const changeSet = planArticles(writes, source, files, lookup, accents, touched, before, after, holding.versions, commit, date);
  for (const { from, to } of renamed) writes.renumberings.push({ from, to, props: { date, source, evidence: 'git-rename' } });
  const gained: Array<{ from: string; to: string }> = [];
  const lost: Array<{ from: string; to: string }> = [];
  for (const id of touched) {
    const was = numbersBefore.get(id) ?? new Set<string>();
    const is = numbersAfter.get(id) ?? new Set<string>();
    for (const number of is) if (!was.has(number)) gained.push({ from: id, to: number });
    for (const number of was) if (!is.has(number)) lost.push({ from: id, to: number });
  }
  // The numbers that came into force: their unresolved target, cited before that day, was "not yet in force".
  for (const id of changed) if (after.get(id)) writes.targetReasons.push({ id: `unresolved:${THIS_CODE}|${id}`, reason: 'not-yet-in-force', inForceFrom: date });
  Object.assign(writes.amendment.props, {
    added: changeSet.added.sort(), modified: changeSet.modified.sort(), repealed: changeSet.repealed.sort(),
    citationsGained: gained.map((pair) => `${pair.from}>${pair.to}`).sort(), citationsLost: lost.map((pair) => `${pair.from}>${pair.to}`).sort(),
  });
  const plan = lap();
  await writeAmendment(driver, writes);
  return { articles: changeSet, references: { gained, lost }, stagesMs: { read, extract, records, plan, write: lap() } };
}

/** An external article keyed as a code's article ("code-de-lurbanisme:L300-5"): the code may be loaded in the graph. */
function isCodePlaceholder(node: NodeRow): boolean {
  return node.label === 'ExternalArticle' && typeof node.props.code === 'string';
}

/**
 * Points the citations of a loaded code's article to what the graph holds for it: the article
 * itself, or its "absent from the code" target (a new one when the code is loaded and lacks it),
 * as the codes ingest left them (ingest/graph/write-codes.ts); a code not loaded keeps its placeholder.
 */
function adoptCodeTargets(rows: ReturnType<typeof collectReferenceRows>, reasons: Map<string, UnresolvedReason>, targets: CodeTargets): void {
  const labelOf = (node: NodeRow): 'Article' | 'UnresolvedTarget' | undefined => {
    if (!isCodePlaceholder(node)) return undefined;
    const held = targets.labels.get(node.id);
    if (held) return held;
    return targets.loadedCodes.has(node.props.code as string) ? 'UnresolvedTarget' : undefined;
  };
  const relabelled = new Map<string, 'Article' | 'UnresolvedTarget'>();
  rows.nodes = rows.nodes.flatMap((node) => {
    const label = labelOf(node);
    if (!label) return [node];
    relabelled.set(node.id, label);
    if (label === 'Article' || targets.labels.has(node.id)) return [];
    return [{ label: 'UnresolvedTarget', id: node.id, props: { code: node.props.code, number: node.props.number, reason: 'absent-from-code', candidates: [] } } as NodeRow];
  });
  rows.edges = rows.edges.flatMap((edge) => {
    const label = relabelled.get(edge.type === 'PART_OF' ? edge.from : edge.to);
    if (!label) return [edge];
    if (edge.type === 'PART_OF') return [];
    if (label === 'UnresolvedTarget') reasons.set(edge.to, 'absent-from-code' as UnresolvedReason);
    return [{ ...edge, toLabel: label }];
  });
}

/** A commit taking more than MASS_REPEAL_SHARE of the articles in force out of force looks like a truncated export. */
function refuseMassRepeal(lookup: TimeLookup, touched: Set<string>, files: ArticleFiles, commit: HistoryCommit, date: string, allowed: boolean): void {
  if (allowed) return;
  const held = [...lookup.periods.keys()].filter((id) => inForceOn(lookup, id, previousDay(date))).length;
  const gone = [...touched].filter((id) => inForceOn(lookup, id, previousDay(date)) && !isInForce(files.current(id))).length;
  if (held === 0 || gone / held <= MASS_REPEAL_SHARE) return;
  throw new IngestRefusedError(
    commit.hash,
    `commit ${commit.hash.slice(0, 8)} (${commit.subject}) would repeal ${gone} of ${held} articles in force: it looks truncated. ` +
      'The replay stopped before it; commits before it are applied. Run again with --allow-mass-repeal if the code really lost them.',
  );
}

function emptyWrites(commit: HistoryCommit, date: string, source: string): AmendmentWrites {
  return {
    amendment: { id: commit.hash, props: { title: commit.subject, date, source, applied: true, kind: /^Version consolidée/i.test(commit.subject) ? 'consolidation' : 'amendment' } },
    targets: [], articles: [], sections: [], contains: [], partOf: [], uncontained: [], closedVersions: [], versions: [], repeals: [], renumberings: [],
    closedCitations: [], deletedCitations: [], updatedCitations: [], newCitations: [], targetReasons: [],
  };
}

/** Citations of one article as of the amendment's date: those that go on keep their interval, the others close, new ones open. */
function planCitations(writes: AmendmentWrites, source: string, date: string, rewritten: boolean, existing: StoredCitation[], desired: EdgeRow[], reasons: Map<string, UnresolvedReason>): void {
  const wanted = new Map(desired.map((row) => [edgeKeyOf(row), row]));
  for (const citation of existing) {
    const key = edgeKeyOf({ type: 'CITES', fromLabel: 'Article', from: citation.from, toLabel: citation.toLabel as EdgeRow['toLabel'], to: citation.to, key: citation.key });
    const row = wanted.get(key);
    const reason = citation.toLabel === 'UnresolvedTarget' ? (reasons.get(citation.to) ?? null) : null;
    const evidence = citation.evidence ? (JSON.parse(citation.evidence) as Record<string, Evidence>) : {};
    // A rewritten text supersedes what other sources said of the old one (lexlib's "Cite").
    const kept: Record<string, Evidence> = rewritten ? {} : Object.fromEntries(Object.entries(evidence).filter(([name]) => name !== source));
    if (row && (citation.reason ?? null) === reason) {
      wanted.delete(key);
      const next = { ...kept, [source]: row.evidence };
      if (JSON.stringify(next) !== JSON.stringify(evidence)) writes.updatedCitations.push({ elementId: citation.elementId, props: { ...edgePropsOf(next, citation.validFrom), validTo: citation.validTo } });
      continue;
    }
    if (!row && Object.keys(kept).length > 0 && !rewritten) {
      writes.updatedCitations.push({ elementId: citation.elementId, props: { ...edgePropsOf(kept, citation.validFrom), validTo: citation.validTo } });
      continue;
    }
    closeCitation(writes, citation, date);
  }
  for (const [, row] of wanted) {
    const reason = row.toLabel === 'UnresolvedTarget' ? reasons.get(row.to) : undefined;
    writes.newCitations.push({
      from: row.from, toLabel: row.toLabel, to: row.to,
      props: { ...edgePropsOf({ [source]: row.evidence }, date), validTo: null, key: row.key, ...(reason ? { reason } : {}) },
    });
  }
}

/** A relationship that holds whatever the date (table of contents, an external article's text): no validity. */
export function timelessProps(source: string, evidence: Evidence): Record<string, unknown> {
  const { validFrom: _validFrom, ...props } = edgePropsOf({ [source]: evidence }, '');
  return { ...props, key: '' };
}

function closeCitation(writes: AmendmentWrites, citation: StoredCitation, date: string): void {
  if (citation.validFrom >= date) writes.deletedCitations.push(citation.elementId);
  else writes.closedCitations.push({ elementId: citation.elementId, validTo: date });
}

/** Versions, article properties, the table of contents and repeals of the touched articles. */
function planArticles(
  writes: AmendmentWrites, source: string, files: ArticleFiles, lookup: TimeLookup, accents: AccentDictionary, touched: Set<string>,
  before: Map<string, boolean>, after: Map<string, boolean>, holding: StoredVersion[], commit: HistoryCommit, date: string,
): { added: string[]; modified: string[]; repealed: string[] } {
  const changeSet = { added: [] as string[], modified: [] as string[], repealed: [] as string[] };
  const versionOf = new Map(holding.map((version) => [version.articleId, version]));
  const inForce = [...touched].filter((id) => after.get(id)).map((id) => files.current(id)!);
  const records = toGraphRecords({ source, date, articles: inForce, documents: [], references: [], accents });
  const rowOf = new Map(records.nodes.filter((row) => row.label === 'Article').map((row) => [row.id, row]));
  for (const row of records.nodes) if (row.label === 'Section') writes.sections.push({ id: row.id, props: { ...row.props, recordHash: contentHashOf(row.props) } });
  for (const edge of records.edges) {
    if (edge.type !== 'CONTAINS') continue;
    writes.contains.push({ fromLabel: edge.fromLabel, from: edge.from, toLabel: edge.toLabel, to: edge.to, props: timelessProps(source, edge.evidence) });
  }
  for (const id of touched) {
    const old = versionOf.get(id);
    if (old) {
      if (old.validFrom < date) writes.closedVersions.push({ id: old.id, validTo: date });
    }
    const periods = (lookup.periods.get(id) ?? []).map((period) => `${period.from}/${period.to ?? ''}`);
    writes.uncontained.push(id);
    if (!after.get(id)) {
      if (before.get(id)) {
        changeSet.repealed.push(id);
        writes.repeals.push({ articleId: id, date });
        writes.articles.push({ id, props: { status: 'repealed', validTo: date, repealedOn: date, repealedBy: commit.subject, periods } });
      }
      continue;
    }
    const article = files.current(id)!;
    const row = rowOf.get(id)!;
    // A version per day the file changed (as git log says); "modified" only when its text or status did.
    if (!before.get(id)) changeSet.added.push(id);
    else if (!old || old.contentHash !== article.contentHash || old.status !== article.status) changeSet.modified.push(id);
    const versionId = `${id}@${date}`;
    writes.versions.push({
      articleId: id, id: versionId,
      props: {
        articleId: id, validFrom: date, validTo: old?.validTo ?? null, text: article.text, html: article.html, contentHash: article.contentHash,
        status: article.status, source, sourceFile: article.sourceFile,
      },
    });
    writes.articles.push({
      id,
      props: {
        ...row.props, recordHash: contentHashOf(row.props), textSource: source, status: 'in-force', validFrom: date, validTo: old?.validTo ?? null,
        inForceFrom: periods[0]?.split('/')[0] ?? date, repealedOn: null, repealedBy: null, periods,
        ...(before.get(id) ? {} : { sources: [source] }),
      },
    });
  }
  return changeSet;
}

function updatePeriods(lookup: TimeLookup, id: string, date: string, nowInForce: boolean): void {
  const periods = lookup.periods.get(id) ?? [];
  if (nowInForce) {
    periods.push({ from: date, to: null });
    if (!lookup.periods.has(id)) {
      lookup.periods.set(id, periods);
      const family = lookup.sortedByFamily.get(familyOf(id)) ?? [];
      family.push(id);
      family.sort(compareArticleIds);
      lookup.sortedByFamily.set(familyOf(id), family);
    }
  } else {
    const open = periods.find((period) => period.to === null || period.to > date);
    if (open) open.to = date;
  }
}

/** Whether an article's text names one of the numbers, directly or inside a range. */
function namesAny(lookup: TimeLookup, article: Article, numbers: Set<string>): boolean {
  return namedNumbersOf(lookup, article).some((id) => numbers.has(id));
}

function asEdgeRow(citation: StoredCitation): EdgeRow {
  return { type: 'CITES', fromLabel: 'Article', from: citation.from, toLabel: citation.toLabel as EdgeRow['toLabel'], to: citation.to, key: citation.key, evidence: { via: [], pinpoints: [], spans: [], count: 0 } };
}

function groupCitations(citations: StoredCitation[]): Map<string, StoredCitation[]> {
  const byArticle = new Map<string, StoredCitation[]>();
  for (const citation of citations) {
    if (!byArticle.has(citation.from)) byArticle.set(citation.from, []);
    byArticle.get(citation.from)!.push(citation);
  }
  return byArticle;
}

function isInForce(article: Article | null): boolean {
  return article !== null && article.status !== 'repealed';
}

/** The day before an ISO date. */
function previousDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
