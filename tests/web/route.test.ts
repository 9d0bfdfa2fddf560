import { describe, expect, it } from 'vitest';
import { createDefaultGraphState, formatRoute, parseRoute } from '../../web/src/route.ts';

describe('routes', () => {
  it('gives an article the address /articles/<id> when the graph has its default settings', () => {
    expect(formatRoute({ view: 'article', id: 'L1115-1', graph: createDefaultGraphState() })).toBe('/articles/L1115-1');
  });

  it('round-trips every setting of the graph panel through the query string', () => {
    const route = {
      view: 'article' as const,
      id: 'L5210-1-1 A',
      graph: { depth: 2, direction: 'OUTGOING' as const, types: ['CITES' as const, 'MODIFIED_BY' as const], layout: 'dagre' as const, expanded: ['L2131-1', 'L3131-1'], folded: ['chapitre:L2224'], pathTo: 'L4142-1' },
    };
    const url = new URL(formatRoute(route), 'http://x');
    expect(url.pathname).toBe('/articles/L5210-1-1-A');
    expect(parseRoute(url.pathname, url.search)).toEqual(route);
  });

  it('writes a number\'s suffix after a dash, and reads the dash, the old %20 and other notations back to the id', () => {
    expect(formatRoute({ view: 'article', id: 'R2131-1 A', graph: createDefaultGraphState() })).toBe('/articles/R2131-1-A');
    expect(formatRoute({ view: 'article', id: 'L2333-55-1 bis', graph: createDefaultGraphState() })).toBe('/articles/L2333-55-1-bis');
    expect(parseRoute('/articles/R2131-1-A', '')).toMatchObject({ id: 'R2131-1 A' });
    expect(parseRoute('/articles/R2131-1%20A', '')).toMatchObject({ id: 'R2131-1 A' });
    expect(parseRoute('/articles/L2333-55-1-bis', '')).toMatchObject({ id: 'L2333-55-1 bis' });
    // Plain numbers, annexes and ids outside the grammar are left as they are.
    expect(parseRoute('/articles/L2131-1-1', '')).toMatchObject({ id: 'L2131-1-1' });
    expect(formatRoute({ view: 'article', id: 'Annexe X-I', graph: createDefaultGraphState() })).toBe('/articles/Annexe%20X-I');
    expect(formatRoute({ view: 'article', id: 'Rubrique 2', graph: createDefaultGraphState() })).toBe('/articles/Rubrique%202');
  });

  it('gives the table of contents /sommaire, opened at a section /sommaire/<its id>, another code\'s under /codes/<code>', () => {
    expect(formatRoute({ view: 'toc' })).toBe('/sommaire');
    expect(parseRoute('/sommaire/', '')).toEqual({ view: 'toc' });
    const chapter = { view: 'toc' as const, section: 'L/2/1/3/1/section-1', asOf: '2010-01-01' };
    expect(formatRoute(chapter)).toBe('/sommaire/L/2/1/3/1/section-1?date=2010-01-01');
    expect(parseRoute('/sommaire/L/2/1/3/1/section-1', '?date=2010-01-01')).toEqual(chapter);
    // Another code's section ids start with its code, which the address names once.
    const other = { view: 'toc' as const, code: 'code-de-lurbanisme', section: 'code-de-lurbanisme/partie-legislative/livre-ier' };
    expect(formatRoute(other)).toBe('/codes/code-de-lurbanisme/sommaire/partie-legislative/livre-ier');
    expect(parseRoute('/codes/code-de-lurbanisme/sommaire/partie-legislative/livre-ier', '')).toEqual(other);
    expect(parseRoute('/codes/code-general-des-collectivites-territoriales/sommaire', '')).toEqual({ view: 'toc' });
  });

  it('gives an article\'s permalink /legiarti/<its Légifrance id>', () => {
    expect(formatRoute({ view: 'legiarti', id: 'LEGIARTI000006389099' })).toBe('/legiarti/LEGIARTI000006389099');
    expect(parseRoute('/legiarti/LEGIARTI000006389099', '')).toEqual({ view: 'legiarti', id: 'LEGIARTI000006389099' });
  });

  it('keeps the date the code is read at in the address, and drops dates that do not exist', () => {
    const route = { view: 'article' as const, id: 'L2131-1', asOf: '2005-06-01', graph: createDefaultGraphState() };
    expect(formatRoute(route)).toBe('/articles/L2131-1?date=2005-06-01');
    expect(parseRoute('/articles/L2131-1', '?date=2005-06-01')).toEqual(route);
    expect(parseRoute('/articles/L2131-1', '?date=2005-02-30')).toEqual({ view: 'article', id: 'L2131-1', graph: createDefaultGraphState() });
  });

  it('falls back to defaults for settings out of range', () => {
    const route = parseRoute('/articles/R*2334-3', '?profondeur=9&sens=SIDEWAYS&types=CITES,NOPE&disposition=circle');
    expect(route).toEqual({ view: 'article', id: 'R*2334-3', graph: { ...createDefaultGraphState(), types: ['CITES'] } });
  });

  it('reads the search page and the home page', () => {
    expect(parseRoute('/recherche', '?q=d%C3%A9lib%C3%A9ration')).toEqual({ view: 'search', query: 'délibération' });
    expect(formatRoute({ view: 'search', query: 'L. 2131' })).toBe('/recherche?q=L.+2131');
    expect(parseRoute('/', '')).toEqual({ view: 'home' });
  });

  it('gives the list of unresolved references the address /renvois-non-resolus, with or without a final slash', () => {
    expect(formatRoute({ view: 'unresolved' })).toBe('/renvois-non-resolus');
    expect(parseRoute('/renvois-non-resolus', '')).toEqual({ view: 'unresolved' });
    expect(parseRoute('/renvois-non-resolus/', '?apres=x')).toEqual({ view: 'unresolved' });
    // A longer path is not that page: it falls back to the home page like any unknown address.
    expect(parseRoute('/renvois-non-resolus/L1115-9', '')).toEqual({ view: 'home' });
  });

  it('gives the amendments of a period the address /modifications?du=…&au=…, dropping dates that do not exist', () => {
    const route = { view: 'changes' as const, since: '2024-01-01', until: '2024-12-31' };
    expect(formatRoute(route)).toBe('/modifications?du=2024-01-01&au=2024-12-31');
    expect(parseRoute('/modifications', '?du=2024-01-01&au=2024-12-31')).toEqual(route);
    expect(formatRoute({ view: 'changes' })).toBe('/modifications');
    expect(parseRoute('/modifications/', '?du=2024-02-30&au=demain')).toEqual({ view: 'changes' });
  });
  it('gives another code\'s article its code\'s address, and reads it back', () => {
    const route = parseRoute('/codes/code-de-lurbanisme/articles/L300-5', '?date=2010-01-01');
    expect(route).toMatchObject({ view: 'article', id: 'code-de-lurbanisme:L300-5', asOf: '2010-01-01' });
    expect(formatRoute(route)).toBe('/codes/code-de-lurbanisme/articles/L300-5?date=2010-01-01');
    expect(formatRoute({ view: 'article', id: 'code-general-des-impots-cgi:1609 nonies C', graph: createDefaultGraphState() })).toBe('/codes/code-general-des-impots-cgi/articles/1609%20nonies%20C');
    // The CGCT's folder names the CGCT: its articles keep their short address.
    expect(parseRoute('/codes/code-general-des-collectivites-territoriales/articles/L1115-1', '')).toMatchObject({ id: 'L1115-1' });
  });
});
