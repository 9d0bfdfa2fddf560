/**
 * Constraints and indexes of the graph (see graph-schema/README.md), applied idempotently at
 * start-up by apply-schema.ts: constraints before data, so every MERGE of the ingest is an index
 * look-up rather than a label scan.
 */
export const SCHEMA_STATEMENTS: string[] = [
  // Keys: one node per article, section, text, external article, unresolved target, document.
  'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT article_version_id IF NOT EXISTS FOR (n:ArticleVersion) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT section_id IF NOT EXISTS FOR (n:Section) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT code_id IF NOT EXISTS FOR (n:Code) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT legal_text_id IF NOT EXISTS FOR (n:LegalText) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT external_article_id IF NOT EXISTS FOR (n:ExternalArticle) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT unresolved_target_id IF NOT EXISTS FOR (n:UnresolvedTarget) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT amendment_id IF NOT EXISTS FOR (n:Amendment) REQUIRE n.id IS UNIQUE',
  // One writer at a time (ingest/graph/ingest-lock.ts): the unique key makes concurrent MERGEs of the lock safe.
  'CREATE CONSTRAINT ingest_lock_key IF NOT EXISTS FOR (n:IngestLock) REQUIRE n.key IS UNIQUE',
  // The one revision node every write transaction touches (graph-revision.ts).
  'CREATE CONSTRAINT graph_revision_key IF NOT EXISTS FOR (n:GraphRevision) REQUIRE n.key IS UNIQUE',
  // Another code's article is also keyed by its code and number ("code-de-lurbanisme", "L300-5");
  // the CGCT's articles carry no code property, so the constraint holds for the other codes.
  'CREATE CONSTRAINT article_code_number IF NOT EXISTS FOR (n:Article) REQUIRE (n.code, n.number) IS UNIQUE',
  'CREATE INDEX article_code IF NOT EXISTS FOR (n:Article) ON (n.code)',
  // Search by number in every code: "L2131-1" is also the code du travail's.
  'CREATE INDEX article_number IF NOT EXISTS FOR (n:Article) ON (n.number)',
  'CREATE INDEX section_code IF NOT EXISTS FOR (n:Section) ON (n.code)',
  'CREATE INDEX external_article_code IF NOT EXISTS FOR (n:ExternalArticle) ON (n.code)',
  // Order of the code (previous / next, ranges) and lookups by status and validity ("as of" a date).
  'CREATE INDEX article_sort_key IF NOT EXISTS FOR (n:Article) ON (n.sortKey)',
  'CREATE INDEX article_status IF NOT EXISTS FOR (n:Article) ON (n.status)',
  // The permalink /legiarti/LEGIARTI000006389099 finds its article by the Légifrance id.
  'CREATE INDEX article_legiarti IF NOT EXISTS FOR (n:Article) ON (n.legiarti)',
  'CREATE INDEX article_version_validity IF NOT EXISTS FOR (n:ArticleVersion) ON (n.articleId, n.validFrom)',
  'CREATE INDEX cites_valid_from IF NOT EXISTS FOR ()-[r:CITES]-() ON (r.validFrom)',
  'CREATE INDEX cites_valid_to IF NOT EXISTS FOR ()-[r:CITES]-() ON (r.validTo)',
  // The `changes` query: amendments in a date range, in date order.
  'CREATE INDEX amendment_date IF NOT EXISTS FOR (n:Amendment) ON (n.date)',
  // Words: French analyzer (stemming, stop words); `searchText` is an accent-folded copy of the
  // text so that "deliberation" finds "délibération".
  "CREATE FULLTEXT INDEX article_text IF NOT EXISTS FOR (n:Article) ON EACH [n.title, n.text, n.searchText] OPTIONS { indexConfig: { `fulltext.analyzer`: 'french' } }",
  "CREATE FULLTEXT INDEX section_title IF NOT EXISTS FOR (n:Section) ON EACH [n.title] OPTIONS { indexConfig: { `fulltext.analyzer`: 'french' } }",
];
