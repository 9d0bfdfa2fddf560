import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtmlPage } from '../../../ingest/parsing/parse-html-page.ts';

const readFixture = (name: string) => readFileSync(new URL(`../../fixtures/html-page/${name}`, import.meta.url), 'utf8');

describe('parseHtmlPage', () => {
  it('takes the number from the <h1> and the body from the content, without navigation or footer', () => {
    const { article, messages } = parseHtmlPage('article-l2131-1.html', readFixture('article-l2131-1.html'));
    expect(messages).toEqual([]);
    expect(article).toMatchObject({ id: 'L2131-1', number: 'L2131-1', part: 'legislative', sourceFormat: 'html-page' });
    expect(article!.text).toBe(
      "Les actes pris par les autorités communales sont exécutoires de plein droit dès leur publication.\n\n" +
        "Le maire transmet ces actes au représentant de l'État, dans les conditions prévues à l'article L. 2131-2 et à l'article L. 2131-3.",
    );
    const start = article!.text.indexOf('article L. 2131-2');
    expect(article!.links).toEqual([{ href: '/codes/article_lc/LEGIARTI000006390142', text: 'article L. 2131-2', start, end: start + 'article L. 2131-2'.length, legiId: 'LEGIARTI000006390142' }]);
  });

  it('falls back on the page title for the number, and strips scripts and handlers from the HTML', () => {
    const { article } = parseHtmlPage('hostile.html', readFixture('article-r2334-3-hostile.html'));
    expect(article!.id).toBe('R*2334-3');
    expect(article!.part).toBe('regulatory');
    expect(article!.text).toBe("Le montant de la dotation est réparti selon les règles fixées au I de l'article L. 2334-7.\n\nUne seconde phrase.");
    expect(article!.html).not.toMatch(/script|onclick|onerror|onload|javascript:|steal/i);
    expect(article!.html).toContain('<b>seconde</b>');
  });

  it('warns about a page cut in the middle of a tag and keeps what parses', () => {
    const { article, messages } = parseHtmlPage('truncated.html', readFixture('article-l1111-2-truncated.html'));
    expect(article!.id).toBe('L1111-2');
    expect(article!.text).toMatch(/^Les communes, les départements et les régions règlent .*\n\nElles concourent avec l'État à l'administration du territoire, comme le prévoit l'$/);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((message) => message.ruleId === 'truncated-html' && message.severity === 'warning' && message.line === 1 && message.file === 'truncated.html')).toBe(true);
  });

  it('rejects a page naming no article', () => {
    const { article, messages } = parseHtmlPage('accueil.html', '<html><head><title>Accueil</title></head><body><p>Bienvenue</p></body></html>');
    expect(article).toBeUndefined();
    expect(messages).toEqual([{ file: 'accueil.html', line: 1, ruleId: 'no-article-heading', reason: expect.any(String), severity: 'error' }]);
  });
});
