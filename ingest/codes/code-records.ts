/**
 * The rows one code's articles become (pure): its `:Article` nodes keyed "<code>:<number>", its
 * sections keyed "<code>/<folders>" with the accents their slugs lost restored from the code's own
 * words, and the table of contents that links them. Citations come later, once every code is read
 * (resolve-code-references.ts), since an article may cite a code read after its own.
 */
import { createHash } from 'node:crypto';
import { buildAccentDictionary, restoreAccents } from '../parsing/restore-accents.ts';
import { foldAccents } from '../graph/to-graph-records.ts';
import type { Article } from '../types.ts';
import { codeSortKeyString } from './code-article-order.ts';
import { splitArticleKey, type CodeEntry } from './code-registry.ts';

/** The label of the facts the codes' source gives, in an article's or a citation's `sources`. */
export const CODES_SOURCE = 'all-codes';

/** One code's rows. */
export interface CodeRecords {
  articles: Array<{ id: string; props: Record<string, unknown> }>;
  sections: Array<{ id: string; props: Record<string, unknown> }>;
  /** Table of contents: the code or a section → a section or an article. */
  contains: Array<{ fromLabel: 'Code' | 'Section'; from: string; toLabel: 'Section' | 'Article'; to: string }>;
  /** sha256 of every row: equal when a refresh would write nothing. */
  hash: string;
}

/** The rows of one code's articles, as of `date` (null: a folder without a date). */
export function toCodeRecords(code: CodeEntry, articles: Article[], date: string | null): CodeRecords {
  const accents = buildAccentDictionary(articles.map((article) => article.text));
  const sections = new Map<string, { id: string; props: Record<string, unknown> }>();
  const contains: CodeRecords['contains'] = [];
  const containsSeen = new Set<string>();
  const link = (edge: CodeRecords['contains'][number]) => {
    const key = `${edge.from}>${edge.to}`;
    if (containsSeen.has(key)) return;
    containsSeen.add(key);
    contains.push(edge);
  };
  const rows = articles.map((article) => {
    const number = splitArticleKey(article.id).number;
    const sortKey = codeSortKeyString(code.id, number);
    let parent: { label: 'Code' | 'Section'; id: string } = { label: 'Code', id: code.id };
    article.toc.forEach((level, depth) => {
      const known = sections.get(level.id);
      // A section sorts as its first article: ORDER BY sortKey lists siblings in the code's order.
      if (!known) sections.set(level.id, { id: level.id, props: { code: code.id, kind: level.kind, title: restoreAccents(level.title, accents), titleRank: 2, depth: depth + 1, sortKey } });
      else if ((known.props.sortKey as string) > sortKey) known.props.sortKey = sortKey;
      link({ fromLabel: parent.label, from: parent.id, toLabel: 'Section', to: level.id });
      parent = { label: 'Section', id: level.id };
    });
    link({ fromLabel: parent.label, from: parent.id, toLabel: 'Article', to: article.id });
    return {
      id: article.id,
      props: {
        code: code.id,
        number,
        printedNumber: article.number,
        part: article.part,
        status: 'in-force',
        text: article.text,
        html: article.html,
        searchText: foldAccents(article.text),
        sortKey,
        sources: [CODES_SOURCE],
        textSource: CODES_SOURCE,
        sourceFile: article.sourceFile,
        contentHash: article.contentHash,
        snapshotDate: date,
      },
    };
  });
  const records = { articles: rows, sections: [...sections.values()], contains };
  return { ...records, hash: hashOf(records) };
}

/** sha256 of rows, to tell whether a refresh changes anything. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
