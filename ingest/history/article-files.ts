/**
 * The article files of a corpus as its commits change them, in memory: which file holds which
 * article number, and the article a number stands for (the copy in force before a repealed one,
 * then the first path: cgct-legifrance-md has two r4422-2.md in different sections). Shared by the
 * history build (build-timelines.ts) and the amendments applied on top of it (apply-amendment.ts).
 */
import type { Article, IngestMessage } from '../types.ts';
import type { FileChange } from './read-history.ts';

/** Parses one file version; `article` is absent when the file is not an article or is rejected (with messages). */
export type ParseVersion = (path: string, sha: string) => { article?: Article; messages: IngestMessage[] };

const ARTICLE_FILE = /\.(md|markdown|txt|html?)$/i;
const README = /(^|\/)README\.md$/i;

/** The article files of a corpus at one commit. */
export class ArticleFiles {
  /** What each article file holds: its blob and parsed article (kept when a later version of the file is rejected). */
  private readonly files = new Map<string, { sha: string; article: Article | undefined }>();
  /** The files holding each article number now. */
  private readonly pathsById = new Map<string, Set<string>>();

  /** Applies one commit's file changes; returns the numbers touched, the renamed numbers and the parse messages. */
  applyChanges(changes: FileChange[], parse: ParseVersion): { touched: Set<string>; renamed: Array<{ from: string; to: string }>; messages: IngestMessage[] } {
    const touched = new Set<string>();
    const renamed: Array<{ from: string; to: string }> = [];
    const messages: IngestMessage[] = [];
    for (const change of changes) {
      if (README.test(change.path) || !ARTICLE_FILE.test(change.path)) continue;
      const removed = change.status === 'D' ? change.path : change.status === 'R' ? change.oldPath! : undefined;
      const removedId = removed ? this.remove(removed) : undefined;
      if (removedId) touched.add(removedId);
      if (change.status === 'D') continue;
      const previous = this.files.get(change.path);
      const previousId = this.remove(change.path);
      if (previousId) touched.add(previousId);
      const parsed = parse(change.path, change.sha!);
      messages.push(...parsed.messages);
      // A rejected version of a file keeps the text the file had: nothing valid is lost.
      const article = parsed.article ?? (parsed.messages.some((message) => message.severity === 'error') ? previous?.article : undefined);
      this.files.set(change.path, { sha: change.sha!, article });
      if (!article) continue;
      if (!this.pathsById.has(article.id)) this.pathsById.set(article.id, new Set());
      this.pathsById.get(article.id)!.add(change.path);
      touched.add(article.id);
      // A file moving to another number is the text renumbered (l1114-1.md → l1115-1.md).
      const oldId = change.status === 'R' ? (removedId ?? idOfPath(change.oldPath!)) : undefined;
      if (oldId && oldId !== article.id) renamed.push({ from: oldId, to: article.id });
    }
    return { touched, renamed, messages };
  }

  /** The article a number stands for now, or null when no file holds it. */
  current(id: string): Article | null {
    const paths = this.pathsById.get(id);
    if (!paths || paths.size === 0) return null;
    const articles = [...paths].sort().map((path) => this.files.get(path)?.article).filter((article): article is Article => article !== undefined);
    return articles.find((article) => article.status !== 'repealed') ?? articles[0] ?? null;
  }

  /** Every number some file holds now. */
  ids(): string[] {
    return [...this.pathsById].filter(([, paths]) => paths.size > 0).map(([id]) => id);
  }

  private remove(path: string): string | undefined {
    const before = this.files.get(path);
    this.files.delete(path);
    const id = before?.article?.id;
    if (id) this.pathsById.get(id)?.delete(path);
    return id;
  }
}

/** The number a file name spells ("l1114-1.md" → "L1114-1"), for a renamed file whose old version was never parsed. */
function idOfPath(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(ARTICLE_FILE, '').toUpperCase();
  return /^[A-Z]+\*?\d/.test(name) ? name : undefined;
}
