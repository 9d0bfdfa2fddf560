import { describe, expect, it } from 'vitest';
import { createCodeLookup, resolveCodeReference } from '../../../ingest/codes/resolve-code-references.ts';
import type { Reference } from '../../../ingest/types.ts';

const lookup = () => createCodeLookup(
  new Map([
    ['code-de-lurbanisme', new Set(['L300-1', 'L300-4', 'L300-5', 'L300-5-1', 'L300-6'])],
    ['code-du-travail', new Set(['L2131-1', 'L2131-2'])],
    ['code-de-la-securite-interieure', new Set(['L321-1', 'L321-2'])],
  ]),
  { inForce: new Set(['L2131-1', 'L1523-2']), later: new Set(['L1111-99']), ever: new Set(['L2131-1', 'L1523-2', 'L1111-99', 'L1114-1']) },
);

const reference = (code: string, target?: string, rangeEnd?: string): Reference =>
  ({ code, ...(target ? { target } : {}), kind: rangeEnd ? 'range' : 'single', ...(rangeEnd ? { rangeEnd } : {}), start: 0, end: 10, via: 'text' });

describe('resolving the references of the codes', () => {
  it('leads a named code\'s article to that article', () => {
    expect(resolveCodeReference(lookup(), 'CGCT', reference("code de l'urbanisme", 'L300-5'))).toEqual([{ label: 'Article', id: 'code-de-lurbanisme:L300-5' }]);
    expect(resolveCodeReference(lookup(), 'code-du-travail', reference('CSI', 'L. 321-1'))).toEqual([{ label: 'Article', id: 'code-de-la-securite-interieure:L321-1' }]);
  });

  it('keeps the same number in two codes apart: the own code\'s and the CGCT\'s L2131-1', () => {
    expect(resolveCodeReference(lookup(), 'code-du-travail', reference('code-du-travail', 'L2131-1'))).toEqual([{ label: 'Article', id: 'code-du-travail:L2131-1' }]);
    expect(resolveCodeReference(lookup(), 'code-du-travail', reference('CGCT', 'L2131-1'))).toEqual([{ label: 'Article', id: 'L2131-1' }]);
  });

  it('says an article a loaded code lacks is absent from it, with that code\'s closest numbers and none of the CGCT\'s', () => {
    const [target] = resolveCodeReference(lookup(), 'CGCT', reference("code de l'urbanisme", 'L300-7'));
    expect(target).toMatchObject({ label: 'UnresolvedTarget', id: 'code-de-lurbanisme:L300-7', reason: 'absent-from-code' });
    const candidates = target!.props!.candidates as string[];
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.every((id) => id.startsWith('code-de-lurbanisme:'))).toBe(true);
  });

  it('expands a range within the named code, in its order', () => {
    expect(resolveCodeReference(lookup(), 'CGCT', reference("code de l'urbanisme", 'L300-4', 'L300-6')).map((target) => target.id))
      .toEqual(['code-de-lurbanisme:L300-4', 'code-de-lurbanisme:L300-5', 'code-de-lurbanisme:L300-5-1', 'code-de-lurbanisme:L300-6']);
  });

  it('tells why a CGCT number is not there on the codes\' date', () => {
    expect(resolveCodeReference(lookup(), 'code-du-travail', reference('CGCT', 'L1114-1'))[0]).toMatchObject({ label: 'UnresolvedTarget', reason: 'repealed' });
    expect(resolveCodeReference(lookup(), 'code-du-travail', reference('CGCT', 'L1111-99'))[0]).toMatchObject({ label: 'UnresolvedTarget', reason: 'not-yet-in-force' });
  });

  it('points a law, or a code not loaded, to the text\'s node', () => {
    expect(resolveCodeReference(lookup(), 'CGCT', reference('loi n° 83-8 du 7 janvier 1983', '6'))).toEqual([
      { label: 'ExternalArticle', id: 'loi n° 83-8 du 7 janvier 1983|6', partOf: 'loi n° 83-8 du 7 janvier 1983', props: { textId: 'loi n° 83-8 du 7 janvier 1983', number: '6' } },
    ]);
    expect(resolveCodeReference(lookup(), 'CGCT', reference('code des marchés publics', '28'))[0]).toMatchObject({ label: 'ExternalArticle', id: 'code des marchés publics|28' });
    expect(resolveCodeReference(lookup(), 'CGCT', reference('code civil', '1240'))[0]).toMatchObject({ label: 'ExternalArticle', id: 'code-civil:1240' });
  });

  it('carries the Légifrance id a link gives to the text, for the text and for its article\'s text', () => {
    const linked = (target?: string): Reference => ({ ...reference('loi n° 84-53 du 26 janvier 1984', target), textLegifranceId: 'JORFTEXT000000320434' });
    expect(resolveCodeReference(lookup(), 'code-de-lurbanisme', linked())).toEqual([
      { label: 'LegalText', id: 'loi n° 84-53 du 26 janvier 1984', props: { kind: 'loi', title: 'loi n° 84-53 du 26 janvier 1984', legifranceId: 'JORFTEXT000000320434' } },
    ]);
    expect(resolveCodeReference(lookup(), 'code-de-lurbanisme', linked('88-2'))[0]).toMatchObject({
      label: 'ExternalArticle', partOf: 'loi n° 84-53 du 26 janvier 1984', partOfLegifranceId: 'JORFTEXT000000320434',
    });
    // No link, no id: nothing that could erase the one another article's link gave.
    expect(resolveCodeReference(lookup(), 'CGCT', reference('loi n° 84-53 du 26 janvier 1984'))[0]!.props).not.toHaveProperty('legifranceId');
  });
});
