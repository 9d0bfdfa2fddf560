import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { extractReferences } from '../../../ingest/references/extract-references.ts';
import { resolveReferences } from '../../../ingest/references/resolve-references.ts';
import { partOfArticle } from '../../../ingest/article-id.ts';
import type { Article, Reference } from '../../../ingest/types.ts';

function createArticle(id: string, extra: Partial<Article> = {}): Article {
  return {
    id, number: id, code: 'CGCT', part: partOfArticle(id), toc: [], text: '', html: '', status: 'in-force',
    links: [], relatedLinks: [], sourceFile: `${id}.md`, sourceFormat: 'etalab-md', contentHash: id, ...extra,
  };
}

const IDS = ['L1115-1', 'L1115-2', 'L1215-1', 'L2131-1', 'L2131-2', 'L2131-2-1', 'L2131-3', 'L2131-5', 'L2131-6', 'R2131-1', 'R2131-4', 'LO1112-1', 'L5210-1-1 A', 'L5210-1-1', 'L5210-1-2'];
const articles = IDS.map((id) => createArticle(id));
const ref = (target: string | undefined, extra: Partial<Reference> = {}): Reference => ({ ...(target ? { target } : {}), code: 'CGCT', kind: 'single', start: 0, end: 1, via: 'text', ...extra });
const resolveOne = (reference: Reference, repealedIds?: Set<string>, extraArticles: Article[] = []) =>
  resolveReferences({ articles: [...articles, ...extraArticles], references: [{ from: 'L9999-1', references: [reference] }], repealedIds })[0]!;

describe('resolveReferences', () => {
  it('resolves an existing CGCT article', () => {
    expect(resolveOne(ref('L2131-1'))).toMatchObject({ from: 'L9999-1', resolution: 'resolved', targets: ['L2131-1'] });
  });

  it('expands a range in the order of the code, inserted articles included, other parts left out', () => {
    const resolved = resolveOne(ref('L2131-1', { kind: 'range', rangeEnd: 'L2131-5' }));
    expect(resolved.targets).toEqual(['L2131-1', 'L2131-2', 'L2131-2-1', 'L2131-3', 'L2131-5']);
  });

  it('expands a range with a lettered inserted article before its base', () => {
    const resolved = resolveOne(ref('L5210-1-1 A', { kind: 'range', rangeEnd: 'L5210-1-2' }));
    expect(resolved.targets).toEqual(['L5210-1-1 A', 'L5210-1-1', 'L5210-1-2']);
  });

  it('keeps the articles of another text external', () => {
    expect(resolveOne(ref('L211-7', { code: "code de l'environnement" }))).toMatchObject({ resolution: 'external', targets: [] });
  });

  it('reports a repealed article as such, with candidates', () => {
    const resolved = resolveOne(ref('L2131-4'), new Set(['L2131-4']));
    expect(resolved).toMatchObject({ resolution: 'unresolved', reason: 'repealed' });
    expect(resolved.candidates).toContain('L2131-3');
  });

  it('reports an article read with a repealed status as repealed', () => {
    expect(resolveOne(ref('L2131-9'), undefined, [createArticle('L2131-9', { status: 'repealed' })]).reason).toBe('repealed');
  });

  it("reports a well-formed CGCT number nobody has as 'never-existed'", () => {
    expect(resolveOne(ref('L2131-40'))).toMatchObject({ resolution: 'unresolved', reason: 'never-existed' });
  });

  it("reports a number the CGCT cannot have as 'not-in-code'", () => {
    expect(resolveOne(ref('L44')).reason).toBe('not-in-code');
  });

  it('resolves the LEGIARTI of an old Légifrance link to the article that carries it', () => {
    const withId = createArticle('L2131-6', { legiarti: 'LEGIARTI000006389019' });
    const resolved = resolveOne(ref(undefined, { code: 'LEGIARTI000006389019', legiId: 'LEGIARTI000006389019', via: 'link' }), undefined, [withId]);
    expect(resolved).toMatchObject({ resolution: 'resolved', targets: ['L2131-6'], code: 'CGCT' });
  });

  it('reads the guide (seed 001): "L.115-1" unresolved, L1115-1 the first candidate', () => {
    const dir = '../shared/seeds';
    const guide = readFileSync(`${dir}/${readdirSync(dir).find((name) => name.startsWith('001_'))!}`, 'utf8');
    const resolved = resolveReferences({ articles, references: [{ from: 'doc:guide', references: extractReferences(guide) }] });
    const typo = resolved.find((r) => r.target === 'L115-1')!;
    expect(typo).toMatchObject({ resolution: 'unresolved', reason: 'not-in-code' });
    expect(typo.candidates![0]).toBe('L1115-1');
    expect(resolved.filter((r) => r.resolution === 'external').map((r) => r.code)).toEqual(["loi d'orientation du 6 février 1992", 'loi thiollière du 2 février 2007']);
  });
});
