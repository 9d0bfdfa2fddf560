// An unresolved target named only in "Liens relatifs" gets the same reason a text reference would,
// and gives way to the text's resolution of the same number, which carries the likely articles.
import { describe, expect, it } from 'vitest';
import { toGraphRecords } from '../../../ingest/graph/to-graph-records.ts';
import type { Article, RelatedLink, ResolvedReference } from '../../../ingest/types.ts';

function article(id: string, relatedLinks: RelatedLink[] = []): Article {
  return {
    id, number: id, code: 'CGCT', part: id.startsWith('R') ? 'regulatory' : 'legislative', toc: [], text: `Texte de ${id}.`, html: `<p>Texte de ${id}.</p>`,
    status: 'in-force', links: [], relatedLinks, sourceFile: `${id}.md`, sourceFormat: 'liens-relatifs-md', contentHash: id,
  };
}

const cites = (target: string): RelatedLink => ({ type: 'cites', heading: 'Cite', textTitle: 'Code général des collectivités territoriales', textId: 'CGCT', article: target, line: 3 });

function unresolvedReference(from: string, target: string): ResolvedReference {
  return { from, target, code: 'CGCT', kind: 'single', start: 0, end: 5, via: 'text', targets: [], resolution: 'unresolved', reason: 'never-existed', candidates: ['L5211-3'] };
}

function unresolvedTarget(records: ReturnType<typeof toGraphRecords>, number: string) {
  return records.nodes.find((node) => node.label === 'UnresolvedTarget' && node.props.number === number)?.props;
}

describe('unresolved targets from "Liens relatifs"', () => {
  it('calls a well-formed CGCT number that no article has "never-existed", another one "not-in-code"', () => {
    const records = toGraphRecords({ source: 'lexlib', date: '2026-01-01', articles: [article('L2336-3', [cites('L5211-30'), cites('L115-1')])], documents: [], references: [] });
    expect(unresolvedTarget(records, 'L5211-30')).toMatchObject({ reason: 'never-existed', candidates: [] });
    expect(unresolvedTarget(records, 'L115-1')).toMatchObject({ reason: 'not-in-code' });
  });

  it('takes the text resolution of the same number, with its likely articles, even from a later article', () => {
    const records = toGraphRecords({
      source: 'lexlib', date: '2026-01-01',
      articles: [article('L2336-3', [cites('L5211-30')]), article('R5211-12-1')],
      documents: [], references: [unresolvedReference('R5211-12-1', 'L5211-30')],
    });
    expect(unresolvedTarget(records, 'L5211-30')).toMatchObject({ reason: 'never-existed', candidates: ['L5211-3'] });
  });
});
