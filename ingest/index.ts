// The ingest's public surface: the pipeline's entry points and its records (see README.md, "Layout").
export { normalizeArticleId, compareArticleIds, articleSortKeyString, partOfArticle, type CodePart } from './article-id.ts';
export { normalizeTextName, textKindOf, THIS_CODE } from './references/text-name.ts';
export { readSource, parseSourceSpec, SourceError, type SourceFile, type SourceSpec } from './sources/read-source.ts';
export { listCommits, type CommitInfo } from './sources/list-commits.ts';
export { parseFile } from './parsing/parse-file.ts';
export { extractReferences } from './references/extract-references.ts';
export { mergeLinkReferences } from './references/merge-link-references.ts';
export { resolveReferences } from './references/resolve-references.ts';
export { runExtraction, extractFromSources, type ExtractionResult } from './references/run-extraction.ts';
export { toGraphRecords, type SourceSnapshot } from './graph/to-graph-records.ts';
export { planGraphChanges, type GraphChangePlan } from './graph/plan-graph-changes.ts';
export { applyGraphChanges, readGraphState } from './graph/write-graph.ts';
export { runIngest, IngestRefusedError, type SourceIngestReport } from './run-ingest.ts';
export { runReplay, type ReplayReport, type AmendmentChangeSet } from './history/run-replay.ts';
export { diffParagraphs } from './history/diff-paragraphs.ts';
export type * from './types.ts';
