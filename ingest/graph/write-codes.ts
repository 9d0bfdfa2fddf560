/**
 * The codes ingest's only Cypher (ingest/codes/run-codes-ingest.ts): reads what the graph holds of
 * the CGCT and of each code, and writes one code's articles, sections and citations in batches of
 * `UNWIND $rows …`, each batch its own transaction bumping the graph's revision.
 *
 * The CGCT's references to a code not yet loaded point to `:ExternalArticle` placeholders keyed as
 * the code's article will be ("code-de-lurbanisme:L300-5", ingest/codes/text-target.ts). Loading
 * the code relabels the placeholders it has as `:Article` (every citation already points to them)
 * and the ones it lacks as `:UnresolvedTarget` "absent from the code": no relationship is moved.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { BUMP_GRAPH_REVISION } from '../../graph-schema/graph-revision.ts';
import { openSession, readRows } from '../../neo4j/driver.ts';
import { explainQueryError } from '../../neo4j/explain-error.ts';
import type { CgctLookup, CodeTarget } from '../codes/resolve-code-references.ts';
import type { CodeRecords } from '../codes/code-records.ts';
import { textKindOf } from '../references/text-name.ts';

/** Rows per transaction. */
const BATCH_SIZE = 2000;
/** Articles per transaction: their texts go into the full-text index, which pays per commit. */
const ARTICLE_BATCH_SIZE = 5000;

/** What the graph holds of one code: its article ids and the hashes of its last load. */
export interface StoredCode {
  articleIds: Set<string>;
  articlesHash: string | null;
  citationsHash: string | null;
}

/** One citation of a code's article, its occurrences merged. */
export interface CodeCitationRow {
  from: string;
  target: CodeTarget;
  props: Record<string, unknown>;
}

/** The CGCT's articles and when each was in force, to resolve other codes' references to it on their date. */
export async function readCgctLookup(driver: Driver, date: string | null): Promise<CgctLookup | undefined> {
  const rows = await readRows<{ id: string; periods: string[] | null; status: string | null }>(
    driver,
    'MATCH (a:Article) WHERE a.code IS NULL RETURN a.id AS id, a.periods AS periods, a.status AS status',
  );
  if (rows.length === 0) return undefined;
  const lookup: CgctLookup = { inForce: new Set(), later: new Set(), ever: new Set() };
  for (const row of rows) {
    lookup.ever.add(row.id);
    // A graph built from snapshots has no periods: its status is all it knows.
    if (!row.periods || date === null) {
      if (row.status !== 'repealed') lookup.inForce.add(row.id);
      continue;
    }
    const periods = row.periods.map((period) => { const [from, to] = period.split('/'); return { from: from!, to: to || null }; });
    if (periods.some((period) => period.from <= date && (period.to === null || period.to > date))) lookup.inForce.add(row.id);
    else if (periods.some((period) => period.from > date)) lookup.later.add(row.id);
  }
  return lookup;
}

/** What the graph holds of each code already loaded. */
export async function readStoredCodes(driver: Driver): Promise<Map<string, StoredCode>> {
  const rows = await readRows<{ code: string; articlesHash: string | null; citationsHash: string | null; ids: string[] }>(
    driver,
    `MATCH (c:Code) WHERE c.id <> 'CGCT'
     RETURN c.id AS code, c.articlesHash AS articlesHash, c.citationsHash AS citationsHash,
            COLLECT { MATCH (a:Article {code: c.id}) RETURN a.id } AS ids`,
  );
  return new Map(rows.map((row) => [row.code, { articleIds: new Set(row.ids), articlesHash: row.articlesHash, citationsHash: row.citationsHash }]));
}

/** Runs statements in one write transaction that also bumps the graph's revision. */
async function write(driver: Driver, what: string, work: (tx: ManagedTransaction) => Promise<void>): Promise<void> {
  const session = openSession(driver, 'WRITE');
  try {
    await session.executeWrite(async (tx) => {
      await work(tx);
      await tx.run(BUMP_GRAPH_REVISION);
    });
  } catch (error) {
    throw explainQueryError(error, what);
  } finally {
    await session.close();
  }
}

async function inBatches<T>(driver: Driver, what: string, rows: T[], statement: string, params: Record<string, unknown> = {}, onRows?: (count: number) => void, batchSize = BATCH_SIZE): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    await write(driver, what, async (tx) => { await tx.run(statement, { ...params, rows: batch }); });
    onRows?.(batch.length);
  }
}

/**
 * Writes one code's articles and table of contents: placeholders of its articles become them,
 * articles it no longer has become "absent" targets (or go, when nothing cites them), its
 * sections are written again.
 */
export async function writeCodeArticles(driver: Driver, code: { id: string; title: string; folder: string; legitext?: string }, records: CodeRecords, stored: StoredCode | undefined, info: { date: string | null; source: string }, onRows?: (count: number) => void): Promise<void> {
  const ids = records.articles.map((row) => row.id);
  await write(driver, `register ${code.id}`, async (tx) => {
    await tx.run(
      `MERGE (c:Code {id: $id}) SET c.title = $title, c.folder = $folder, c.legitext = $legitext, c.snapshotDate = $date, c.source = $source, c.articlesHash = null`,
      { id: code.id, title: code.title, folder: code.folder, legitext: code.legitext ?? null, date: info.date, source: info.source },
    );
  });
  // Only the ids that are placeholders: looking up all of a code's ids under two labels cost ~12 s for the 77 codes.
  const placeholders = new Set(await readRows<{ id: string }>(driver,
    `MATCH (e:ExternalArticle) WHERE e.code = $code RETURN e.id AS id
     UNION MATCH (u:UnresolvedTarget) WHERE u.code = $code RETURN u.id AS id`, { code: code.id }).then((rows) => rows.map((row) => row.id)));
  await inBatches(driver, `adopt the placeholders of ${code.id}`, ids.filter((id) => placeholders.has(id)),
    `UNWIND $rows AS id
     OPTIONAL MATCH (e:ExternalArticle {id: id})
     OPTIONAL MATCH (u:UnresolvedTarget {id: id})
     WITH [n IN [e, u] WHERE n IS NOT NULL] AS found
     UNWIND found AS n
     OPTIONAL MATCH (n)-[p:PART_OF]->()
     DELETE p
     WITH DISTINCT n
     REMOVE n:ExternalArticle, n:UnresolvedTarget, n.reason, n.candidates, n.textId
     SET n:Article`);
  await write(driver, `clear the table of contents of ${code.id}`, async (tx) => {
    await tx.run('MATCH (c:Code {id: $code})-[r:CONTAINS]->() DELETE r', { code: code.id });
    await tx.run('MATCH (s:Section {code: $code}) DETACH DELETE s', { code: code.id });
  });
  await inBatches(driver, `write the sections of ${code.id}`, records.sections, 'UNWIND $rows AS row CREATE (s:Section {id: row.id}) SET s += row.props', {}, onRows);
  for (const [fromLabel, toLabel] of [['Code', 'Section'], ['Section', 'Section']] as const) {
    const rows = records.contains.filter((edge) => edge.fromLabel === fromLabel && edge.toLabel === toLabel);
    await inBatches(driver, `write the table of contents of ${code.id}`, rows,
      `UNWIND $rows AS row MATCH (a:${fromLabel} {id: row.from}) MATCH (b:${toLabel} {id: row.to}) CREATE (a)-[:CONTAINS]->(b)`, {}, onRows);
  }
  // An article and its place in the table of contents in one statement: a second pass over
  // 150,000 articles to link them cost ~30 s. Larger batches: the full-text index pays per commit.
  const parentOf = new Map(records.contains.filter((edge) => edge.toLabel === 'Article').map((edge) => [edge.to, edge]));
  for (const parentLabel of ['Code', 'Section'] as const) {
    const rows = records.articles.filter((row) => parentOf.get(row.id)?.fromLabel === parentLabel).map((row) => ({ ...row, parent: parentOf.get(row.id)!.from }));
    await inBatches(driver, `write the articles of ${code.id}`, rows,
      `UNWIND $rows AS row MERGE (a:Article {id: row.id}) SET a += row.props
       WITH a, row MATCH (p:${parentLabel} {id: row.parent}) CREATE (p)-[:CONTAINS]->(a)`, {}, onRows, ARTICLE_BATCH_SIZE);
  }
  const kept = new Set(ids);
  const gone = [...(stored?.articleIds ?? [])].filter((id) => !kept.has(id));
  if (gone.length > 0) await retireArticles(driver, code.id, gone);
  await write(driver, `close the load of ${code.id}`, async (tx) => {
    await tx.run('MATCH (c:Code {id: $code}) SET c.articlesHash = $hash, c.articleCount = $count', { code: code.id, hash: records.hash, count: ids.length });
  });
}

/** Articles a refresh no longer finds: "absent from the code" where something cites them, else deleted. */
async function retireArticles(driver: Driver, code: string, ids: string[]): Promise<void> {
  await inBatches(driver, `retire the articles ${code} no longer has`, ids,
    `UNWIND $rows AS id MATCH (a:Article {id: id})
     OPTIONAL MATCH (a)-[out:CITES|CONTAINS]->() DELETE out
     WITH DISTINCT a
     CALL (a) {
       WITH a WHERE EXISTS { (a)<-[:CITES|MENTIONS]-() }
       REMOVE a:Article, a.text, a.html, a.searchText, a.sortKey
       SET a:UnresolvedTarget, a.reason = 'absent-from-code', a.candidates = []
     }
     WITH a WHERE a:Article
     DETACH DELETE a`);
}

/**
 * The CGCT's placeholders of articles a loaded code does not have: each becomes an unresolved
 * target "absent from the code", with that code's closest numbers, and the citations to it say why.
 */
export async function readPlaceholdersOf(driver: Driver, codes: string[]): Promise<Array<{ id: string; code: string; number: string }>> {
  return readRows(driver, 'MATCH (e:ExternalArticle) WHERE e.code IN $codes RETURN e.id AS id, e.code AS code, e.number AS number', { codes });
}

/** Turns placeholders into "absent from the code" targets (see readPlaceholdersOf). */
export async function markAbsent(driver: Driver, rows: Array<{ id: string; candidates: string[] }>): Promise<void> {
  await inBatches(driver, 'mark the articles absent from their code', rows,
    `UNWIND $rows AS row MATCH (e:ExternalArticle {id: row.id})
     OPTIONAL MATCH (e)-[p:PART_OF]->() DELETE p
     WITH DISTINCT e, row
     REMOVE e:ExternalArticle
     SET e:UnresolvedTarget, e.reason = 'absent-from-code', e.candidates = row.candidates
     WITH e
     MATCH ()-[r:CITES]->(e) SET r.reason = 'absent-from-code'`);
}

/** Writes one code's citations in place of those of its last load. */
export async function writeCodeCitations(driver: Driver, code: string, citations: CodeCitationRow[], hash: string, onRows?: (count: number) => void): Promise<void> {
  await write(driver, `clear the citations of ${code}`, async (tx) => {
    // The hash goes first: a run killed halfway leaves none, and the next run writes again.
    await tx.run('MATCH (c:Code {id: $code}) SET c.citationsHash = null', { code });
    await tx.run('MATCH (a:Article {code: $code})-[r:CITES]->() DELETE r', { code });
  });
  const nodes = new Map<string, CodeTarget>();
  for (const { target } of citations) {
    if (!target.props) continue;
    const key = `${target.label}|${target.id}`;
    const existing = nodes.get(key);
    // Of a text's rows, one that carries its Légifrance id (from a link) wins over those that do not.
    if (!existing || (existing.props?.legifranceId === undefined && target.props.legifranceId !== undefined)) nodes.set(key, target);
    else if (existing.partOfLegifranceId === undefined && target.partOfLegifranceId !== undefined) nodes.set(key, { ...existing, partOfLegifranceId: target.partOfLegifranceId });
  }
  for (const label of ['LegalText', 'ExternalArticle', 'UnresolvedTarget'] as const) {
    const rows = [...nodes.values()].filter((node) => node.label === label).map((node) => ({ id: node.id, props: node.props, partOf: node.partOf ?? null }));
    // ON CREATE only: a text or an article of a law named by the CGCT keeps the title the CGCT gave it;
    // but a text the CGCT named without a link takes the Légifrance id another code's link gives.
    const fillId = label === 'LegalText' ? ' ON MATCH SET n.legifranceId = coalesce(n.legifranceId, row.props.legifranceId)' : '';
    await inBatches(driver, `write the targets of ${code}`, rows, `UNWIND $rows AS row MERGE (n:${label} {id: row.id}) ON CREATE SET n += row.props${fillId}`);
  }
  const partOf = [...nodes.values()].filter((node) => node.partOf)
    .map((node) => ({ id: node.id, text: node.partOf, kind: textKindOf(node.partOf!), legifranceId: node.partOfLegifranceId ?? null }));
  await inBatches(driver, `link the external articles of ${code}`, partOf,
    `UNWIND $rows AS row MATCH (e:ExternalArticle {id: row.id})
     MERGE (t:LegalText {id: row.text}) ON CREATE SET t.title = row.text, t.kind = row.kind
     SET t.legifranceId = coalesce(t.legifranceId, row.legifranceId)
     MERGE (e)-[:PART_OF]->(t)`);
  for (const label of ['Article', 'LegalText', 'ExternalArticle', 'UnresolvedTarget'] as const) {
    const rows = citations.filter((citation) => citation.target.label === label).map((citation) => ({ from: citation.from, to: citation.target.id, props: citation.props }));
    await inBatches(driver, `write the citations of ${code}`, rows,
      `UNWIND $rows AS row MATCH (a:Article {id: row.from}) MATCH (b:${label} {id: row.to}) CREATE (a)-[r:CITES]->(b) SET r = row.props`, {}, onRows);
  }
  await write(driver, `close the citations of ${code}`, async (tx) => {
    await tx.run('MATCH (c:Code {id: $code}) SET c.citationsHash = $hash', { code, hash });
  });
}
