/**
 * "Vouliez-vous dire": for a number that names no article ("L.115-1", seed 001's typo for
 * L. 1115-1), the closest existing numbers of the same code, chosen as the ingest chooses the
 * candidates of an unresolved reference (ingest/references/suggest-article-ids.ts: typo variants,
 * then edit distance). One index per code, rebuilt when the graph's revision changes (the other
 * codes load in the background after the CGCT).
 */
import { articleKey, splitArticleKey } from '../ingest/codes/code-registry.ts';
import { createSuggestionIndex, suggestArticleIds, type SuggestionIndex } from '../ingest/references/suggest-article-ids.ts';
import type { GraphRepository } from './graph-repository.ts';

/** Most suggestions offered for one search. */
const MAX_SUGGESTIONS = 5;

/** Suggests existing keys for keys that do not exist. */
export interface ArticleSuggester {
  /** Up to five existing keys close to the given ones, the likeliest first. */
  suggest(keys: string[]): Promise<string[]>;
}

type KeySource = Pick<GraphRepository, 'getGraphRevision' | 'getArticleKeys'>;

const suggesters = new WeakMap<KeySource, ArticleSuggester>();

/** The suggester of a repository, kept for the server's life. */
export function suggesterOf(repository: KeySource): ArticleSuggester {
  let suggester = suggesters.get(repository);
  if (!suggester) suggesters.set(repository, (suggester = createArticleSuggester(repository)));
  return suggester;
}

/** A suggester whose indexes follow the graph's revision. */
export function createArticleSuggester(repository: KeySource): ArticleSuggester {
  let revision: string | undefined;
  let indexes = new Map<string, Promise<SuggestionIndex>>();
  const indexOf = (code: string): Promise<SuggestionIndex> => {
    let index = indexes.get(code);
    if (!index) {
      // By number within the code: the index buckets "L115-1" by its letters and digits, which a key's "code:" would hide.
      index = repository.getArticleKeys(code).then((keys) => {
        const built = createSuggestionIndex(keys.map((key) => splitArticleKey(key).number), undefined, Number.POSITIVE_INFINITY);
        // A server answers anyone: no memo of past targets growing without end.
        built.computed = undefined;
        built.budget = undefined;
        return built;
      });
      index.catch(() => indexes.delete(code));
      indexes.set(code, index);
    }
    return index;
  };
  return {
    async suggest(keys) {
      const current = await repository.getGraphRevision();
      if (current !== revision) {
        revision = current;
        indexes = new Map();
      }
      const found: string[] = [];
      for (const key of keys) {
        const { code, number } = splitArticleKey(key);
        for (const suggested of suggestArticleIds(await indexOf(code), number)) {
          const suggestedKey = articleKey(code, suggested);
          if (!found.includes(suggestedKey) && !keys.includes(suggestedKey)) found.push(suggestedKey);
        }
      }
      return found.slice(0, MAX_SUGGESTIONS);
    },
  };
}
